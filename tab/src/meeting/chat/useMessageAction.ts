import { useState } from 'react';
import { messageOf, type TokenSource } from '../../api/http.js';
import { useT } from '../../i18n/useT.js';
import { ActionRefused, messageAction, type ChatMessage, type TaskStep } from './chatApi.js';

/** The open dialog of a message action: waiting for the bot, its answer, or why there is none. */
export type MessageActionState =
  | { message: ChatMessage; step: 'loading'; title?: string }
  | { message: ChatMessage; step: TaskStep }
  | { message: ChatMessage; step: { kind: 'failed'; text: string }; title?: string };

export interface MessageActions {
  open: MessageActionState | undefined;
  /** "Add to 1:1 agenda" on a message: asks the bot for its dialog. */
  start(message: ChatMessage): void;
  /** The dialog's card was submitted: the bot answers the next dialog or a message. */
  submit(data: unknown): void;
  close(): void;
}

/**
 * A message action as Teams runs it: fetch the dialog from the bot, show its
 * card, submit the card's values, show what the bot answers (another dialog
 * or a message), as the member acting in the chat.
 */
export function useMessageAction(getToken: TokenSource): MessageActions {
  const t = useT();
  const [open, setOpen] = useState<MessageActionState>();

  const run = (message: ChatMessage, step: { kind: 'fetch' } | { kind: 'submit'; data: unknown }, title?: string) => {
    setOpen({ message, step: 'loading', ...(title ? { title } : {}) });
    messageAction(getToken, message, step).then(
      (answer) => setOpen((now) => (now?.message.id === message.id ? { message, step: answer } : now)),
      (e: unknown) => {
        const text = e instanceof ActionRefused ? t('pages.chat.actionRefused', { status: e.status }) : messageOf(e);
        setOpen((now) => (now?.message.id === message.id ? { message, step: { kind: 'failed', text } } : now));
      },
    );
  };

  return {
    open,
    start: (message) => run(message, { kind: 'fetch' }),
    submit: (data) => {
      if (!open || open.step === 'loading') return;
      const title = 'title' in open.step ? open.step.title : undefined;
      run(open.message, { kind: 'submit', data }, title);
    },
    close: () => setOpen(undefined),
  };
}
