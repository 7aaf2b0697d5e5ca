import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ApiError, messageOf, type TokenSource } from '../api/http.js';
import { connectRealtime } from '../api/realtime.js';
import { createSeriesApi } from '../api/seriesApi.js';
import { useT } from '../i18n/useT.js';
import { describeChanges } from './announcements.js';
import { isRetryable } from './outbox.js';
import { createPanelActions, type PanelActions } from './panelActions.js';
import { initialSeriesState, missedChanges, seriesReducer, type SeriesState } from './seriesState.js';

const CATCH_UP_RETRY_MS = 2_000;

/**
 * The store of one open series: loads the panel state over REST, then keeps
 * it current from the series' live channel. After a reconnect, a missed event
 * (a record more than one version ahead) or the service's resync notice it
 * asks for the changes since its series clock — not the whole state — so
 * nothing missed stays missing; it reloads only when it has no clock yet, was
 * away past the catch-up horizon, or holds a clock ahead of the series' own
 * (then the clock is dropped, not kept). It sends the changes made meanwhile first.
 */
export function useSeries(
  seriesId: string,
  getToken: TokenSource,
): { state: SeriesState; actions: PanelActions; retry(): void } {
  const t = useT();
  const [state, dispatch] = useReducer(seriesReducer, seriesId, initialSeriesState);
  const latest = useRef(state);
  latest.current = state;

  const api = useMemo(() => createSeriesApi({ getToken }, seriesId), [getToken, seriesId]);
  const actions = useMemo(
    () => createPanelActions({ getToken }, seriesId, dispatch, () => latest.current, t),
    [getToken, seriesId, t],
  );

  // Bumped by "Try again" after a failed first load: the effect runs again from the start.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    const load = () =>
      api.loadState().then(
        (panelState) => active && dispatch({ type: 'loaded', state: panelState }),
        (error: unknown) => active && dispatch({ type: 'loadFailed', message: messageOf(error) }),
      );
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    /** From `from` or the panel's own clock, whichever is earlier. */
    const catchUp = (from = Number.POSITIVE_INFINITY): Promise<unknown> => {
      const held = latest.current;
      const since = Math.min(held.clock, from);
      if (held.status !== 'ready' || since <= 0) return load();
      return api.changesSince(since).then(
        (answer) => {
          if (!active) return;
          dispatch({ type: 'caughtUp', answer });
          if (answer.reset) return load();
        },
        (error: unknown) => {
          if (!active) return;
          // Storage busy or connection gone: try again shortly rather than stay behind; else say why.
          if (isRetryable(error)) {
            const wait = error instanceof ApiError && error.retryAfterMs ? error.retryAfterMs : CATCH_UP_RETRY_MS;
            retryTimer = setTimeout(() => void catchUp(from), wait);
            return;
          }
          dispatch({ type: 'loadFailed', message: messageOf(error) });
        },
      );
    };
    void load();
    const disconnect = connectRealtime(
      seriesId,
      getToken,
      {
        onChanged: (event) => {
          const said = describeChanges(latest.current, event.records, t);
          // Before applying: the catch-up starts from the clock held before this event.
          if (missedChanges(latest.current.records, event.records)) void catchUp();
          dispatch({ type: 'recordsReceived', records: event.records, clock: event.clock });
          for (const { deleted } of said) if (deleted) actions.offerUndo(deleted);
          // Deletions are said by their Undo toast; the rest by the live region.
          const text = said.filter((a) => !a.deleted).map((a) => a.text);
          if (text.length > 0) actions.said.set({ id: Date.now(), text: text.join('. ') });
        },
        onPresence: (event) => dispatch({ type: 'presence', online: event.online }),
        // Send what waited first, so the catch-up already shows it as saved.
        onJoined: () => void actions.flushUnsent().then(() => catchUp()),
        onResync: (since) => void catchUp(since),
        onOutdated: (message) => active && dispatch({ type: 'outdated', message }),
        onStatus: (status, message) => active && dispatch({ type: 'live', status, message }),
      },
      t,
    );
    const onOnline = () => void actions.flushUnsent();
    window.addEventListener('online', onOnline);
    return () => {
      active = false;
      clearTimeout(retryTimer);
      window.removeEventListener('online', onOnline);
      disconnect();
    };
  }, [api, actions, seriesId, getToken, attempt, t]);

  return { state, actions, retry: () => setAttempt((n) => n + 1) };
}
