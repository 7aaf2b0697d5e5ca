import { Button, FluentProvider, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import { resolveSession, type SessionResult } from '../host/session.js';
import { fluentTheme, themeFromQuery, type ThemeName } from '../host/theme.js';
import { Notice } from '../ui/Notice.js';
import { SeriesPanel } from './SeriesPanel.js';

// Only the meeting stage, or a host that lets people share to it, needs these: they load on demand.
const StageView = lazy(() => import('../stage/StageView.js').then((m) => ({ default: m.StageView })));
const ShareToStage = lazy(() => import('../stage/ShareToStage.js').then((m) => ({ default: m.ShareToStage })));

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
  centered: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  retry: { alignSelf: 'flex-start' },
});

/** Finds out where the panel runs (Teams or dev mode), then opens the series in the host's theme. */
export function PanelApp() {
  const styles = useStyles();
  const [result, setResult] = useState<SessionResult | undefined>();
  const [theme, setTheme] = useState<ThemeName>(themeFromQuery() ?? 'default');
  // Bumped by "Try again": resolves the session afresh (a new Teams token, a new lookup).
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    setResult(undefined);
    void resolveSession().then((resolved) => {
      if (!active) return;
      setResult(resolved);
      if (resolved.kind === 'ready') {
        setTheme(resolved.session.theme);
        resolved.session.onThemeChange?.((next) => active && setTheme(next));
      }
    });
    return () => {
      active = false;
    };
  }, [attempt]);

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider}>
      {result === undefined && <Spinner className={styles.centered} label="Opening your 1:1…" />}
      {result?.kind === 'notInTeams' && (
        <div className={styles.centered}>
          <Notice intent="info" title="Open this panel in a Teams meeting">
            1:1 Companion runs as a side panel in a Teams meeting. To try it on this machine, start the service in dev
            mode (npm start) and open its local meeting page at /.
          </Notice>
        </div>
      )}
      {result?.kind === 'notInMeeting' && (
        <div className={styles.centered}>
          <Notice intent="info" title="Open this from your 1:1 meeting">
            1:1 Companion works inside a recurring meeting between two people. Open the meeting (or its chat) in Teams
            and select the 1:1 Companion tab there.
          </Notice>
        </div>
      )}
      {result?.kind === 'failed' && (
        <div className={styles.centered}>
          <Notice intent="error" title="The 1:1 could not be opened">
            {result.message}
          </Notice>
          {/* Not for a setup problem only an admin can fix: trying again would only loop. */}
          {result.retry !== false && (
            <Button className={styles.retry} appearance="primary" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Button>
          )}
        </div>
      )}
      {result?.kind === 'ready' &&
        (result.session.surface === 'stage' ? (
          <Suspense fallback={<Spinner label="Opening the agenda…" />}>
            <StageView session={result.session} />
          </Suspense>
        ) : (
          <>
            {result.session.stageShare && (
              <Suspense fallback={null}>
                <ShareToStage stageShare={result.session.stageShare} />
              </Suspense>
            )}
            <SeriesPanel session={result.session} />
          </>
        ))}
    </FluentProvider>
  );
}
