import { AddTopicBody, EditTopicBody, MoveTopicBody } from '../../../domain/api.js';
import { agendaOf, orderOf, placeMove, placeNewTopic } from '../../../domain/agenda.js';
import { RecordId, type SharedRecord, type Topic } from '../../../domain/entities.js';
import { StaleWrite } from '../store/errors.js';
import type { Stored } from '../store/recordStore.js';
import { carriedCopyId } from '../../../domain/carryOver.js';
import { assertNoEditConflict } from '../../../domain/editConflicts.js';
import { Conflict, MeetingEnded, NotFound } from '../../../domain/errors.js';
import { isClosed } from '../../../domain/meetingLifecycle.js';
import { afterTopicWrite, finishClose } from './meetingLifecycle.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';
import { newRecordBase, publishChanged } from './records.js';
import { writeAgendaOrder } from './rebalance.js';
import { updateSharedRecord } from './updateRecord.js';

/** A rebalance races other writes to the agenda only rarely; a few fresh attempts settle it. */
const MAX_REBALANCE_ATTEMPTS = 4;

/**
 * The agenda of one meeting, and the stored topics with their ETags (a move
 * writes one of them): from this instance's cache when it holds the whole
 * agenda, else one single-partition query (after which it does). A cached
 * agenda may miss a topic another instance added a moment ago; a placement
 * computed from it is written with ETags like any other, and a move naming a
 * topic it does not hold reads the agenda afresh.
 */
async function loadAgenda(ctx: CommandContext, seriesId: string, meetingId: string, fresh = false) {
  const held = fresh ? undefined : ctx.store.cache.agenda(seriesId, meetingId);
  const stored: Stored<SharedRecord>[] =
    held ?? (await ctx.store.records.query(seriesId, { type: 'topic', meetingId }));
  if (!held) ctx.store.cache.completeAgenda(seriesId, meetingId, stored);
  const agenda = agendaOf(
    stored.map((s) => s.record as Topic),
    meetingId,
  );
  return { agenda, stored, cached: held !== undefined };
}

/**
 * Where a new topic goes: the meeting asked for (default: the current one),
 * or — when that meeting has closed, even while its close is being written —
 * the meeting its agenda moved on to.
 */
async function meetingForNewTopic(ctx: CommandContext, seriesId: string, meetingId: string): Promise<string> {
  // Cached when held: a closed meeting never opens again, so a cached "closed" needs no check,
  // and a close made meanwhile is caught after the write (afterTopicWrite).
  let stored = await ctx.store.records.readCached(seriesId, meetingId);
  if (ctx.store.records.fromCache(stored) && (stored?.record.type !== 'meeting' || stored.record.deletedAt)) {
    stored = await ctx.store.records.read(seriesId, meetingId);
  }
  const meeting = stored?.record;
  if (!meeting || meeting.type !== 'meeting' || meeting.deletedAt) {
    throw new NotFound('That meeting does not exist in this 1:1.');
  }
  if (!isClosed(meeting)) return meetingId;
  if (!meeting.nextMeeting) throw new MeetingEnded('That meeting has ended; add the topic to the next meeting.');
  if (!meeting.settledAt) await finishClose(ctx, seriesId, meeting);
  return meeting.nextMeeting.id;
}

/** A topic whose id the server derived (a card's, see teams/cardActions.ts): outside the ids a client may choose. */
const ServerIdTopicBody = AddTopicBody.extend({ id: RecordId });

/**
 * Adds a topic; a retry with the same id answers the topic already added.
 * `idFrom: 'server'` is for the bot's own derived ids; every transport that
 * carries a client's body keeps the default, which refuses server ids.
 *
 * A server-derived id stands for one person's one request (this message,
 * this card's text, on this agenda): when its topic was deleted and the
 * person asks again, the topic comes back in its place with the words given
 * now, as Undo would bring it back. A client's id never revives: a late
 * retry of an add must not undo a delete made since.
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
  const meetingId = await meetingForNewTopic(ctx, seriesId, body.meetingId ?? series.currentMeetingId);

  for (let attempt = 0; attempt < MAX_REBALANCE_ATTEMPTS; attempt++) {
    const { agenda, stored } = await loadAgenda(ctx, seriesId, meetingId, attempt > 0);
    const placement = placeNewTopic(series, agenda, caller.userId, body.id);
    let rebalanced: Topic[] = [];
    if (placement.kind === 'rebalance' && !stored.some((s) => s.record.id === body.id)) {
      try {
        rebalanced = await writeAgendaOrder(ctx, seriesId, stored, placement.orders, body.id);
      } catch (error) {
        if (error instanceof StaleWrite) continue;
        throw error;
      }
    }
    const topic: Topic = {
      ...newRecordBase(ctx, seriesId, body.id),
      type: 'topic',
      meetingId,
      text: body.text,
      category: body.category,
      addedBy: caller.userId,
      order: orderOf(placement, body.id),
      status: 'open',
      carriedOverCount: 0,
      originId: body.id,
      source: body.source,
      fieldVersions: {},
    };
    const { stored: created } = await ctx.store.records.create(topic);
    const added = sameTopicOrConflict(created.record);
    if (added.deletedAt && idFrom === 'server') return reviveTopic(ctx, seriesId, added.id, body);
    // A retry whose first answer was lost is published too: the first attempt may have stored it unseen.
    publishChanged(ctx, seriesId, [...rebalanced, added]);
    // The meeting may have closed between the look-up and the write: then the topic lands in the next meeting.
    const raced = await afterTopicWrite(ctx, seriesId, added.meetingId);
    const landed = raced?.result.carried.find((t) => t.id === carriedCopyId(added, raced.result.next.id));
    return landed ?? added;
  }
  throw new Conflict('The agenda is being reordered by someone else right now. Please try again.');
}

/** A deleted topic of a server-derived id, asked for again: live again, with the text and category asked for now. */
async function reviveTopic(
  ctx: CommandContext,
  seriesId: string,
  topicId: string,
  body: { text: string; category: Topic['category'] },
): Promise<Topic> {
  return changeTopic(ctx, seriesId, topicId, (current) => {
    if (!current.deletedAt) return current;
    const { deletedAt: _deletedAt, ...rest } = current;
    return { ...rest, text: body.text, category: body.category };
  });
}

