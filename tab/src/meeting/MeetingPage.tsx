import {
  FluentProvider,
  Link,
  makeStyles,
  mergeClasses,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DevSession } from '../../../domain/api.js';
import { messageOf, request } from '../api/http.js';
import { fluentTheme, themeFromQuery, type ThemeName } from '../host/theme.js';
import { useLocale } from '../i18n/I18nRoot.js';
import { useT } from '../i18n/useT.js';
import { Notice } from '../ui/Notice.js';
import { fullHeightProvider, hintedPlaceholders } from '../ui/styles.js';
import { MeetingChat } from './chat/MeetingChat.js';
import { PageSettings, rememberSettings, widthFromQuery, type PageLanguage, type PanelWidth } from './PageSettings.js';

const useStyles = makeStyles({
  page: { ...fullHeightProvider, padding: tokens.spacingHorizontalL, boxSizing: 'border-box', ...hintedPlaceholders },
  title: { ...typographyStyles.title3, margin: `0 0 ${tokens.spacingVerticalM}` },
  columns: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'stretch', flexWrap: 'wrap' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  frame: {
    // The title, the settings (two rows when narrow) and the link above: the whole panel stays in view,
    // as in Teams, so its bottom toasts (Undo) are on screen.
    height: 'calc(100vh - 216px)',
    minHeight: '480px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxSizing: 'border-box',
  },
  chat: { width: '440px', height: 'calc(100vh - 120px)', minHeight: '480px', display: 'flex', flexDirection: 'column' },
});

interface MeetingPageProps {
  /** The language picked on the page or pinned by `?locale=`; the panels get it too. */
  pinnedLocale: string | undefined;
  onLanguageChange(language: PageLanguage): void;
}

/** `?…&theme=…&locale=…` for a page opened from here: what this page pins, the other page pins too. */
function pinnedQuery(theme: ThemeName, locale: string | undefined): string {
  return `${theme !== 'default' ? `&theme=${theme}` : ''}${locale ? `&locale=${encodeURIComponent(locale)}` : ''}`;
}

/**
 * The local stand-in for a Teams meeting (dev mode): the report's and the
 * manager's side panels side by side, each signed in as its own member, and
 * the meeting chat where the bot posts its cards.
 */
export function MeetingPage({ pinnedLocale, onLanguageChange }: MeetingPageProps) {
  const styles = useStyles();
  const t = useT();
  const locale = useLocale();
  const [theme, setTheme] = useState<ThemeName>(themeFromQuery() ?? 'default');
  const [width, setWidth] = useState<PanelWidth>(widthFromQuery());
  const [session, setSession] = useState<DevSession | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    request({}, 'GET', '/api/dev/session', DevSession).then(setSession, (e: unknown) => setError(messageOf(e)));
  }, []);

  useEffect(() => {
    document.title = t('pages.meeting.title');
  }, [t]);

  useEffect(() => {
    rememberSettings({ theme, width, locale: pinnedLocale });
  }, [theme, width, pinnedLocale]);

  const panelUrl = (role: string) => `/panel.html?dev=${role}${pinnedQuery(theme, pinnedLocale)}`;
  const change = (next: { theme: ThemeName; width: PanelWidth }) => {
    setTheme(next.theme);
    setWidth(next.width);
  };
  const panels = session
    ? (['report', 'manager'] as const).flatMap((role) => session.identities.filter((i) => i.role === role))
    : [];
  const manager = session?.identities.find((i) => i.role === 'manager');

  const fluent = fluentTheme(theme);

  return (
    <FluentProvider theme={fluent} dir={locale.dir} className={styles.page}>
      <h1 className={styles.title}>{t('pages.meeting.title')}</h1>
      <PageSettings
        theme={theme}
        width={width}
        language={locale.messages}
        onChange={change}
        onLanguageChange={onLanguageChange}
      />
      {manager && (
        <p>
          {/* Fluent's Link takes the theme's link colour: a plain link is dark blue on dark grey. */}
          <Link href={`/home.html?dev=manager${pinnedQuery(theme, pinnedLocale)}`}>
            {t('pages.meeting.homeLink', { name: manager.name })}
          </Link>
        </p>
      )}
      {error && <Notice intent="error">{t('pages.meeting.needsDevMode', { reason: error })}</Notice>}
      {!session && !error && <Spinner label={t('pages.meeting.starting')} />}
      <div className={styles.columns}>
        {panels.map((identity) => (
          <section key={identity.role} className={styles.column} aria-labelledby={`panel-${identity.role}`}>
            <h2 id={`panel-${identity.role}`} className={styles.heading}>
              {t('pages.meeting.member', { name: identity.name, role: identity.role })}
            </h2>
            <iframe
              className={styles.frame}
              style={{ width: `${width}px` }}
              src={panelUrl(identity.role)}
              title={t('pages.meeting.panelFrame', { name: identity.name })}
            />
          </section>
        ))}
        {session && (
          <section className={mergeClasses(styles.column, styles.chat)} aria-labelledby="meeting-chat">
            <h2 id="meeting-chat" className={styles.heading}>
              {t('pages.meeting.chatHeading')}
            </h2>
            <MeetingChat identities={session.identities} theme={fluent} />
          </section>
        )}
      </div>
    </FluentProvider>
  );
}
