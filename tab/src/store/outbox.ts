import type { AnyRecord } from '../../../domain/entities.js';
import { ApiError, messageOf } from '../api/http.js';
import type { Translate } from '../i18n/useT.js';
import { createSignal, type Signal } from './signal.js';
import type { SeriesAction } from './seriesState.js';

/** One change a person made: shown at once (optimistic), then sent. */
export interface Change {
  /** What it was, in the person's language, for the "not saved yet" list: `Add topic “Pay review”`. */
  label: string;
  /** The person's own words in full, shown back if the service refuses the change so nothing typed is lost. */
  text?: string;
  /** Later changes with the same key replace a queued one (autosaved notes: only the last text matters). */
  key?: string;
  optimistic: readonly AnyRecord[];
  send(): Promise<readonly AnyRecord[]>;
  /** A refusal the caller answers itself (true): no notice. E.g. an early start, which the panel asks to confirm. */
  answersRefusal?(error: unknown): boolean;
}

export interface UnsentChange {
  id: number;
  label: string;
}

interface Entry extends Change {
  id: number;
}

/**
 * Worth sending again, as it was: the connection dropped (0), the service is
 * restarting or its storage is briefly unavailable (502, 503, 504), the
 * request timed out (408) or was throttled (429). A write that failed this way
 * may even have been applied; sending it again with the same ids gives the
 * same outcome. Anything else is the server's final answer.
 */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && [0, 408, 429, 502, 503, 504].includes(error.status);
}

/** How long to wait before sending again when the service named no time: doubling, up to half a minute. */
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

/** setTimeout, replaceable in tests; returns a cancel function. */
export type Scheduler = (run: () => void, ms: number) => () => void;
const timers: Scheduler = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Sends changes in the order they were made. A change that cannot be saved
 * now (see isRetryable) is kept (its optimistic copy stays on screen) and sent
 * again: after the service's Retry-After, after a growing back-off, when the
 * connection returns, or on "Retry now". Every create carries a
 * client-generated id and every other write is idempotent, so sending twice
 * never duplicates. While anything waits, later changes queue behind it so
 * they land in order. A change the service refuses for good is never dropped
 * silently: the person is told what failed and why, with their text.
 */
export function createOutbox(dispatch: (action: SeriesAction) => void, t: Translate, schedule: Scheduler = timers) {
  const queue: Entry[] = [];
  const unsent: Signal<readonly UnsentChange[]> = createSignal<readonly UnsentChange[]>([]);
  let nextId = 1;
  // Drains run one after another, never side by side: each sends from the head of the queue.
  let draining: Promise<void> = Promise.resolve();
  let backoff = FIRST_BACKOFF_MS;
  let cancelRetry: (() => void) | undefined;

  const publish = () => unsent.set(queue.map(({ id, label }) => ({ id, label })));

  /** Drop optimistic copies, except those a change still waiting will show again. */
  function settle(change: Change) {
    const stillShown = new Set(queue.flatMap((entry) => entry.optimistic.map((r) => r.id)));
    for (const record of change.optimistic)
      if (!stillShown.has(record.id)) dispatch({ type: 'settled', id: record.id });
  }

  function enqueue(change: Change) {
    // The head may be on the wire already; never replace it.
    const index = change.key === undefined ? -1 : queue.findIndex((e, i) => i > 0 && e.key === change.key);
    if (index > 0) queue[index] = { ...change, id: queue[index]!.id };
    else queue.push({ ...change, id: nextId++ });
    publish();
  }

  /** Sends again by itself: when the service said (Retry-After), else after the back-off. */
  function retryLater(error: unknown) {
    cancelRetry?.();
    const hinted = error instanceof ApiError ? error.retryAfterMs : undefined;
    const wait = hinted !== undefined ? Math.max(hinted, 250) : backoff;
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    cancelRetry = schedule(() => {
      cancelRetry = undefined;
      void flush();
    }, wait);
  }

  async function deliver(change: Change): Promise<'sent' | 'refused' | 'unreachable'> {
    try {
      const records = await change.send();
      dispatch({ type: 'recordsReceived', records });
      backoff = FIRST_BACKOFF_MS;
      return 'sent';
    } catch (error) {
      if (isRetryable(error)) {
        retryLater(error);
        return 'unreachable';
      }
      if (change.answersRefusal?.(error)) return 'refused';
      const words = { change: change.label, reason: messageOf(error) };
      dispatch({
        type: 'notice',
        text: change.text
          ? t('panel.notice.notSavedWithText', { ...words, text: change.text })
          : t('panel.notice.notSaved', words),
      });
      return 'refused';
    }
  }

  async function drain(): Promise<void> {
    for (let head = queue[0]; head; head = queue[0]) {
      const outcome = await deliver(head);
      if (outcome === 'unreachable') return;
      queue.shift();
      publish();
      settle(head);
    }
  }

  function flush(): Promise<void> {
    draining = draining.then(drain);
    return draining;
  }

  return {
    unsent,

    /** Resolves true when the change was saved or is kept for sending later; false when the server refused it. */
    async submit(change: Change): Promise<boolean> {
      for (const record of change.optimistic) dispatch({ type: 'optimistic', record });
      if (queue.length > 0) {
        enqueue(change);
        void flush();
        return true;
      }
      const outcome = await deliver(change);
      if (outcome === 'unreachable') {
        enqueue(change);
        return true;
      }
      settle(change);
      return outcome === 'sent';
    },

    /** Send what waits: on reconnect, when the browser is back online, or on "Retry now". */
    flush,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
