import { orderForMove, orderForNewTopic } from '../../../domain/agenda.js';
import type { RecordResponse } from '../../../domain/api.js';
import type { ActionItem, AnyRecord, TopicCategory, Topic, TopicStatus } from '../../../domain/entities.js';
import { messageOf } from '../api/http.js';
import type { SeriesApi } from '../api/seriesApi.js';
import { newId } from './newId.js';
import { selectAgenda, selectSeries, visibleRecords } from './selectors.js';
import type { SeriesAction, SeriesState } from './seriesState.js';

export interface NewActionItem {
  text: string;
  ownerId: string;
  dueDate?: string;
}

/**
 * Every change a person can make from the panel. Each one shows an
 * optimistic copy at once, then keeps the record the server answers with (or
 * drops the copy and shows the server's message). Resolves true on success so
 * a form knows it may clear itself.
 */
export function createSeriesActions(api: SeriesApi, dispatch: (action: SeriesAction) => void, read: () => SeriesState) {
  async function commit(optimistic: AnyRecord | undefined, call: () => Promise<RecordResponse>): Promise<boolean> {
    if (optimistic) dispatch({ type: 'optimistic', record: optimistic });
    try {
      const { record } = await call();
      dispatch({ type: 'recordsReceived', records: [record] });
      return true;
    } catch (error) {
      dispatch({ type: 'notice', text: messageOf(error) });
      return false;
    } finally {
      if (optimistic) dispatch({ type: 'settled', id: optimistic.id });
    }
  }

  function topic(id: string): Topic | undefined {
    return visibleRecords(read(), 'topic').find((t) => t.id === id);
  }

  function actionItem(id: string): ActionItem | undefined {
    return visibleRecords(read(), 'actionItem').find((a) => a.id === id);
  }

  const now = () => new Date().toISOString();

  return {
    addTopic(text: string, category: TopicCategory): Promise<boolean> {
      const state = read();
      const series = selectSeries(state);
      const viewer = state.viewer;
      const id = newId();
      const optimistic: Topic | undefined =
        series && viewer
          ? {
              id,
              type: 'topic',
              seriesId: series.id,
              version: 0,
              createdAt: now(),
              updatedAt: now(),
              meetingId: series.currentMeetingId,
              text: text.trim(),
              category,
              addedBy: viewer.userId,
              order: orderForNewTopic(series, selectAgenda(state), viewer.userId),
              status: 'open',
              carriedOverCount: 0,
              originId: id,
            }
          : undefined;
      return commit(optimistic, () => api.addTopic({ id, text, category }));
    },

    editTopicText(topicId: string, text: string): Promise<boolean> {
      const held = topic(topicId);
      return commit(held && { ...held, text: text.trim() }, () => api.editTopic(topicId, { text }));
    },

    setTopicStatus(topicId: string, status: TopicStatus): Promise<boolean> {
      const held = topic(topicId);
      return commit(held && { ...held, status }, () => api.editTopic(topicId, { status }));
    },

    /** Places the topic right after `afterId` (null: first), as the move buttons and Alt+Arrow keys do. */
    moveTopic(topicId: string, afterId: string | null): Promise<boolean> {
      const held = topic(topicId);
      let optimistic: Topic | undefined;
      try {
        optimistic = held && { ...held, order: orderForMove(selectAgenda(read()), topicId, afterId) };
      } catch {
        optimistic = undefined; // the server decides and explains
      }
      return commit(optimistic, () => api.moveTopic(topicId, { afterId }));
    },

    addActionItem({ text, ownerId, dueDate }: NewActionItem): Promise<boolean> {
      const state = read();
      const series = selectSeries(state);
      const id = newId();
      const optimistic: ActionItem | undefined =
        series && state.viewer
          ? {
              id,
              type: 'actionItem',
              seriesId: series.id,
              version: 0,
              createdAt: now(),
              updatedAt: now(),
              meetingId: series.currentMeetingId,
              text: text.trim(),
              ownerId,
              dueDate,
              createdBy: state.viewer.userId,
            }
          : undefined;
      return commit(optimistic, () => api.addActionItem({ id, text, ownerId, dueDate }));
    },

    setActionItemDone(itemId: string, done: boolean): Promise<boolean> {
      const held = actionItem(itemId);
      return commit(held && { ...held, doneAt: done ? now() : undefined }, () => api.editActionItem(itemId, { done }));
    },

    dismissNotice(id: number): void {
      dispatch({ type: 'dismissNotice', id });
    },
  };
}

export type SeriesActions = ReturnType<typeof createSeriesActions>;
