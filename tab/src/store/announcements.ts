import type { AnyRecord, UserId } from '../../../domain/entities.js';
import type { Translate } from '../i18n/useT.js';
import { CATEGORY_KEYS } from './categoryWords.js';
import type { Deleted } from './meetingActions.js';
import { memberName } from './selectors.js';
import type { SeriesState } from './seriesState.js';
import { shorten } from './shorten.js';

/** A change the other person made, in words for the live region; a deletion comes with its Undo. */
export interface Announcement {
  text: string;
  deleted?: Deleted;
}

/**
 * What changed, said the way a person would ("Sam added ‘Career plan’"), for
 * records arriving on the live channel. Only the other person's changes are
 * said: a record the viewer is saving right now (an optimistic copy) is their
 * own echo, and one no newer than what the panel holds says nothing new. The
 * records carry no author of an edit; in a 1:1 the only other writer is the
 * other member (or the viewer on another device, where the name is theirs).
 */
export function describeChanges(state: SeriesState, records: readonly AnyRecord[], t: Translate): Announcement[] {
  const series = state.records.series[state.seriesId];
  const viewer = state.viewer;
  if (!series || !viewer) return [];
  const other = series.members.find((m) => m.userId !== viewer.userId)?.name ?? t('panel.otherPerson');
  const said: Announcement[] = [];
  for (const record of records) {
    if (record.seriesId !== state.seriesId || record.id in state.pending) continue;
    if (record.type !== 'topic' && record.type !== 'actionItem') continue;
    const held = state.records[record.type][record.id];
    if (held && held.version >= record.version) continue;
    const kind = record.type === 'topic' ? 'topic' : 'actionItem';
    const about = { kind, name: other, text: shorten(record.text, 60) };
    if (!held) {
      const author: UserId = record.type === 'topic' ? record.addedBy : record.createdBy;
      const onAgenda = record.type !== 'topic' || record.meetingId === series.currentMeetingId;
      if (author !== viewer.userId && !record.deletedAt && onAgenda)
        said.push({ text: t('panel.said.added', { ...about, name: memberName(series, author, t) }) });
      continue;
    }
    if (!held.deletedAt && record.deletedAt) {
      said.push({
        text: t('panel.said.deleted', about),
        deleted: { kind, id: record.id, text: record.text, by: other },
      });
    } else if (held.deletedAt && !record.deletedAt) {
      said.push({ text: t('panel.said.restored', about) });
    } else if (held.text !== record.text) {
      said.push({ text: t('panel.said.rewritten', { ...about, before: shorten(held.text, 60) }) });
    } else {
      const change = otherChange(held, record, about, t);
      if (change) said.push({ text: change });
    }
  }
  return said;
}

function otherChange(
  held: AnyRecord,
  record: AnyRecord,
  about: { kind: string; name: string; text: string },
  t: Translate,
): string | undefined {
  if (held.type === 'topic' && record.type === 'topic') {
    if (held.status !== record.status) return t('panel.said.topicStatus', { ...about, status: record.status });
    if (held.category !== record.category)
      return t('panel.said.topicCategory', { ...about, category: t(CATEGORY_KEYS[record.category]) });
  }
  if (held.type === 'actionItem' && record.type === 'actionItem') {
    if (!held.doneAt && record.doneAt) return t('panel.said.itemDone', about);
    if (held.doneAt && !record.doneAt) return t('panel.said.itemReopened', about);
    if (held.ownerId !== record.ownerId || held.dueDate !== record.dueDate)
      return t('panel.said.itemOwnerOrDue', about);
  }
  return undefined;
}
