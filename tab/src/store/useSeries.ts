import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { messageOf, type TokenSource } from '../api/http.js';
import { connectRealtime } from '../api/realtime.js';
import { createSeriesApi } from '../api/seriesApi.js';
import { describeChanges } from './announcements.js';
import { createPanelActions, type PanelActions } from './panelActions.js';
import { initialSeriesState, seriesReducer, type SeriesState } from './seriesState.js';

/**
 * The store of one open series: loads the panel state over REST, then keeps
 * it current from the series' live channel, reloading after every (re)join so
 * nothing missed while disconnected stays missing, and sending the changes
 * made meanwhile.
 */
export function useSeries(
  seriesId: string,
  getToken: TokenSource,
): { state: SeriesState; actions: PanelActions; retry(): void } {
  const [state, dispatch] = useReducer(seriesReducer, seriesId, initialSeriesState);
  const latest = useRef(state);
  latest.current = state;

  const api = useMemo(() => createSeriesApi({ getToken }, seriesId), [getToken, seriesId]);
  const actions = useMemo(
    () => createPanelActions({ getToken }, seriesId, dispatch, () => latest.current),
    [getToken, seriesId],
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
    void load();
    const disconnect = connectRealtime(seriesId, getToken, {
      onChanged: (event) => {
        const said = describeChanges(latest.current, event.records);
        dispatch({ type: 'recordsReceived', records: event.records });
        for (const { deleted } of said) if (deleted) actions.offerUndo(deleted);
        // Deletions are said by their Undo toast; the rest by the live region.
        const text = said.filter((a) => !a.deleted).map((a) => a.text);
        if (text.length > 0) actions.said.set({ id: Date.now(), text: text.join('. ') });
      },
      onPresence: (event) => dispatch({ type: 'presence', online: event.online }),
      // Send what waited first, so the reload already shows it as saved.
      onJoined: () => void actions.flushUnsent().then(load),
      onStatus: (status, message) => active && dispatch({ type: 'live', status, message }),
    });
    const onOnline = () => void actions.flushUnsent();
    window.addEventListener('online', onOnline);
    return () => {
      active = false;
      window.removeEventListener('online', onOnline);
      disconnect();
    };
  }, [api, actions, seriesId, getToken, attempt]);

  return { state, actions, retry: () => setAttempt((n) => n + 1) };
}
