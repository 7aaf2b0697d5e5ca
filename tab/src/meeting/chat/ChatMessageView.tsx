import {
  Button,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { Notice } from '../../ui/Notice.js';
import { AdaptiveCardView } from './AdaptiveCardView.js';
import type { ChatMessage } from './chatApi.js';
import type { CardActionEvent } from './cardRenderer.js';

const useStyles = makeStyles({
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  header: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  author: { ...typographyStyles.body1Strong },
  time: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  // User and bot text is shown as text: React escapes it, and line breaks are kept.
  text: {
    ...typographyStyles.body1,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface MessageStatus {
  pending?: boolean;
  notice?: { intent: 'info' | 'error'; text: string };
}

interface ChatMessageViewProps {
  message: ChatMessage;
  /** The cards to draw: the message's own, or the answer to the last button pressed on it. */
  cards: object[];
  hostConfig: object;
  status: MessageStatus | undefined;
  onAction: (message: ChatMessage, cardIndex: number, event: CardActionEvent) => void;
  onDismissNotice: (message: ChatMessage) => void;
  /** "Add to 1:1 agenda" from the message's menu, as in Teams' message actions. */
  onAddToAgenda: (message: ChatMessage) => void;
}

/** One chat message as Teams shows it: who, when, the text and any cards. */
export function ChatMessageView({
  message,
  cards,
  hostConfig,
  status,
  onAction,
  onDismissNotice,
  onAddToAgenda,
}: ChatMessageViewProps) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(new Date(message.postedAt));
  return (
    <article className={styles.message} aria-label={t('pages.chat.messageLabel', { author: message.author, time })}>
      <div className={styles.header}>
        <span className={styles.author}>{message.author}</span>
        <time className={styles.time} dateTime={message.postedAt}>
          {time}
        </time>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button
              size="small"
              appearance="subtle"
              icon={<MoreHorizontalRegular />}
              aria-label={t('pages.chat.messageOptions', { author: message.author, time })}
            />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => onAddToAgenda(message)}>{t('pages.chat.addToAgenda')}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      {message.text && <p className={styles.text}>{message.text}</p>}
      {cards.map((card, index) => (
        <AdaptiveCardView
          key={index}
          card={card}
          hostConfig={hostConfig}
          onAction={(event) => onAction(message, index, event)}
        />
      ))}
      {status?.pending && <Spinner size="tiny" label={t('pages.chat.sending')} />}
      {status?.notice && (
        <Notice
          intent={status.notice.intent}
          onDismiss={() => onDismissNotice(message)}
          dismissLabel={t('pages.dismiss')}
        >
          {status.notice.text}
        </Notice>
      )}
    </article>
  );
}