function sameTopicOrConflict(record: { type: string }): Topic {
  if (record.type !== 'topic') throw new Conflict('That id is already used by something else; use a new id.');
  return record as Topic;
}

function liveTopic(topic: Topic): Topic {
  if (topic.deletedAt) throw new NotFound('That topic was deleted.');
  return topic;
}

/**
 * The shared path of every change to one topic: ETag-guarded update, publish.
 * A topic of a closed meeting is history: it is refused, pointing to its
 * carried copy. A change that raced the close reaches the carried copy.
 */
async function changeTopic(
  ctx: CommandContext,
  seriesId: string,
  topicId: string,
  change: (current: Topic) => Topic,
  initial?: Stored<SharedRecord>,
): Promise<Topic> {
  const first = initial ?? (await ctx.store.records.readCached(seriesId, topicId));
  if (first?.record.type === 'topic') await refuseIfClosed(ctx, seriesId, first.record);
  const topic = await updateSharedRecord(ctx, seriesId, topicId, 'topic', change, first);
  publishChanged(ctx, seriesId, [topic]);
  await afterTopicWrite(ctx, seriesId, topic.meetingId);
  return topic;
}

async function refuseIfClosed(ctx: CommandContext, seriesId: string, topic: Topic): Promise<void> {
  // Cached when held: "closed" is final; a close made meanwhile is caught after the write (afterTopicWrite).
  const meeting = (await ctx.store.records.readCached(seriesId, topic.meetingId))?.record;
  if (meeting?.type !== 'meeting' || !isClosed(meeting)) return;
  const next = meeting.nextMeeting;
  if (next && !meeting.settledAt) await finishClose(ctx, seriesId, meeting);
  const copyId = next ? carriedCopyId(topic, next.id) : undefined;
  const copy = copyId ? (await ctx.store.records.read(seriesId, copyId))?.record : undefined;
  throw new MeetingEnded(
    copy && !copy.deletedAt
      ? `That 1:1 has ${meeting.status === 'ended' ? 'ended' : 'been ' + meeting.status}; this topic continues on the next agenda (topic ${copy.id}). Change it there.`
      : `That 1:1 has ${meeting.status === 'ended' ? 'ended' : 'been ' + meeting.status}, and its agenda is kept as it was. Add a topic to the next 1:1 instead.`,
  );
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
  for (let attempt = 0; attempt < MAX_REBALANCE_ATTEMPTS; attempt++) {
    // Topics are reordered on the current agenda; it also yields the moved topic and its ETag.
    let { agenda, stored, cached } = await loadAgenda(ctx, seriesId, series.currentMeetingId, attempt > 0);
    const holds = (id: string) => stored.some((s) => s.record.id === id);
    if (cached && (!holds(topicId) || (afterId !== null && !holds(afterId)))) {
      // A topic the cached agenda does not hold: perhaps added through another instance a moment ago.
      ({ agenda, stored, cached } = await loadAgenda(ctx, seriesId, series.currentMeetingId, true));
    }
    const initial = stored.find((s) => s.record.id === topicId);
    if (!initial) {
      // Not on the current agenda: a topic of an ended meeting is refused with a pointer to its copy.
      const elsewhere = (await ctx.store.records.read(seriesId, topicId))?.record;
      if (elsewhere?.type === 'topic') await refuseIfClosed(ctx, seriesId, elsewhere);
    }
    const placement = placeMove(agenda, topicId, afterId);
    if (placement.kind === 'key') {
      const { order } = placement;
      return changeTopic(ctx, seriesId, topicId, (current) => ({ ...liveTopic(current), order }), initial);
    }
    try {
      const rebalanced = await writeAgendaOrder(ctx, seriesId, stored, placement.orders);
      publishChanged(ctx, seriesId, rebalanced);
      return rebalanced.find((t) => t.id === topicId) ?? (initial!.record as Topic);
    } catch (error) {
      if (!(error instanceof StaleWrite)) throw error;
    }
  }
  throw new Conflict('The agenda is being reordered by someone else right now. Please try again.');
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
