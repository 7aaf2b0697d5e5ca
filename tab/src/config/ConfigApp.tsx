import { FluentProvider, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { fluentTheme, themeFromQuery } from '../host/theme.js';
import { Notice } from '../ui/Notice.js';
import { SavedSettings } from './SavedSettings.js';
import { tabInstanceConfig } from './tabInstance.js';
import { connectConfigHost, offerSave, type ConfigHost } from './teamsConfigHost.js';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
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

/** The configurable tab's set-up page: explains what the app does and lets Teams save the tab. */
export function ConfigApp() {
  const styles = useStyles();
  const [host, setHost] = useState<ConfigHost | undefined>();
  const [saveError, setSaveError] = useState<string | undefined>();
  const config = useMemo(() => tabInstanceConfig(window.location.origin), []);

  useEffect(() => {
    let active = true;
    void connectConfigHost().then((connected) => {
      if (!active) return;
      setHost(connected);
      if (connected.kind === 'teams') offerSave(config, (message) => active && setSaveError(message));
    });
    return () => {
      active = false;
    };
  }, [config]);

  const theme = themeFromQuery() ?? (host?.kind === 'teams' ? host.theme : 'default');
  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider}>
      <main className={styles.page}>
        <Text as="h1" size={500} weight="semibold" className={styles.flush}>
          Add 1:1 Companion to this meeting
        </Text>
        <Text as="p" className={styles.flush}>
          Both of you get, for every occurrence of this recurring 1:1:
        </Text>
        <ul className={styles.list}>
          <li>a prompt in the meeting chat before the meeting, to collect topics and revisit open action items;</li>
          <li>a shared agenda in the meeting&apos;s side panel, the team member&apos;s topics first;</li>
          <li>shared notes, private notes only their author can read, and action items with owners and due dates;</li>
          <li>a summary in the chat after the meeting.</li>
        </ul>
        {host === undefined && <Spinner size="small" label="Connecting to Teams…" />}
        {host?.kind === 'teams' && !host.meetingChat && (
          <Notice intent="warning" title="This chat is not a meeting chat">
            1:1 Companion is made for the chat of a recurring meeting between two people. Add it from that
            meeting&apos;s chat so the agenda follows the meeting series.
          </Notice>
        )}
        {host?.kind === 'teams' && (
          <Text as="p" className={styles.flush}>
            Select Save to add the tab.
          </Text>
        )}
        {saveError && (
          <Notice intent="error" title="The tab could not be saved">
            {saveError}
          </Notice>
        )}
        {host?.kind === 'notInTeams' && (
          <>
            <Notice intent="info" title="Not running in Teams">
              Teams shows this page when someone adds 1:1 Companion to a meeting. Here is what it would save.
            </Notice>
            <SavedSettings config={config} />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
