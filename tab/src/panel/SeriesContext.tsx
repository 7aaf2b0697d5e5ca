import { createContext, useContext } from 'react';
import type { Member, Series } from '../../../domain/entities.js';
import type { PanelActions } from '../store/panelActions.js';
import type { SeriesState } from '../store/seriesState.js';

/** What every panel section reads: the series store once it has loaded. */
export interface SeriesView {
  state: SeriesState;
  actions: PanelActions;
  series: Series;
  viewer: Member;
}

const SeriesContext = createContext<SeriesView | null>(null);

export const SeriesProvider = SeriesContext.Provider;

export function useSeriesView(): SeriesView {
  const view = useContext(SeriesContext);
  if (!view) throw new Error('useSeriesView must be used inside a loaded series panel');
  return view;
}
