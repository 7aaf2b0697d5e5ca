import { seriesHealth, type HealthFigure } from '../../../../domain/health.js';
import { selectMeetings } from '../../store/meetingSelectors.js';
import { selectSeries, visibleRecords } from '../../store/selectors.js';
import type { SeriesState } from '../../store/seriesState.js';

/**
 * The health strip's figures: the domain's, from what the panel holds. A panel
 * load carries the slice the figures read (domain/healthWindow.ts), so these
 * are the summary card's and My 1:1s' figures for the same moment.
 */
export function panelHealth(state: SeriesState, now: Date): HealthFigure[] {
  const series = selectSeries(state);
  if (!series) return [];
  return seriesHealth({
    series,
    meetings: selectMeetings(state),
    topics: visibleRecords(state, 'topic'),
    actionItems: visibleRecords(state, 'actionItem').filter((a) => !a.deletedAt),
    now,
  });
}
