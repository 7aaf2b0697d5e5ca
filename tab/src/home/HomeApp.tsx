import { FluentProvider, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { fullHeightProvider, hintedPlaceholders } from '../ui/styles.js';
import { useEffect, useState } from 'react';
import { fluentTheme, themeFromQuery, type ThemeName } from '../host/theme.js';
import { domainCatalog } from '../i18n/catalogs/domain.js';
import { homeCatalog } from '../i18n/catalogs/home.js';
import { panelCatalog } from '../i18n/catalogs/panel.js';
import { I18nRoot, useLocale } from '../i18n/I18nRoot.js';
import { applyPageLanguage } from '../i18n/pageLanguage.js';
import { localeFromQuery } from '../i18n/pageLocale.js';
import { startI18n, type I18nSetup } from '../i18n/startI18n.js';
import { useT } from '../i18n/useT.js';
import { Notice } from '../ui/Notice.js';
import { HomePage } from './HomePage.js';
import { resolveHomeSession, type HomeSessionResult } from './homeSession.js';

/**
 * The home's words, the domain's (health, categories), and the panel's for
 * the tab's own connection messages (`panel.error.*`, worded in api/http.ts).
 */
export const HOME_CATALOGS = [homeCatalog, domainCatalog, panelCatalog];

const useStyles = makeStyles({
  provider: { ...fullHeightProvider, ...hintedPlaceholders },
  centered: { padding: tokens.spacingHorizontalL },
});

/**
 * Finds out where "My 1:1s" runs (Teams or dev mode), then shows the home in
 * the host's theme and language (`?locale=` pins the language).
 */
export function HomeApp({ initial }: { initial: I18nSetup }) {
  const [setup, setSetup] = useState(initial);
  const [result, setResult] = useState<HomeSessionResult | undefined>();
  const [theme, setTheme] = useState<ThemeName>(themeFromQuery() ?? 'default');

  useEffect(() => {
    let active = true;
    void resolveHomeSession().then(async (resolved) => {
      const hostLocale = resolved.kind === 'ready' ? resolved.session.locale : undefined;
      // Teams' language is loaded before the home shows, so it never flashes in the browser's.
      if (hostLocale && !localeFromQuery()) {
        const inTeams = await startI18n(HOME_CATALOGS, hostLocale);
        if (active && inTeams.locale.tag !== initial.locale.tag) setSetup(applyPageLanguage(inTeams));
      }
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
  }, [initial]);

  return (
    <I18nRoot setup={setup}>
      <HomeFrame theme={theme} result={result} />
    </I18nRoot>
  );
}

function HomeFrame({ theme, result }: { theme: ThemeName; result: HomeSessionResult | undefined }) {
  const styles = useStyles();
  const t = useT();
  const { dir } = useLocale();

  useEffect(() => {
    document.title = t('home.documentTitle');
  }, [t]);

  return (
    <FluentProvider theme={fluentTheme(theme)} dir={dir} className={styles.provider}>
      {result === undefined && <Spinner className={styles.centered} label={t('home.opening')} />}
      {result?.kind === 'notInTeams' && (
        <div className={styles.centered}>
          <Notice intent="info" title={t('home.notInTeams.title')}>
            {t('home.notInTeams.body')}
          </Notice>
        </div>
      )}
      {result?.kind === 'failed' && (
        <div className={styles.centered}>
          <Notice intent="error" title={t('home.failed.title')}>
            {typeof result.reason === 'string' ? result.reason : t(result.reason)}
          </Notice>
        </div>
      )}
      {result?.kind === 'ready' && <HomePage session={result.session} />}
    </FluentProvider>
  );
}
