import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { Suspense, useMemo, useState } from 'react';
import type { PanelSession } from '../host/session.js';
import { useLocale } from '../i18n/I18nRoot.js';
import { useT } from '../i18n/useT.js';
import { selectMode } from '../store/meetingSelectors.js';
import { selectSeries } from '../store/selectors.js';
import { useSeries } from '../store/useSeries.js';
import { Notice } from '../ui/Notice.js';
import { UnsentChanges } from './header/UnsentChanges.js';
import { PastMeetingView, UndoToast } from './lazySections.js';
import { LiveAnnouncer } from './LiveAnnouncer.js';
import { ModeSections } from './ModeSections.js';
import { PanelHeader } from './PanelHeader.js';
import { sharingPausedText } from './sharingPausedText.js';
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
  const t = useT();
  const { tag } = useLocale();
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
        <Notice intent="error" title={t('panel.series.loadFailed')}>
          {state.loadError}
        </Notice>
        <Button className={styles.retry} appearance="primary" onClick={retry}>
          {t('panel.app.tryAgain')}
        </Button>
      </div>
    );
  }
  if (!view) return <Spinner className={styles.root} label={t('panel.loading')} />;

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
              <Notice intent="warning" title={t('panel.series.outdated')}>
                {state.outdated}
              </Notice>
            ) : (
              state.live === 'offline' && (
                <Notice intent="warning" title={t('panel.live.paused.title')}>
                  {t('panel.live.paused.body', { reason: state.liveMessage ?? t('panel.live.reconnecting') })}
                </Notice>
              )
            )}
            {sharingPaused && (
              <Notice intent="warning" title={t('panel.sharingPaused.title')}>
                {sharingPausedText(view.series, t, tag)}
              </Notice>
            )}
            {state.notices.map((notice) => (
              <Notice
                key={notice.id}
                intent="error"
                onDismiss={() => actions.dismissNotice(notice.id)}
                dismissLabel={t('panel.notice.dismiss')}
              >
                {notice.text}
              </Notice>
            ))}
          </div>
        )}
        {pastMeetingId ? (
          <Suspense fallback={<Spinner size="tiny" label={t('panel.history.opening')} />}>
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
