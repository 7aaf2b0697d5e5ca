import { agendaOf } from '../../../domain/agenda.js';
import type { ActionItem, AnyRecord, Member, RecordType, Series, Topic } from '../../../domain/entities.js';
import type { Translate } from '../i18n/useT.js';
import type { SeriesState } from './seriesState.js';

type RecordOf<T extends RecordType> = Extract<AnyRecord, { type: T }>;

/** The records of one type as the panel shows them: the server's, with optimistic copies on top. */
export function visibleRecords<T extends RecordType>(state: SeriesState, type: T): RecordOf<T>[] {
  const byId: Record<string, RecordOf<T>> = { ...state.records[type] };
  for (const record of Object.values(state.pending)) {
    if (record.type === type) byId[record.id] = record as RecordOf<T>;
  }
  return Object.values(byId);
}

export function selectSeries(state: SeriesState): Series | undefined {
  return state.pending[state.seriesId]?.type === 'series'
    ? (state.pending[state.seriesId] as Series)
    : state.records.series[state.seriesId];
}

/** The live agenda of the meeting the panel works on, in the server's order. */
export function selectAgenda(state: SeriesState): Topic[] {
  const series = selectSeries(state);
  if (!series) return [];
  return agendaOf(visibleRecords(state, 'topic'), series.currentMeetingId);
}

/**
 * Action items agreed in the current meeting, open first, earliest due date
 * first. Those still open from earlier meetings show under "From last time"
 * (see meetingSelectors.ts), at the top of the panel.
 */
export function selectActionItems(state: SeriesState): ActionItem[] {
  const series = selectSeries(state);
  return visibleRecords(state, 'actionItem')
    .filter((item) => !item.deletedAt && item.meetingId === series?.currentMeetingId)
    .sort(byOpenThenDue);
}

function byOpenThenDue(a: ActionItem, b: ActionItem): number {
  if (!a.doneAt !== !b.doneAt) return a.doneAt ? 1 : -1;
  const dueA = a.dueDate ?? '9999-12-31';
  const dueB = b.dueDate ?? '9999-12-31';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

export function memberName(series: Series | undefined, userId: string, t: Translate): string {
  return series?.members.find((m) => m.userId === userId)?.name ?? t('panel.someone');
}

export function otherMember(series: Series | undefined, viewer: Member | undefined): Member | undefined {
  return series?.members.find((m) => m.userId !== viewer?.userId);
}
