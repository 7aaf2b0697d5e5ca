import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveStatus = 'idle' | 'saved' | 'editing' | 'saving' | 'failed';

const DEFAULT_DELAY_MS = 600;

/**
 * A text that saves itself a moment after the person stops typing. One save
 * is on the wire at a time and the newest text always goes last, so the
 * server never ends up with an older version than what is on screen. Text
 * arriving from elsewhere (the same person on another device) is taken only
 * while nothing local is waiting to be saved.
 */
export function useAutosave(stored: string, save: (text: string) => Promise<boolean>, delayMs = DEFAULT_DELAY_MS) {
  const [text, setText] = useState(stored);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const latest = useRef(stored);
  const saved = useRef(stored);
  const sending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (sending.current) return;
    while (latest.current !== saved.current) {
      const outgoing = latest.current;
      sending.current = true;
      setStatus('saving');
      const ok = await saveRef.current(outgoing);
      sending.current = false;
      if (!ok) return setStatus('failed');
      saved.current = outgoing;
    }
    setStatus('saved');
  }, []);

  const change = (value: string) => {
    setText(value);
    latest.current = value;
    setStatus('editing');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
  };

  useEffect(() => {
    if (latest.current !== saved.current || sending.current || stored === latest.current) return;
    latest.current = stored;
    saved.current = stored;
    setText(stored);
  }, [stored]);

  // Closing the notes (or the panel) must not drop the last words typed.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (latest.current !== saved.current && !sending.current) void saveRef.current(latest.current);
    },
    [],
  );

  return { text, change, flush, status };
}

export function statusText(status: SaveStatus): string {
  return { idle: '', saved: 'Saved', editing: 'Editing…', saving: 'Saving…', failed: 'Not saved.' }[status];
}
