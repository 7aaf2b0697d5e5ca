import { makeStyles, Spinner, tokens, typographyStyles, type Theme } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useT.js';
import { Notice } from '../../ui/Notice.js';
import { ActorPicker, type Identity } from './ActorPicker.js';
import { cardHostConfig } from './cardHostConfig.js';
import { sendChatMessage, type ChatMessage } from './chatApi.js';
import { ChatComposer } from './ChatComposer.js';
import { ChatMessageView } from './ChatMessageView.js';
import { MeetingControls } from './MeetingControls.js';
import { MessageActionDialog } from './MessageActionDialog.js';
import { useCardActions } from './useCardActions.js';
import { useChat } from './useChat.js';
import { useMessageAction } from './useMessageAction.js';
import { useStickToBottom } from './useStickToBottom.js';

const useStyles = makeStyles({
  chat: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minHeight: 0,
    flexGrow: 1,
    // Only the log shrinks: a notice above it (the clock's, longer in German) keeps its whole height.
    '& > :not([role="log"])': { flexShrink: 0 },
  },
  log: {
    flexGrow: 1,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  messages: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
  },
  empty: { ...typographyStyles.body1, color: tokens.colorNeutralForeground3, margin: 'auto', textAlign: 'center' },
});

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
  const t = useT();
  const feed = useChat();
  const [role, setRole] = useState(identities.find((i) => i.role === 'report')?.role ?? identities[0]?.role);
  const actor = identities.find((i) => i.role === role);
  const getToken = useMemo(() => () => Promise.resolve(actor?.token ?? ''), [actor]);
  const actions = useCardActions({ role: role ?? '', getToken }, feed.reload);
  const messageActions = useMessageAction(getToken);
  const hostConfig = useMemo(() => cardHostConfig(theme), [theme]);
  const log = useRef<HTMLDivElement>(null);
  // What this page wrote to the bot: the service records only what the bot sends, so the chat shows these itself.
  const [sent, setSent] = useState<ChatMessage[]>([]);
  const messages = useMemo(
    () => feed.messages && [...feed.messages, ...sent].sort((a, b) => a.postedAt.localeCompare(b.postedAt)),
    [feed.messages, sent],
  );

  const send = async (text: string) => {
    if (!actor) return;
    const postedAt = new Date().toISOString();
    await sendChatMessage(getToken, text);
    // Unique beyond this page's life: a message action derives the topic from the message's id.
    const id = `sent-${crypto.randomUUID()}`;
    setSent((all) => [...all, { id, author: actor.name, postedAt, text, cards: [], version: id }]);
    await feed.reload();
  };

  const content = useRef<HTMLDivElement>(null);
  useStickToBottom(log, content, messages?.length ?? 0);

  return (
    <div className={styles.chat}>
      <MeetingControls onDone={feed.reload} />
      <ActorPicker identities={identities} role={role} onChange={setRole} />
      {feed.error && <Notice intent="error">{t('pages.chat.unavailable', { reason: feed.error })}</Notice>}
      <div ref={log} className={styles.log} role="log" aria-label={t('pages.chat.log')} tabIndex={0}>
        <div ref={content} className={styles.messages}>
          {!messages && !feed.error && <Spinner size="small" label={t('pages.chat.loading')} />}
          {messages?.length === 0 && <p className={styles.empty}>{t('pages.chat.empty')}</p>}
          {messages?.map((message) => (
            <ChatMessageView
              key={message.id}
              message={message}
              cards={actions.cardsOf(message)}
              hostConfig={hostConfig}
              status={actions.statusOf(message)}
              onAction={actions.press}
              onDismissNotice={actions.dismiss}
              onAddToAgenda={messageActions.start}
            />
          ))}
        </div>
      </div>
      {actor && <ChatComposer senderName={actor.name} send={send} />}
      <MessageActionDialog actions={messageActions} hostConfig={hostConfig} />
    </div>
  );
}
