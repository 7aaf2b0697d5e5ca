import type { z } from 'zod/v4';
import type { Cadence, Meeting, Member, Series } from './entities.js';
import { Meeting as MeetingSchema, Series as SeriesSchema, TEXT_LIMITS } from './entities.js';
import { Invalid } from './errors.js';
import { idFromExternal } from './ids.js';
import { canonicalTimeZone, nextOccurrence } from './schedule.js';

/**
 * Starting a 1:1: the series and its first meeting. Used by the bot when the
 * app is added to a meeting chat and by the dev seed, so both build the same
 * records. Ids are derived from their inputs: installing twice into the same
 * chat yields the same series id, and the store's create-if-absent turns the
 * second install into a no-op instead of a second series.
 */

/** One series per Teams meeting chat: the chat id decides the series id. */
export function seriesIdForChat(chatId: string): string {
  return idFromExternal('s-', chatId);
}

/** `m-<yyyymmddThhmm>` of the scheduled start in UTC: one meeting per slot, the same id on every retry. */
export function meetingIdFor(scheduledStart: Date): string {
  const iso = scheduledStart.toISOString(); // 2026-03-23T08:00:00.000Z
  return `m-${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

/** A scheduled meeting that has not been written yet (version 1). */
export function newMeeting(seriesId: string, scheduledStart: Date, now: Date): Meeting {
  const stamp = now.toISOString();
  return {
    id: meetingIdFor(scheduledStart),
    seriesId,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    type: 'meeting',
    scheduledStart: scheduledStart.toISOString(),
    status: 'scheduled',
  };
}

export interface FirstMeetingInput {
  seriesId: string;
  cadence: Cadence;
  now: Date;
  /** When Teams already knows the first start (getMeetingInfo), use it; else the cadence's next occurrence. */
  scheduledStart?: Date;
}

export function firstMeeting({ seriesId, cadence, now, scheduledStart }: FirstMeetingInput): Meeting {
  return newMeeting(seriesId, scheduledStart ?? nextOccurrence(cadence, now), now);
}

export interface CreateSeriesInput {
  tenantId: string;
  chatId: string;
  title: string;
  /** The manager and the report, in any order. */
  members: readonly Member[];
  cadence: Cadence;
  now: Date;
  firstStart?: Date;
}

export function createSeries(input: CreateSeriesInput): { series: Series; meeting: Meeting } {
  checkMembers(input.members);
  const cadence: Cadence = { ...input.cadence, timeZone: canonicalTimeZone(input.cadence.timeZone) };
  const seriesId = seriesIdForChat(input.chatId);
  const meeting = firstMeeting({ seriesId, cadence, now: input.now, scheduledStart: input.firstStart });
  const stamp = input.now.toISOString();
  const series: Series = {
    id: seriesId,
    seriesId,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    type: 'series',
    tenantId: input.tenantId,
    chatId: input.chatId,
    title: defaultTitle(input.title, input.members),
    members: input.members.map((m) => ({ ...m })),
    cadence,
    currentMeetingId: meeting.id,
  };
  return {
    series: parseOrInvalid(SeriesSchema, series, 'series'),
    meeting: parseOrInvalid(MeetingSchema, meeting, 'meeting'),
  };
}

function checkMembers(members: readonly Member[]): void {
  if (members.length !== 2) throw new Invalid(`A 1:1 has exactly two members; got ${members.length}.`);
  const roles = members.map((m) => m.role).sort();
  if (roles[0] !== 'manager' || roles[1] !== 'report') {
    throw new Invalid('A 1:1 needs one manager and one report.');
  }
  if (members[0]?.userId === members[1]?.userId)
    throw new Invalid('The manager and the report must be two different people.');
}

/** Teams meeting titles are often empty; "Ana / Ben 1:1" beats a blank header. */
function defaultTitle(title: string, members: readonly Member[]): string {
  const trimmed = title.trim();
  if (trimmed !== '') return trimmed.slice(0, TEXT_LIMITS.name);
  const name = (role: Member['role']) => members.find((m) => m.role === role)?.name ?? '';
  return `${name('manager')} / ${name('report')} 1:1`.slice(0, TEXT_LIMITS.name);
}

function parseOrInvalid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => `${i.path.map(String).join('.') || what}: ${i.message}`);
  throw new Invalid(`The new ${what} is not valid: ${details.join('; ')}`, details);
}
