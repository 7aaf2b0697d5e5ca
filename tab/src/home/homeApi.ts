import { EditActionItemBody, RecordResponse, type AddTopicBody } from '../../../domain/api.js';
import { HomeView, SearchResults } from '../../../domain/home.js';
import { ApiError, request, type HttpOptions } from '../api/http.js';

/** The error code of a failed export, which the page words in the reader's language. */
export const EXPORT_FAILED = 'export_failed';

/** The REST calls of "My 1:1s" (routes in domain/api.ts). */
export function createHomeApi(http: HttpOptions) {
  const series = (id: string) => `/api/series/${encodeURIComponent(id)}`;
  return {
    loadHome: () => request(http, 'GET', '/api/me/home', HomeView),
    search: (q: string) => request(http, 'GET', `/api/me/search?q=${encodeURIComponent(q)}`, SearchResults),
    addTopic: (seriesId: string, body: AddTopicBody) =>
      request(http, 'POST', `${series(seriesId)}/topics`, RecordResponse, body),
    completeActionItem: (seriesId: string, itemId: string) =>
      request(http, 'PATCH', `${series(seriesId)}/action-items/${encodeURIComponent(itemId)}`, RecordResponse, {
        done: true,
      } satisfies EditActionItemBody),
    /** Undo of the above: the item is open again. */
    reopenActionItem: (seriesId: string, itemId: string) =>
      request(http, 'PATCH', `${series(seriesId)}/action-items/${encodeURIComponent(itemId)}`, RecordResponse, {
        done: false,
      } satisfies EditActionItemBody),
    /** The history as a Markdown file (not JSON, so not through `request`). */
    async exportHistory(seriesId: string): Promise<{ fileName: string; markdown: string }> {
      const headers: Record<string, string> = {};
      if (http.getToken) headers.Authorization = `Bearer ${await http.getToken()}`;
      const response = await fetch(`${http.baseUrl ?? ''}${series(seriesId)}/export`, { headers });
      if (!response.ok) throw new ApiError(response.status, EXPORT_FAILED, 'The history could not be exported.');
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? '1-1-history.md';
      return { fileName, markdown: await response.text() };
    },
  };
}

export type HomeApi = ReturnType<typeof createHomeApi>;
