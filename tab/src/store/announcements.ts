import type { AnyRecord, UserId } from '../../../domain/entities.js';
import type { Deleted } from './meetingActions.js';
import { memberName } from './selectors.js';
import type { SeriesState } from './seriesState.js';

/** A change the other person made, in words for the live region; a deletion comes with its Undo. */
export interface Announcement {
  text: string;
  deleted?: Deleted;
}

const STATUS_WORDS = { open: 'reopened', discussed: 'marked discussed', deferred: 'parked' } as const;

const CATEGORY_WORDS = { work: 'Work', growth: 'Growth', wellbeing: 'Wellbeing', feedback: 'Feedback' } as const;

const quote = (text: string) => `‘${text.length > 60 ? `${text.slice(0, 59)}…` : text}’`;

/**
 * What changed, said the way a person would ("Sam added ‘Career plan’"), for
 * records arriving on the live channel. Only the other person's changes are
 * said: a record the viewer is saving right now (an optimistic copy) is their
 * own echo, and one no newer than what the panel holds says nothing new. The
 * records carry no author of an edit; in a 1:1 the only other writer is the
 * other member (or the viewer on another device, where the name is theirs).
 */
export function describeChanges(state: SeriesState, records: readonly AnyRecord[]): Announcement[] {
  const series = state.records.series[state.seriesId];
  const viewer = state.viewer;
  if (!series || !viewer) return [];
  const other = series.members.find((m) => m.userId !== viewer.userId)?.name ?? 'The other person';
  const said: Announcement[] = [];
  for (const record of records) {
    if (record.seriesId !== state.seriesId || record.id in state.pending) continue;
    if (record.type !== 'topic' && record.type !== 'actionItem') continue;
    const held = state.records[record.type][record.id];
    if (held && held.version >= record.version) continue;
    const kind = record.type === 'topic' ? 'topic' : 'actionItem';
    const what = record.type === 'topic' ? quote(record.text) : `the action item ${quote(record.text)}`;
    if (!held) {
      const author: UserId = record.type === 'topic' ? record.addedBy : record.createdBy;
      const onAgenda = record.type !== 'topic' || record.meetingId === series.currentMeetingId;
      if (author !== viewer.userId && !record.deletedAt && onAgenda)
        said.push({ text: `${memberName(series, author)} added ${what}` });
      continue;
    }
    if (!held.deletedAt && record.deletedAt) {
      said.push({ text: `${other} deleted ${what}`, deleted: { kind, id: record.id, text: record.text, by: other } });
    } else if (held.deletedAt && !record.deletedAt) {
      said.push({ text: `${other} restored ${what}` });
    } else if (held.text !== record.text) {
      said.push({ text: `${other} changed ${quote(held.text)} to ${quote(record.text)}` });
    } else {
      const change = otherChange(held, record, what);
      if (change) said.push({ text: `${other} ${change}` });
    }
  }
  return said;
}

function otherChange(held: AnyRecord, record: AnyRecord, what: string): string | undefined {
  if (held.type === 'topic' && record.type === 'topic') {
    if (held.status !== record.status) return `${STATUS_WORDS[record.status]} ${what}`;
    if (held.category !== record.category) return `put ${what} under ${CATEGORY_WORDS[record.category]}`;
  }
  if (held.type === 'actionItem' && record.type === 'actionItem') {
    if (!held.doneAt && record.doneAt) return `ticked off ${what}`;
    if (held.doneAt && !record.doneAt) return `reopened ${what}`;
    if (held.ownerId !== record.ownerId || held.dueDate !== record.dueDate)
      return `changed the owner or due date of ${what}`;
  }
  return undefined;
}
