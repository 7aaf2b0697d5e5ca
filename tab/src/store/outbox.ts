import type { AnyRecord } from '../../../domain/entities.js';
import { ApiError, messageOf } from '../api/http.js';
import { createSignal, type Signal } from './signal.js';
import type { SeriesAction } from './seriesState.js';

/** One change a person made: shown at once (optimistic), then sent. */
export interface Change {
  /** What it was, in words, for the "not saved yet" list: `Add topic “Pay review”`. */
  label: string;
  /** Later changes with the same key replace a queued one (autosaved notes: only the last text matters). */
  key?: string;
  optimistic: readonly AnyRecord[];
  send(): Promise<readonly AnyRecord[]>;
}

export interface UnsentChange {
  id: number;
  label: string;
}

interface Entry extends Change {
  id: number;
}

/** Lost connection or a restarting service: worth sending again. Anything else is the server's answer. */
export function isConnectionFailure(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 502 || error.status === 503);
}

/**
 * Sends changes in the order they were made. A change that cannot reach the
 * service is kept (its optimistic copy stays on screen) and sent again when
 * the connection returns; every create carries a client-generated id and
 * every other write is idempotent, so sending twice never duplicates. While
 * anything waits, later changes queue behind it so they land in order.
 */
export function createOutbox(dispatch: (action: SeriesAction) => void) {
  const queue: Entry[] = [];
  const unsent: Signal<readonly UnsentChange[]> = createSignal<readonly UnsentChange[]>([]);
  let nextId = 1;
  // Drains run one after another, never side by side: each sends from the head of the queue.
  let draining: Promise<void> = Promise.resolve();

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

  async function deliver(change: Change): Promise<'sent' | 'refused' | 'unreachable'> {
    try {
      const records = await change.send();
      dispatch({ type: 'recordsReceived', records });
      return 'sent';
    } catch (error) {
      if (isConnectionFailure(error)) return 'unreachable';
      dispatch({ type: 'notice', text: `${change.label} was not saved: ${messageOf(error)}` });
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
