import {
  AddActionItemBody,
  AddTopicBody,
  EditActionItemBody,
  EditTopicBody,
  HistoryPage,
  MoveTopicBody,
  PanelState,
  RecordResponse,
  type HistoryCursor,
} from '../../../domain/api.js';
import { ChangesResponse } from '../../../domain/realtime.js';
import { request, type HttpOptions } from './http.js';

/** The REST calls of one series (see the route list in domain/api.ts). */
export function createSeriesApi(http: HttpOptions, seriesId: string) {
  const base = `/api/series/${encodeURIComponent(seriesId)}`;
  const id = (value: string) => encodeURIComponent(value);
  return {
    seriesId,
    loadState: () => request(http, 'GET', `${base}/state`, PanelState),
    /** What changed since a series clock (tombstones included), or `reset` when too long ago to catch up. */
    changesSince: (since: number) => request(http, 'GET', `${base}/changes?since=${since}`, ChangesResponse),
    /** Past meetings older than the cursor (the newest ones without it), a page at a time. */
    loadHistory: (before: HistoryCursor | null, limit = 10) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (before) {
        query.set('before', before.scheduledStart);
        query.set('beforeId', before.id);
      }
      return request(http, 'GET', `${base}/history?${query.toString()}`, HistoryPage);
    },
    addTopic: (body: AddTopicBody) => request(http, 'POST', `${base}/topics`, RecordResponse, body),
    editTopic: (topicId: string, body: EditTopicBody) =>
      request(http, 'PATCH', `${base}/topics/${id(topicId)}`, RecordResponse, body),
    moveTopic: (topicId: string, body: MoveTopicBody) =>
      request(http, 'POST', `${base}/topics/${id(topicId)}/move`, RecordResponse, body),
    addActionItem: (body: AddActionItemBody) => request(http, 'POST', `${base}/action-items`, RecordResponse, body),
    editActionItem: (itemId: string, body: EditActionItemBody) =>
      request(http, 'PATCH', `${base}/action-items/${id(itemId)}`, RecordResponse, body),
  };
}

export type SeriesApi = ReturnType<typeof createSeriesApi>;
