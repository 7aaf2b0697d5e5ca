import { FluentProvider, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { fluentTheme, themeFromQuery, type ThemeName } from '../host/theme.js';
import { Notice } from '../ui/Notice.js';
import { HomePage } from './HomePage.js';
import { resolveHomeSession, type HomeSessionResult } from './homeSession.js';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
  centered: { padding: tokens.spacingHorizontalL },
});

/** Finds out where "My 1:1s" runs (Teams or dev mode), then shows the home in the host's theme. */
export function HomeApp() {
  const styles = useStyles();
  const [result, setResult] = useState<HomeSessionResult | undefined>();
  const [theme, setTheme] = useState<ThemeName>(themeFromQuery() ?? 'default');

  useEffect(() => {
    let active = true;
    void resolveHomeSession().then((resolved) => {
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
  }, []);

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider}>
      {result === undefined && <Spinner className={styles.centered} label="Opening your 1:1s…" />}
      {result?.kind === 'notInTeams' && (
        <div className={styles.centered}>
          <Notice intent="info" title="Open My 1:1s in Teams">
            My 1:1s is the personal app of 1:1 Companion in Teams. To try it on this machine, start the service in dev
            mode (npm start) and open /home.html?dev=manager.
          </Notice>
        </div>
      )}
      {result?.kind === 'failed' && (
        <div className={styles.centered}>
          <Notice intent="error" title="My 1:1s could not be opened">
            {result.message}
          </Notice>
        </div>
      )}
      {result?.kind === 'ready' && <HomePage session={result.session} />}
    </FluentProvider>
  );
}
