import { FluentProvider, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { fullHeightProvider, hintedPlaceholders } from '../ui/styles.js';
import { useEffect, useMemo, useState } from 'react';
import { fluentTheme, themeFromQuery } from '../host/theme.js';
import { pagesCatalog } from '../i18n/catalogs/pages.js';
import { I18nRoot, useLocale } from '../i18n/I18nRoot.js';
import { applyPageLanguage } from '../i18n/pageLanguage.js';
import { localeFromQuery } from '../i18n/pageLocale.js';
import { startI18n, type I18nSetup } from '../i18n/startI18n.js';
import { useT } from '../i18n/useT.js';
import { Notice } from '../ui/Notice.js';
import { SavedSettings } from './SavedSettings.js';
import { tabInstanceConfig } from './tabInstance.js';
import { connectConfigHost, offerSave, type ConfigHost } from './teamsConfigHost.js';

const useStyles = makeStyles({
  provider: { ...fullHeightProvider, ...hintedPlaceholders },
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '560px',
  },
  flush: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * The configurable tab's set-up page: explains what the app does and lets
 * Teams save the tab. It reads in the browser's language (or `?locale=`)
 * until Teams answers with its own, then in Teams' language.
 */
export function ConfigApp({ initial }: { initial: I18nSetup }) {
  const [setup, setSetup] = useState(initial);
  const [host, setHost] = useState<ConfigHost | undefined>();

  useEffect(() => {
    let active = true;
    void connectConfigHost().then(async (connected) => {
      const pinned = localeFromQuery();
      // The words change before the page shows Teams' part, so it never flashes in the other language.
      if (connected.kind === 'teams' && !pinned) {
        const inTeams = await startI18n([pagesCatalog], connected.locale);
        if (active && inTeams.locale.tag !== initial.locale.tag) setSetup(applyPageLanguage(inTeams));
      }
      if (active) setHost(connected);
    });
    return () => {
      active = false;
    };
  }, [initial]);

  return (
    <I18nRoot setup={setup}>
      <ConfigPage host={host} />
    </I18nRoot>
  );
}

function ConfigPage({ host }: { host: ConfigHost | undefined }) {
  const styles = useStyles();
  const t = useT();
  const { dir } = useLocale();
  const [saveError, setSaveError] = useState<string | undefined>();
  const config = useMemo(() => tabInstanceConfig(window.location.origin), []);
  const refused = t('pages.config.saveRefused');

  useEffect(() => {
    document.title = t('pages.config.documentTitle');
  }, [t]);

  useEffect(() => {
    if (host?.kind !== 'teams') return;
    let active = true;
    offerSave(config, refused, (message) => active && setSaveError(message));
    return () => {
      active = false;
    };
  }, [host, config, refused]);

  const theme = themeFromQuery() ?? (host?.kind === 'teams' ? host.theme : 'default');
  return (
    <FluentProvider theme={fluentTheme(theme)} dir={dir} className={styles.provider}>
      <main className={styles.page}>
        <Text as="h1" size={500} weight="semibold" className={styles.flush}>
          {t('pages.config.heading')}
        </Text>
        <Text as="p" className={styles.flush}>
          {t('pages.config.intro')}
        </Text>
        <ul className={styles.list}>
          <li>{t('pages.config.feature.prompt')}</li>
          <li>{t('pages.config.feature.agenda')}</li>
          <li>{t('pages.config.feature.notes')}</li>
          <li>{t('pages.config.feature.summary')}</li>
        </ul>
        {host === undefined && <Spinner size="small" label={t('pages.config.connecting')} />}
        {host?.kind === 'teams' && !host.meetingChat && (
          <Notice intent="warning" title={t('pages.config.notMeetingChat.title')}>
            {t('pages.config.notMeetingChat.body')}
          </Notice>
        )}
        {host?.kind === 'teams' && (
          <Text as="p" className={styles.flush}>
            {t('pages.config.selectSave')}
          </Text>
        )}
        {saveError && (
          <Notice intent="error" title={t('pages.config.saveFailed.title')}>
            {saveError}
          </Notice>
        )}
        {host?.kind === 'notInTeams' && (
          <>
            <Notice intent="info" title={t('pages.config.notInTeams.title')}>
              {t('pages.config.notInTeams.body')}
            </Notice>
            <SavedSettings config={config} />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
