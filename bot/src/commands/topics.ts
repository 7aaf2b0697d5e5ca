import { AddTopicBody, EditTopicBody, MoveTopicBody } from '../../../domain/api.js';
import { agendaOf, orderForMove, orderForNewTopic } from '../../../domain/agenda.js';
import { RecordId, type SharedRecord, type Topic } from '../../../domain/entities.js';
import type { Stored } from '../store/recordStore.js';
import { assertNoEditConflict } from '../../../domain/editConflicts.js';
import { Conflict, Invalid, NotFound } from '../../../domain/errors.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';
import { newRecordBase, publishChanged } from './records.js';
import { updateSharedRecord } from './updateRecord.js';

/** The agenda of one meeting, and the stored topics with their ETags (a move writes one of them). */
async function loadAgenda(ctx: CommandContext, seriesId: string, meetingId: string) {
  const stored = await ctx.store.records.query(seriesId, { type: 'topic', meetingId });
  const agenda = agendaOf(
    stored.map((s) => s.record as Topic),
    meetingId,
  );
  return { agenda, stored };
}

async function requireOpenMeeting(ctx: CommandContext, seriesId: string, meetingId: string): Promise<void> {
  const meeting = (await ctx.store.records.read(seriesId, meetingId))?.record;
  if (!meeting || meeting.type !== 'meeting') throw new NotFound('That meeting does not exist in this 1:1.');
  if (meeting.status === 'ended') throw new Invalid('That meeting has ended; add the topic to the next meeting.');
}

/** A topic whose id the server derived (a card's, see teams/cardActions.ts): outside the ids a client may choose. */
const ServerIdTopicBody = AddTopicBody.extend({ id: RecordId });

/**
 * Adds a topic; a retry with the same id answers the topic already added.
 * `idFrom: 'server'` is for the bot's own derived ids; every transport that
 * carries a client's body keeps the default, which refuses server ids.
 */
export async function addTopic(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  input: unknown,
  idFrom: 'client' | 'server' = 'client',
): Promise<Topic> {
  const { series } = await requireMember(ctx, caller, seriesId);
  const body = parseInput(idFrom === 'server' ? ServerIdTopicBody : AddTopicBody, input, 'topic');
  const meetingId = body.meetingId ?? series.currentMeetingId;
  if (meetingId !== series.currentMeetingId) await requireOpenMeeting(ctx, seriesId, meetingId);

  const { agenda } = await loadAgenda(ctx, seriesId, meetingId);
  const topic: Topic = {
    ...newRecordBase(ctx, seriesId, body.id),
    type: 'topic',
    meetingId,
    text: body.text,
    category: body.category,
    addedBy: caller.userId,
    order: orderForNewTopic(series, agenda, caller.userId),
    status: 'open',
    carriedOverCount: 0,
    originId: body.id,
    source: body.source,
    fieldVersions: {},
  };
  const { stored } = await ctx.store.records.create(topic);
  const added = sameTopicOrConflict(stored.record);
  // A retry whose first answer was lost is published too: the first attempt may have stored it unseen.
  publishChanged(ctx, seriesId, [added]);
  return added;
}

function sameTopicOrConflict(record: { type: string }): Topic {
  if (record.type !== 'topic') throw new Conflict('That id is already used by something else; use a new id.');
  return record as Topic;
}

function liveTopic(topic: Topic): Topic {
  if (topic.deletedAt) throw new NotFound('That topic was deleted.');
  return topic;
}

/** The shared path of every change to one topic: member check, ETag-guarded update, publish. */
async function changeTopic(
  ctx: CommandContext,
  seriesId: string,
  topicId: string,
  change: (current: Topic) => Topic,
  initial?: Stored<SharedRecord>,
): Promise<Topic> {
  const topic = await updateSharedRecord(ctx, seriesId, topicId, 'topic', change, initial);
  publishChanged(ctx, seriesId, [topic]);
  return topic;
}

export async function editTopic(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  topicId: string,
  input: unknown,
): Promise<Topic> {
  await requireMember(ctx, caller, seriesId);
  const { baseVersion, ...fields } = parseInput(EditTopicBody, input, 'topic change');
  return changeTopic(ctx, seriesId, topicId, (current) => {
    const next = { ...liveTopic(current), ...definedFields(fields) };
    if (sameFields(current, next)) return current;
    assertNoEditConflict(current, next, baseVersion);
    return next;
  });
}

export async function moveTopic(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  topicId: string,
  input: unknown,
): Promise<Topic> {
  const { series } = await requireMember(ctx, caller, seriesId);
  const { afterId } = parseInput(MoveTopicBody, input, 'move');
  // Topics are reordered on the current agenda; its query also yields the moved topic and its ETag.
  const { agenda, stored } = await loadAgenda(ctx, seriesId, series.currentMeetingId);
  const order = orderForMove(agenda, topicId, afterId);
  const initial = stored.find((s) => s.record.id === topicId);
  return changeTopic(ctx, seriesId, topicId, (current) => ({ ...liveTopic(current), order }), initial);
}

/** Deleting leaves a tombstone, so the delete can be undone with restoreTopic. */
export async function deleteTopic(ctx: CommandContext, caller: Caller, seriesId: string, topicId: string) {
  await requireMember(ctx, caller, seriesId);
  const now = ctx.clock.now().toISOString();
  return changeTopic(ctx, seriesId, topicId, (current) =>
    current.deletedAt ? current : { ...current, deletedAt: now },
  );
}

export async function restoreTopic(ctx: CommandContext, caller: Caller, seriesId: string, topicId: string) {
  await requireMember(ctx, caller, seriesId);
  return changeTopic(ctx, seriesId, topicId, (current) => {
    if (!current.deletedAt) return current;
    const { deletedAt: _deletedAt, ...rest } = current;
    return rest;
  });
}

export function definedFields<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function sameFields<T extends object>(a: T, b: T): boolean {
  return (Object.keys(b) as (keyof T)[]).every((key) => a[key] === b[key]);
}
