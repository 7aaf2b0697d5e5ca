import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useMemo, useState } from 'react';
import type { PanelSession } from '../host/session.js';
import { selectMode } from '../store/meetingSelectors.js';
import { selectSeries } from '../store/selectors.js';
import { useSeries } from '../store/useSeries.js';
import { Notice } from '../ui/Notice.js';
import { UnsentChanges } from './header/UnsentChanges.js';
import { PastMeetingView, UndoToast } from './lazySections.js';
import { LiveAnnouncer } from './LiveAnnouncer.js';
import { ModeSections } from './ModeSections.js';
import { PanelHeader } from './PanelHeader.js';
import { SeriesProvider, type SeriesView } from './SeriesContext.js';
import { useLeaveGuard } from './useLeaveGuard.js';

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
  retry: { alignSelf: 'flex-start' },
});

/**
 * The side panel of one open series, one column. What comes first depends
 * on the moment: while the 1:1 is live the agenda leads; before it, the
 * preparation; just after it, what was agreed. A past meeting opens
 * read-only in place of all that.
 */
export function SeriesPanel({ session }: { session: PanelSession }) {
  const styles = useStyles();
  const { state, actions, retry } = useSeries(session.seriesId, session.getToken);
  const [pastMeetingId, setPastMeetingId] = useState<string | null>(null);
  const series = selectSeries(state);
  const viewer = state.viewer;
  const view = useMemo<SeriesView | undefined>(
    () => (series && viewer ? { state, actions, series, viewer } : undefined),
    [state, actions, series, viewer],
  );
  useLeaveGuard(actions);

  if (state.status === 'failed') {
    return (
      <div className={styles.root}>
        <Notice intent="error" title="The 1:1 could not be loaded">
          {state.loadError}
        </Notice>
        <Button className={styles.retry} appearance="primary" onClick={retry}>
          Try again
        </Button>
      </div>
    );
  }
  if (!view) return <Spinner className={styles.root} label="Loading the agenda…" />;

  const { mode, ended } = selectMode(state);
  const sharingPaused = view.series.sharingPaused;
  const hasNotices = state.live === 'offline' || state.notices.length > 0 || sharingPaused !== undefined;
  return (
    <SeriesProvider value={view}>
      <main className={styles.root} data-mode={mode}>
        <PanelHeader />
        <UnsentChanges />
        {/* Fluent's MessageBar announces itself to screen readers; no live region is needed here. */}
        {hasNotices && (
          <div className={styles.notices}>
            {state.outdated ? (
              <Notice intent="warning" title="Reload this panel">
                {state.outdated}
              </Notice>
            ) : (
              state.live === 'offline' && (
                <Notice intent="warning" title="Live updates paused">
                  {state.liveMessage ?? 'Reconnecting…'} Changes from the other person appear once the connection is
                  back.
                </Notice>
              )
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
          <ModeSections mode={mode} ended={ended} onOpenPast={setPastMeetingId} />
        )}
        <LiveAnnouncer />
        <Suspense fallback={null}>
          <UndoToast />
        </Suspense>
      </main>
    </SeriesProvider>
  );
}
