import type { HttpOptions } from '../api/http.js';
import { createSeriesApi } from '../api/seriesApi.js';
import { createMeetingActions } from './meetingActions.js';
import { createMeetingApi } from './meetingApi.js';
import { createOutbox } from './outbox.js';
import { createSeriesActions } from './seriesActions.js';
import type { SeriesAction, SeriesState } from './seriesState.js';

/** Every change the panel can make, all sent through one outbox so they reach the service in order. */
export function createPanelActions(
  http: HttpOptions,
  seriesId: string,
  dispatch: (action: SeriesAction) => void,
  read: () => SeriesState,
) {
  const outbox = createOutbox(dispatch);
  return {
    ...createSeriesActions(createSeriesApi(http, seriesId), dispatch, read, outbox),
    ...createMeetingActions(createMeetingApi(http, seriesId), outbox, read),
    unsent: outbox.unsent,
    /** Sends what waits; called on every (re)join of the live channel and when the browser is back online. */
    flushUnsent: outbox.flush,
  };
}

export type PanelActions = ReturnType<typeof createPanelActions>;
