import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../../../i18n/keys.js';
import type { Drafts } from '../../store/drafts.js';

export type SaveStatus = 'idle' | 'saved' | 'editing' | 'saving' | 'failed';

const DEFAULT_DELAY_MS = 600;

interface AutosaveOptions {
  /** Where the panel keeps its unsaved drafts, so leaving the page saves this one too. */
  drafts?: Drafts;
  /** A text over the limit is refused (and shown as such), never cut or sent. */
  limit?: number;
  delayMs?: number;
}

/**
 * A text that saves itself a moment after the person stops typing. One save
 * is on the wire at a time and the newest text always goes last, so the
 * server never ends up with an older version than what is on screen. Text
 * arriving from elsewhere (the same person on another device) is taken only
 * while nothing local is waiting to be saved.
 */
export function useAutosave(stored: string, save: (text: string) => Promise<boolean>, options: AutosaveOptions = {}) {
  const { drafts, limit = Infinity, delayMs = DEFAULT_DELAY_MS } = options;
  const [text, setText] = useState(stored);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const latest = useRef(stored);
  const saved = useRef(stored);
  const sending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const fits = () => latest.current.length <= limit;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (sending.current || !fits()) return;
    while (latest.current !== saved.current && fits()) {
      const outgoing = latest.current;
      sending.current = true;
      setStatus('saving');
      const ok = await saveRef.current(outgoing);
      sending.current = false;
      if (!ok) return setStatus('failed');
      saved.current = outgoing;
    }
    setStatus(fits() ? 'saved' : 'editing');
    // `fits` reads refs and the limit, which never changes for a field: the callback never needs renewing.
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

  // Closing the notes, the panel or the page must not drop the last words typed.
  useEffect(() => {
    const pending = () => latest.current !== saved.current && fits();
    const flushNow = () => {
      clearTimeout(timer.current);
      // Sent even while an older save is on the wire: this is the page's last chance, and a PUT of the whole text is idempotent.
      if (pending()) void saveRef.current(latest.current).then((ok) => ok && (saved.current = latest.current));
    };
    const unregister = drafts?.register({ pending, flushNow });
    return () => {
      unregister?.();
      flushNow();
    };
    // Registered once for the field's lifetime.
  }, [drafts]);

  return { text, change, flush, status };
}

const STATUS_KEYS = {
  saved: 'panel.notes.saved',
  editing: 'panel.notes.editing',
  saving: 'panel.notes.saving',
  failed: 'panel.notes.failed',
} as const satisfies Record<Exclude<SaveStatus, 'idle'>, MessageKey>;

/** The catalog key of each save status, shown under the note. */
export function statusText(status: Exclude<SaveStatus, 'idle'>): MessageKey {
  return STATUS_KEYS[status];
}
