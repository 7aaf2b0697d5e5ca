import { TeamsChatId, type Cadence, type Member, type Series } from '../../../domain/entities.js';
import { Conflict, Invalid } from '../../../domain/errors.js';
import { createSeries, seriesIdForChat } from '../../../domain/series.js';
import type { CommandContext } from './context.js';
import { StaleWrite } from '../store/errors.js';
import { commitChange, promptEffect, userIndexEffect } from './commit.js';

export interface SeriesForChatInput {
  tenantId: string;
  chatId: string;
  title: string;
  members: readonly Member[];
  cadence: Cadence;
  /** The first start when Teams knows it (getMeetingInfo). */
  firstStart?: Date;
}

/** A weekly 30-minute slot until the members change it in the panel. */
export const DEFAULT_CADENCE: Cadence = {
  frequency: 'weekly',
  weekday: 'thursday',
  time: '10:00',
  timeZone: 'UTC',
  durationMinutes: 30,
};

/** The local meeting page's 1:1 (dev mode only). */
export const DEMO_SERIES: SeriesForChatInput = {
  tenantId: 'dev-tenant',
  chatId: '19:dev-demo-meeting@thread.v2',
  title: 'Alex / Sam 1:1',
  members: [
    { userId: 'dev-alex-manager', name: 'Alex Morgan', role: 'manager' },
    { userId: 'dev-sam-report', name: 'Sam Rivera', role: 'report' },
  ],
  cadence: { ...DEFAULT_CADENCE, timeZone: 'Europe/London' },
};

/** The demo manager's other reports, so the local "My 1:1s" page has a team to show (dev mode only). */
export const DEMO_TEAM: readonly SeriesForChatInput[] = [
  {
    ...DEMO_SERIES,
    chatId: '19:dev-demo-priya@thread.v2',
    title: 'Alex / Priya 1:1',
    members: [DEMO_SERIES.members[0]!, { userId: 'dev-priya-report', name: 'Priya Patel', role: 'report' }],
    cadence: { ...DEMO_SERIES.cadence, weekday: 'tuesday', time: '14:00' },
  },
  {
    ...DEMO_SERIES,
    chatId: '19:dev-demo-jordan@thread.v2',
    title: 'Alex / Jordan 1:1',
    members: [DEMO_SERIES.members[0]!, { userId: 'dev-jordan-report', name: 'Jordan Lee', role: 'report' }],
    cadence: { ...DEMO_SERIES.cadence, frequency: 'biweekly', weekday: 'friday', time: '09:30' },
  },
];

/**
 * Finds the series of a Teams chat, or starts it with its first meeting. Ids
 * derive from the chat, so a repeated install or two instances racing write
 * the same records once. Called by the bot on install, the dev seed and tests.
 * No caller check: the bot calls it for an authenticated Bot Framework
 * activity, never on behalf of a panel request.
 */
export async function ensureSeriesForChat(ctx: CommandContext, input: SeriesForChatInput): Promise<Series> {
  // The chat id comes from an activity: it names the series, its rooms and its Cosmos id, so check its shape first.
  if (!TeamsChatId.safeParse(input.chatId).success) {
    throw new Invalid('This is not a Teams chat we can set a 1:1 up in (unexpected chat id).');
  }
  const seriesId = seriesIdForChat(input.chatId);
  const existing = await ctx.store.records.read(seriesId, seriesId);
  if (existing) return repairedIndex(ctx, asSeries(existing.record, input.tenantId));
  const { series, meeting } = createSeries({ ...input, now: ctx.clock.now() });
  try {
    // The series, its first meeting, that meeting's prompt and the index entries: one commit.
    await commitChange(ctx, series.id, {
      writes: [
        { op: 'create', record: meeting },
        { op: 'create', record: series },
      ],
      effects: [promptEffect(ctx, meeting), userIndexEffect(ctx, series.id)],
    });
    return series;
  } catch (error) {
    // Another install of the same chat committed first (a create of an existing id).
    if (!(error instanceof StaleWrite)) throw error;
    const stored = await ctx.store.records.read(seriesId, seriesId);
    if (!stored) throw error;
    return asSeries(stored.record, input.tenantId);
  }
}

/** A repeated install also re-arms the index update, should an earlier run of it have been lost. */
async function repairedIndex(ctx: CommandContext, series: Series): Promise<Series> {
  await commitChange(ctx, series.id, { writes: [], effects: [userIndexEffect(ctx, series.id)] });
  return series;
}

function asSeries(record: { type: string }, tenantId: string): Series {
  const series = record as Series;
  if (record.type !== 'series' || series.tenantId !== tenantId) {
    throw new Conflict('This chat already belongs to another 1:1.');
  }
  return series;
}
