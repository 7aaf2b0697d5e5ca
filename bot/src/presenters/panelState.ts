import type { HistoryCursor, HistoryPage, PanelHistory, PanelState } from '../../../domain/api.js';
import type { Member, PrivateNote, Series, SharedRecord } from '../../../domain/entities.js';
import { isVisibleTo } from './visibility.js';

type Groups = Pick<PanelState, 'meetings' | 'topics' | 'actionItems' | 'sharedNotes' | 'privateNotes'>;

/** Sorts records into the groups the panel reads; private notes only when the viewer wrote them. */
function grouped(viewer: Member, shared: readonly SharedRecord[], privateNotes: readonly PrivateNote[]): Groups {
  const groups: Groups = {
    meetings: [],
    topics: [],
    actionItems: [],
    sharedNotes: [],
    privateNotes: privateNotes.filter((note) => isVisibleTo(viewer.userId, note)),
  };
  for (const record of shared) {
    if (record.type === 'meeting') groups.meetings.push(record);
    else if (record.type === 'topic') groups.topics.push(record);
    else if (record.type === 'actionItem') groups.actionItems.push(record);
    else if (record.type === 'sharedNote') groups.sharedNotes.push(record);
  }
  return groups;
}

/** What one member sees of a series when the panel opens. */
export function presentPanelState(
  viewer: Member,
  series: Series,
  shared: readonly SharedRecord[],
  privateNotes: readonly PrivateNote[],
  history: PanelHistory,
): PanelState {
  const groups = grouped(viewer, shared, privateNotes);
  groups.meetings.sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
  return { viewer, series, ...groups, history };
}

/** One page of past meetings as one member sees it (meetings newest first). */
export function presentHistoryPage(
  viewer: Member,
  shared: readonly SharedRecord[],
  privateNotes: readonly PrivateNote[],
  before: HistoryCursor | null,
): HistoryPage {
  return { ...grouped(viewer, shared, privateNotes), before };
}
