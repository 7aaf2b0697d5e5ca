import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import type { PanelSession } from '../host/session.js';
import { selectSeries } from '../store/selectors.js';
import { useSeries } from '../store/useSeries.js';
import { Notice } from '../ui/Notice.js';
import { AgendaSection } from './agenda/AgendaSection.js';
import { UnsentChanges } from './header/UnsentChanges.js';
import {
  ActionItemsSection,
  FromLastTime,
  HealthStrip,
  PastMeetings,
  PastMeetingView,
  PrivateNotes,
  TryAsking,
} from './lazySections.js';
import { PanelHeader } from './PanelHeader.js';
import { SeriesProvider, type SeriesView } from './SeriesContext.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A section loaded after first paint: nothing in its place meanwhile, so nothing jumps twice. */
function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

/** The side panel of one open series: one column, sections top to bottom (or one past meeting, read-only). */
export function SeriesPanel({ session }: { session: PanelSession }) {
  const styles = useStyles();
  const { state, actions } = useSeries(session.seriesId, session.getToken);
  const [pastMeetingId, setPastMeetingId] = useState<string | null>(null);
  const series = selectSeries(state);
  const viewer = state.viewer;
  const view = useMemo<SeriesView | undefined>(
    () => (series && viewer ? { state, actions, series, viewer } : undefined),
    [state, actions, series, viewer],
  );

  if (state.status === 'failed') {
    return (
      <div className={styles.root}>
        <Notice intent="error" title="The 1:1 could not be loaded">
          {state.loadError}
        </Notice>
      </div>
    );
  }
  if (!view) return <Spinner className={styles.root} label="Loading the agenda…" />;

  const sharingPaused = view.series.sharingPaused;
  const hasNotices = state.live === 'offline' || state.notices.length > 0 || sharingPaused !== undefined;
  return (
    <SeriesProvider value={view}>
      <main className={styles.root}>
        <PanelHeader />
        <UnsentChanges />
        {/* Fluent's MessageBar announces itself to screen readers; no live region is needed here. */}
        {hasNotices && (
          <div className={styles.notices}>
            {state.live === 'offline' && (
              <Notice intent="warning" title="Live updates paused">
                {state.liveMessage ?? 'Reconnecting…'} Changes from the other person appear once the connection is back.
              </Notice>
            )}
            {sharingPaused && (
              <Notice intent="warning" title="Nothing is posted in the meeting chat">
                {sharingPaused.message}
              </Notice>
            )}
            {state.notices.map((notice) => (
              <Notice key={notice.id} intent="error" onDismiss={() => actions.dismissNotice(notice.id)}>
                {notice.text}
              </Notice>
            ))}
          </div>
        )}
        {pastMeetingId ? (
          <Suspense fallback={<Spinner size="tiny" label="Opening the meeting…" />}>
            <PastMeetingView meetingId={pastMeetingId} onBack={() => setPastMeetingId(null)} />
          </Suspense>
        ) : (
          <>
            <Later>
              <HealthStrip />
            </Later>
            <Later>
              <FromLastTime />
            </Later>
            <Later>
              <TryAsking />
            </Later>
            <AgendaSection />
            <Later>
              <ActionItemsSection />
              <PrivateNotes key={view.series.currentMeetingId} meetingId={view.series.currentMeetingId} />
              <PastMeetings onOpen={setPastMeetingId} />
            </Later>
          </>
        )}
      </main>
    </SeriesProvider>
  );
}
