import type { HttpOptions } from '../api/http.js';
import type { Translate } from '../i18n/useT.js';
import { createSeriesApi } from '../api/seriesApi.js';
import { createDrafts } from './drafts.js';
import { createEditActions } from './editActions.js';
import { createMeetingActions } from './meetingActions.js';
import { createMeetingApi } from './meetingApi.js';
import { createOutbox } from './outbox.js';
import { createSeriesActions } from './seriesActions.js';
import { createSignal } from './signal.js';
import type { SeriesAction, SeriesState } from './seriesState.js';

/** Every change the panel can make, all sent through one outbox so they reach the service in order. */
export function createPanelActions(
  http: HttpOptions,
  seriesId: string,
  dispatch: (action: SeriesAction) => void,
  read: () => SeriesState,
  /** The panel's language: labels of waiting changes and notices are worded as they arise. */
  t: Translate,
) {
  const outbox = createOutbox(dispatch, t);
  const api = createSeriesApi(http, seriesId);
  return {
    ...createSeriesActions(api, dispatch, read, outbox, t),
    ...createEditActions(api, dispatch, read, outbox, t),
    ...createMeetingActions(createMeetingApi(http, seriesId), outbox, read, t),
    unsent: outbox.unsent,
    /** Text typed and not saved yet, flushed when the page goes away. */
    drafts: createDrafts(),
    /** The other person's latest changes in words, for the panel's polite live region. */
    said: createSignal<{ id: number; text: string } | null>(null),
    /** Sends what waits; called on every (re)join of the live channel and when the browser is back online. */
    flushUnsent: outbox.flush,
  };
}

export type PanelActions = ReturnType<typeof createPanelActions>;
