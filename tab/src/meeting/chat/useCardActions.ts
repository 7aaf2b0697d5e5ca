import { useCallback, useState } from 'react';
import { messageOf, type TokenSource } from '../../api/http.js';
import { useT } from '../../i18n/useT.js';
import { ActionRefused, invokeCardAction, type ChatMessage } from './chatApi.js';
import type { CardActionEvent } from './cardRenderer.js';
import type { MessageStatus } from './ChatMessageView.js';

/**
 * The card a person got back from pressing a button. Teams shows it to that
 * person in place of the message's card until the message changes again, so
 * it is kept per person and per message version.
 */
interface Answer {
  card: object;
  /** The message version it answers; a later edit of the message wins. */
  version: string;
}

export interface CardActions {
  cardsOf(message: ChatMessage): object[];
  statusOf(message: ChatMessage): MessageStatus | undefined;
  press(message: ChatMessage, cardIndex: number, event: CardActionEvent): void;
  dismiss(message: ChatMessage): void;
}

/**
 * Card buttons pressed as the member acting in the chat: Action.Execute
 * goes to the bot as an invoke and its answer replaces the card.
 */
export function useCardActions(
  actor: { role: string; getToken: TokenSource },
  reload: () => Promise<ChatMessage[] | undefined>,
): CardActions {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [statuses, setStatuses] = useState<Record<string, MessageStatus>>({});
  const { role, getToken } = actor;
  const t = useT();

  const setStatus = (id: string, status: MessageStatus | undefined) =>
    setStatuses(({ [id]: _old, ...rest }) => (status ? { ...rest, [id]: status } : rest));

  const press = useCallback(
    (message: ChatMessage, cardIndex: number, event: CardActionEvent) => {
      if (event.kind === 'openUrl') {
        window.open(event.url, '_blank', 'noopener,noreferrer');
        return;
      }
      // Chat cards answer with Action.Execute; Action.Submit belongs to dialogs (MessageActionDialog).
      if (event.kind === 'unsupported' || event.kind === 'submit') {
        const type = event.kind === 'submit' ? 'Action.Submit' : event.type;
        setStatus(message.id, { notice: { intent: 'info', text: t('pages.chat.unsupportedAction', { type }) } });
        return;
      }
      if (statuses[message.id]?.pending) return;
      setStatus(message.id, { pending: true });
      const send = async () => {
        const outcome = await invokeCardAction(getToken, {
          activityId: message.id,
          verb: event.verb,
          data: event.data,
        });
        // The bot may also have edited the message for everyone; the answer applies to that edit.
        const now = (await reload())?.find((m) => m.id === message.id);
        if (outcome.kind === 'card') {
          const key = `${role}:${message.id}:${cardIndex}`;
          setAnswers((all) => ({ ...all, [key]: { card: outcome.card, version: now?.version ?? message.version } }));
        }
        setStatus(
          message.id,
          outcome.kind === 'message' ? { notice: { intent: 'info', text: outcome.text } } : undefined,
        );
      };
      send().catch((e: unknown) => {
        const text = e instanceof ActionRefused ? t('pages.chat.actionRefused', { status: e.status }) : messageOf(e);
        setStatus(message.id, { notice: { intent: 'error', text } });
      });
    },
    [role, getToken, reload, statuses, t],
  );

  return {
    cardsOf: (message) =>
      message.cards.map((card, index) => {
        const answer = answers[`${role}:${message.id}:${index}`];
        return answer && answer.version === message.version ? answer.card : card;
      }),
    statusOf: (message) => statuses[message.id],
    press,
    dismiss: (message) => setStatus(message.id, undefined),
  };
}
