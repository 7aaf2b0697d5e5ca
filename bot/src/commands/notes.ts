import { PutNoteBody, PutPrivateNoteBody } from '../../../domain/api.js';
import type { AnyRecord, PrivateNote, SharedNote } from '../../../domain/entities.js';
import type { RecordRepository } from '../store/recordStore.js';
import { NotFound } from '../../../domain/errors.js';
import { StaleWrite } from '../store/errors.js';
import { requireMember } from './access.js';
import type { Caller, CommandContext } from './context.js';
import { parseInput } from './input.js';
import { derivedId } from '../../../domain/ids.js';
import { newRecordBase, publishChanged } from './records.js';
import { updateWithRetry } from './updateRecord.js';

/**
 * A member's shared note on a topic. Each member has their own entry per
 * topic, so two people typing at once never overwrite each other's words.
 */
export async function putSharedNote(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  topicId: string,
  input: unknown,
): Promise<SharedNote> {
  await requireMember(ctx, caller, seriesId);
  const { text } = parseInput(PutNoteBody, input, 'note');
  const topic = (await ctx.store.records.read(seriesId, topicId))?.record;
  if (!topic || topic.type !== 'topic' || topic.deletedAt) throw new NotFound('That topic does not exist.');
  const id = derivedId('note', topicId, caller.userId);
  const note = await writeOwnRecord(ctx, ctx.store.records, seriesId, id, 'sharedNote', text, () => ({
    ...newRecordBase(ctx, seriesId, id),
    type: 'sharedNote' as const,
    meetingId: topic.meetingId,
    topicId,
    authorId: caller.userId,
    text,
  }));
  publishChanged(ctx, seriesId, [note]);
  return note;
}

/** A member's private note on a meeting: stored apart, sent to its author alone. */
export async function putPrivateNote(
  ctx: CommandContext,
  caller: Caller,
  seriesId: string,
  meetingId: string,
  input: unknown,
): Promise<PrivateNote> {
  await requireMember(ctx, caller, seriesId);
  const { text } = parseInput(PutPrivateNoteBody, input, 'private note');
  const meeting = (await ctx.store.records.read(seriesId, meetingId))?.record;
  if (!meeting || meeting.type !== 'meeting') throw new NotFound('That meeting does not exist in this 1:1.');
  const id = derivedId('private', meetingId, caller.userId);
  const note = await writeOwnRecord(ctx, ctx.store.privateNotes, seriesId, id, 'privateNote', text, () => ({
    ...newRecordBase(ctx, seriesId, id),
    type: 'privateNote' as const,
    meetingId,
    authorId: caller.userId,
    text,
  }));
  publishChanged(ctx, seriesId, [note]);
  return note;
}

type OwnRecord = SharedNote | PrivateNote;

/** Create the author's record on first write, update its text afterwards; a racing first write becomes an update. */
async function writeOwnRecord<U extends AnyRecord, R extends U & OwnRecord>(
  ctx: CommandContext,
  repo: RecordRepository<U>,
  seriesId: string,
  id: string,
  type: R['type'],
  text: string,
  create: () => R,
): Promise<R> {
  const update = async () => {
    const updated = await updateWithRetry(ctx, repo, seriesId, id, type, (current) => {
      const own = current as R; // the record's type was checked against `type` by updateWithRetry
      return own.text === text ? current : ({ ...own, text } as typeof current);
    });
    return updated as R;
  };
  if (await repo.read(seriesId, id)) return update();
  try {
    return (await repo.put(create(), undefined)).record as unknown as R;
  } catch (error) {
    if (error instanceof StaleWrite) return update();
    throw error;
  }
}
