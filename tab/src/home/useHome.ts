import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HomeView } from '../../../domain/home.js';
import { messageOf } from '../api/http.js';
import { createHomeApi, type HomeApi } from './homeApi.js';
import type { HomeSession } from './homeSession.js';

export interface HomeState {
  api: HomeApi;
  view?: HomeView;
  error?: string;
  /** Loads the home again (after a change made from it). */
  reload(): Promise<void>;
}

export function useHome(session: HomeSession): HomeState {
  const api = useMemo(() => createHomeApi({ getToken: session.getToken }), [session]);
  const [view, setView] = useState<HomeView | undefined>();
  const [error, setError] = useState<string | undefined>();

  const reload = useCallback(async () => {
    try {
      setView(await api.loadHome());
      setError(undefined);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { api, reload, ...(view ? { view } : {}), ...(error ? { error } : {}) };
}
