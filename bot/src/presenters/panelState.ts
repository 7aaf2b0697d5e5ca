import type { PanelState } from '../../../domain/api.js';
import type { Member, PrivateNote, Series, SharedRecord } from '../../../domain/entities.js';
import { isVisibleTo } from './visibility.js';

/** What one member sees of a series when the panel opens. */
export function presentPanelState(
  viewer: Member,
  series: Series,
  shared: readonly SharedRecord[],
  privateNotes: readonly PrivateNote[],
): PanelState {
  const state: PanelState = {
    viewer,
    series,
    meetings: [],
    topics: [],
    actionItems: [],
    sharedNotes: [],
    privateNotes: privateNotes.filter((note) => isVisibleTo(viewer.userId, note)),
  };
  for (const record of shared) {
    if (record.type === 'meeting') state.meetings.push(record);
    else if (record.type === 'topic') state.topics.push(record);
    else if (record.type === 'actionItem') state.actionItems.push(record);
    else if (record.type === 'sharedNote') state.sharedNotes.push(record);
  }
  state.meetings.sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
  return state;
}
