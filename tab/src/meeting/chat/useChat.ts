import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/http.js';
import { loadChat, type ChatMessage } from './chatApi.js';

const POLL_MS = 1000;

export interface ChatFeed {
  /** Undefined until the first answer. */
  messages: ChatMessage[] | undefined;
  /** Why the chat cannot be read (the service's words), while it cannot. */
  error: string | undefined;
  /** Reads the chat now (after a button press) instead of at the next poll; undefined when that failed. */
  reload(): Promise<ChatMessage[] | undefined>;
}

/**
 * The local chat, polled: the dev connector records what the bot sends and
 * has no push channel. Unchanged messages keep their previous objects, so a
 * card someone is typing into is not re-rendered when another one changes.
 */
export function useChat(): ChatFeed {
  const [messages, setMessages] = useState<ChatMessage[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const shown = useRef<ChatMessage[] | undefined>(undefined);

  const reload = useCallback(async () => {
    try {
      const loaded = await loadChat();
      setError(undefined);
      const previous = new Map((shown.current ?? []).map((m) => [m.version, m]));
      const next = loaded.map((m) => previous.get(m.version) ?? m);
      const same = shown.current?.length === next.length && next.every((m, i) => m === shown.current?.[i]);
      if (!same) {
        shown.current = next;
        setMessages(next);
      }
      return next;
    } catch (e) {
      setError(messageOf(e));
      return undefined;
    }
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await reload();
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [reload]);

  return { messages, error, reload };
}
