import { orderForMove, orderForNewTopic } from '../../../domain/agenda.js';
import type { RecordResponse } from '../../../domain/api.js';
import type { ActionItem, AnyRecord, TopicCategory, Topic, TopicStatus } from '../../../domain/entities.js';
import { messageOf } from '../api/http.js';
import type { SeriesApi } from '../api/seriesApi.js';
import type { Translate } from '../i18n/useT.js';
import { newId } from './newId.js';
import type { Outbox } from './outbox.js';
import { selectAgenda, selectSeries, visibleRecords } from './selectors.js';
import type { SeriesAction, SeriesState } from './seriesState.js';
import { shorten } from './shorten.js';

export interface NewActionItem {
  text: string;
  ownerId: string;
  dueDate?: string;
  /** The topic it came out of, when added from a topic. */
  topicId?: string;
}

/**
 * Every change a person can make to the agenda and action items. Each one
 * shows an optimistic copy at once, then keeps the record the server answers
 * with (or drops the copy and shows the server's message); the outbox keeps
 * it for later when the service is out of reach. Resolves true unless the
 * server refused, so a form knows it may clear itself.
 */
export function createSeriesActions(
  api: SeriesApi,
  dispatch: (action: SeriesAction) => void,
  read: () => SeriesState,
  outbox: Outbox,
  t: Translate,
) {
  function commit(
    label: string,
    optimistic: AnyRecord | undefined,
    call: () => Promise<RecordResponse>,
    /** What the person typed, shown back in full if the service refuses it. */
    text?: string,
  ) {
    return outbox.submit({
      label,
      ...(text === undefined ? {} : { text }),
      optimistic: optimistic ? [optimistic] : [],
      send: async () => [(await call()).record],
    });
  }

  function topic(id: string): Topic | undefined {
    return visibleRecords(read(), 'topic').find((t) => t.id === id);
  }

  function actionItem(id: string): ActionItem | undefined {
    return visibleRecords(read(), 'actionItem').find((a) => a.id === id);
  }

  const now = () => new Date().toISOString();

  return {
    /** `source` 'question': picked from the question bank (counted apart in "who leads"). */
    addTopic(text: string, category: TopicCategory, source: 'member' | 'question' = 'member'): Promise<boolean> {
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
              order: orderForNewTopic(series, selectAgenda(state), viewer.userId, id),
              status: 'open',
              carriedOverCount: 0,
              originId: id,
              source,
            }
          : undefined;
      return commit(
        t('panel.change.addTopic', { text: shorten(text.trim()) }),
        optimistic,
        () => api.addTopic({ id, text, category, ...(source === 'question' ? { source } : {}) }),
        text,
      );
    },

    setTopicStatus(topicId: string, status: TopicStatus): Promise<boolean> {
      const held = topic(topicId);
      return commit(
        t('panel.change.topicStatus', { status, text: shorten(held?.text ?? '…') }),
        held && { ...held, status },
        () => api.editTopic(topicId, { status }),
      );
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
      return commit(t('panel.change.moveTopic', { text: shorten(held?.text ?? '…') }), optimistic, () =>
        api.moveTopic(topicId, { afterId }),
      );
    },

    addActionItem({ text, ownerId, dueDate, topicId }: NewActionItem): Promise<boolean> {
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
              topicId,
              createdBy: state.viewer.userId,
            }
          : undefined;
      return commit(
        t('panel.change.addActionItem', { text: shorten(text.trim()) }),
        optimistic,
        () => api.addActionItem({ id, text, ownerId, dueDate, topicId }),
        text,
      );
    },

    setActionItemDone(itemId: string, done: boolean): Promise<boolean> {
      const held = actionItem(itemId);
      return commit(
        t('panel.change.actionItemDone', { done: done ? 'yes' : 'no', text: shorten(held?.text ?? '…') }),
        held && { ...held, doneAt: done ? now() : undefined },
        () => api.editActionItem(itemId, { done }),
      );
    },

    /** The next page of earlier meetings into the store (the history view's "Show earlier meetings"). */
    async loadEarlierMeetings(): Promise<void> {
      const { history } = read();
      if (history.loading || (history.paged && !history.before)) return;
      dispatch({ type: 'historyLoading' });
      try {
        dispatch({ type: 'historyPage', page: await api.loadHistory(history.before) });
      } catch (error) {
        dispatch({ type: 'historyFailed', message: t('panel.history.loadFailed', { reason: messageOf(error) }) });
      }
    },

    dismissNotice(id: number): void {
      dispatch({ type: 'dismissNotice', id });
    },
  };
}

export type SeriesActions = ReturnType<typeof createSeriesActions>;
