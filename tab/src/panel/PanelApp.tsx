import { Button, FluentProvider, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { fullHeightProvider, hintedPlaceholders } from '../ui/styles.js';
import { lazy, Suspense, useEffect, useState } from 'react';
import { resolveSession, type SessionResult } from '../host/session.js';
import { fluentTheme, themeFromQuery, type ThemeName } from '../host/theme.js';
import { useLocale } from '../i18n/I18nRoot.js';
import { useT } from '../i18n/useT.js';
import { Notice } from '../ui/Notice.js';
import { SeriesPanel } from './SeriesPanel.js';
import { sessionProblemText } from './sessionProblemText.js';

// Only the meeting stage, or a host that lets people share to it, needs these: they load on demand.
const StageView = lazy(() => import('../stage/StageView.js').then((m) => ({ default: m.StageView })));
const ShareToStage = lazy(() => import('../stage/ShareToStage.js').then((m) => ({ default: m.ShareToStage })));

const useStyles = makeStyles({
  // Fluent's provider sets `text-align: left` on itself, styled for its parent's direction (always left to right
  // here): the logical value follows the provider's own `dir`.
  provider: { ...fullHeightProvider, textAlign: 'start', ...hintedPlaceholders },
  centered: {
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  retry: { alignSelf: 'flex-start' },
});

/**
 * Opens the series in the host's theme and the person's language. The first
 * session is resolved before the first render (it may carry Teams' locale);
 * "Try again" resolves it afresh (a new Teams token, a new lookup).
 */
export function PanelApp({ first }: { first: SessionResult }) {
  const styles = useStyles();
  const t = useT();
  const { dir } = useLocale();
  const [result, setResult] = useState<SessionResult | undefined>(first);
  const [theme, setTheme] = useState<ThemeName>(themeFromQuery() ?? 'default');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    const take = (resolved: SessionResult) => {
      if (!active) return;
      setResult(resolved);
      if (resolved.kind === 'ready') {
        setTheme(resolved.session.theme);
        resolved.session.onThemeChange?.((next) => active && setTheme(next));
      }
    };
    if (attempt === 0) take(first);
    else {
      setResult(undefined);
      void resolveSession().then(take);
    }
    return () => {
      active = false;
    };
  }, [attempt, first]);

  return (
    // Fluent positions its popovers, menus and toasts by `dir`, apart from the document's own.
    <FluentProvider theme={fluentTheme(theme)} dir={dir} className={styles.provider}>
      {result === undefined && <Spinner className={styles.centered} label={t('panel.app.opening')} />}
      {result?.kind === 'notInTeams' && (
        <div className={styles.centered}>
          <Notice intent="info" title={t('panel.app.notInTeams.title')}>
            {t('panel.app.notInTeams.body')}
          </Notice>
        </div>
      )}
      {result?.kind === 'notInMeeting' && (
        <div className={styles.centered}>
          <Notice intent="info" title={t('panel.app.notInMeeting.title')}>
            {t('panel.app.notInMeeting.body')}
          </Notice>
        </div>
      )}
      {result?.kind === 'failed' && (
        <div className={styles.centered}>
          <Notice intent="error" title={t('panel.app.failed.title')}>
            {sessionProblemText(result.problem, t)}
          </Notice>
          {/* Not for a setup problem only an admin can fix: trying again would only loop. */}
          {result.retry !== false && (
            <Button className={styles.retry} appearance="primary" onClick={() => setAttempt((n) => n + 1)}>
              {t('panel.app.tryAgain')}
            </Button>
          )}
        </div>
      )}
      {result?.kind === 'ready' &&
        (result.session.surface === 'stage' ? (
          <Suspense fallback={<Spinner label={t('panel.app.openingAgenda')} />}>
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
