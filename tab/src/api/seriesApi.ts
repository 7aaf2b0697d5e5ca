import {
  AddActionItemBody,
  AddTopicBody,
  EditActionItemBody,
  EditTopicBody,
  MoveTopicBody,
  PanelState,
  RecordResponse,
} from '../../../domain/api.js';
import { request, type HttpOptions } from './http.js';

/** An edit naming the record version the person started from (see HELPERS contract: 409 `edit_conflict`). */
type Versioned<T> = T & { baseVersion?: number };

/** The REST calls of one series (see the route list in domain/api.ts). */
export function createSeriesApi(http: HttpOptions, seriesId: string) {
  const base = `/api/series/${encodeURIComponent(seriesId)}`;
  const id = (value: string) => encodeURIComponent(value);
  return {
    seriesId,
    loadState: () => request(http, 'GET', `${base}/state`, PanelState),
    addTopic: (body: AddTopicBody) => request(http, 'POST', `${base}/topics`, RecordResponse, body),
    editTopic: (topicId: string, body: Versioned<EditTopicBody>) =>
      request(http, 'PATCH', `${base}/topics/${id(topicId)}`, RecordResponse, body),
    moveTopic: (topicId: string, body: MoveTopicBody) =>
      request(http, 'POST', `${base}/topics/${id(topicId)}/move`, RecordResponse, body),
    addActionItem: (body: AddActionItemBody) => request(http, 'POST', `${base}/action-items`, RecordResponse, body),
    editActionItem: (itemId: string, body: Versioned<EditActionItemBody>) =>
      request(http, 'PATCH', `${base}/action-items/${id(itemId)}`, RecordResponse, body),
  };
}

export type SeriesApi = ReturnType<typeof createSeriesApi>;
