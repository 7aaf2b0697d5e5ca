import {
  AddActionItemBody,
  AddTopicBody,
  EditActionItemBody,
  EditTopicBody,
  MoveTopicBody,
  PanelState,
  RecordResponse,
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
