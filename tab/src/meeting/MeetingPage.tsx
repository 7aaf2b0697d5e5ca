import {
  FluentProvider,
  makeStyles,
  mergeClasses,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DevSession } from '../../../domain/api.js';
import { messageOf, request } from '../api/http.js';
import { fluentTheme, themeFromQuery } from '../host/theme.js';
import { Notice } from '../ui/Notice.js';
import { MeetingChat } from './chat/MeetingChat.js';

const useStyles = makeStyles({
  page: { minHeight: '100vh', padding: tokens.spacingHorizontalL, boxSizing: 'border-box' },
  title: { ...typographyStyles.title3, margin: `0 0 ${tokens.spacingVerticalM}` },
  columns: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'stretch', flexWrap: 'wrap' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  frame: {
    width: '320px',
    height: 'calc(100vh - 120px)',
    minHeight: '480px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxSizing: 'border-box',
  },
  chat: { width: '440px', height: 'calc(100vh - 120px)', minHeight: '480px', display: 'flex', flexDirection: 'column' },
});

/**
 * The local stand-in for a Teams meeting (dev mode): the report's and the
 * manager's side panels side by side, each signed in as its own member, and
 * the meeting chat where the bot posts its cards.
 */
export function MeetingPage() {
  const styles = useStyles();
  const theme = themeFromQuery();
  const [session, setSession] = useState<DevSession | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    request({}, 'GET', '/api/dev/session', DevSession).then(setSession, (e: unknown) =>
      setError(`The local meeting needs the service in dev mode (DEV_MODE=true): ${messageOf(e)}`),
    );
  }, []);

  const panelUrl = (role: string) => `/panel.html?dev=${role}${theme ? `&theme=${theme}` : ''}`;
  const panels = session
    ? (['report', 'manager'] as const).flatMap((role) => session.identities.filter((i) => i.role === role))
    : [];

  const fluent = fluentTheme(theme ?? 'default');

  return (
    <FluentProvider theme={fluent} className={styles.page}>
      <h1 className={styles.title}>1:1 Companion — local meeting</h1>
      <p>
        <a href={`/home.html?dev=manager${theme ? `&theme=${theme}` : ''}`}>My 1:1s (Alex Morgan, the manager)</a>
      </p>
      {error && <Notice intent="error">{error}</Notice>}
      {!session && !error && <Spinner label="Starting the local meeting…" />}
      <div className={styles.columns}>
        {panels.map((identity) => (
          <section key={identity.role} className={styles.column} aria-labelledby={`panel-${identity.role}`}>
            <h2 id={`panel-${identity.role}`} className={styles.heading}>
              {`${identity.name} (${identity.role})`}
            </h2>
            <iframe className={styles.frame} src={panelUrl(identity.role)} title={`${identity.name}'s side panel`} />
          </section>
        ))}
        {session && (
          <section className={mergeClasses(styles.column, styles.chat)} aria-labelledby="meeting-chat">
            <h2 id="meeting-chat" className={styles.heading}>
              Meeting chat
            </h2>
            <MeetingChat identities={session.identities} theme={fluent} />
          </section>
        )}
      </div>
    </FluentProvider>
  );
}
