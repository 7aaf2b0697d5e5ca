import { makeStyles, Spinner, ToggleButton, tokens, typographyStyles, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DevSession } from '../../../../domain/api.js';
import { Notice } from '../../ui/Notice.js';
import { cardHostConfig } from './cardHostConfig.js';
import { ChatMessageView } from './ChatMessageView.js';
import { MeetingControls } from './MeetingControls.js';
import { useCardActions } from './useCardActions.js';
import { useChat } from './useChat.js';

const useStyles = makeStyles({
  chat: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, flexGrow: 1 },
  log: {
    flexGrow: 1,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actor: {
    ...typographyStyles.body1,
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  empty: { ...typographyStyles.body1, color: tokens.colorNeutralForeground3, margin: 'auto', textAlign: 'center' },
});

type Identity = DevSession['identities'][number];

interface MeetingChatProps {
  identities: Identity[];
  theme: Theme;
}

/**
 * The meeting chat as Teams would show it: the bot's messages and cards, drawn
 * by the Adaptive Cards renderer, with buttons pressed as the chosen member.
 */
export function MeetingChat({ identities, theme }: MeetingChatProps) {
  const styles = useStyles();
  const feed = useChat();
  const [role, setRole] = useState(identities.find((i) => i.role === 'report')?.role ?? identities[0]?.role);
  const actor = identities.find((i) => i.role === role);
  const getToken = useMemo(() => () => Promise.resolve(actor?.token ?? ''), [actor]);
  const actions = useCardActions({ role: role ?? '', getToken }, feed.reload);
  const hostConfig = useMemo(() => cardHostConfig(theme), [theme]);
  const log = useRef<HTMLDivElement>(null);

  // New messages arrive at the bottom, as in a chat.
  const count = feed.messages?.length ?? 0;
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [count]);

  return (
    <div className={styles.chat}>
      <MeetingControls onDone={feed.reload} />
      <div className={styles.actor} role="group" aria-labelledby="chat-actor">
        <span id="chat-actor">Act in the chat as</span>
        {identities.map((identity) => (
          <ToggleButton
            key={identity.role}
            size="small"
            checked={identity.role === role}
            onClick={() => setRole(identity.role)}
          >{`${identity.name} (${identity.role})`}</ToggleButton>
        ))}
      </div>
      {feed.error && <Notice intent="error">{feed.error}</Notice>}
      <div ref={log} className={styles.log} role="log" aria-label="Meeting chat messages" tabIndex={0}>
        {!feed.messages && !feed.error && <Spinner size="small" label="Loading the chat…" />}
        {feed.messages?.length === 0 && (
          <p className={styles.empty}>
            No messages yet — start or end the meeting, or advance the clock to the prompt.
          </p>
        )}
        {feed.messages?.map((message) => (
          <ChatMessageView
            key={message.id}
            message={message}
            cards={actions.cardsOf(message)}
            hostConfig={hostConfig}
            status={actions.statusOf(message)}
            onAction={actions.press}
            onDismissNotice={actions.dismiss}
          />
        ))}
      </div>
    </div>
  );
}
