import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useClickGuard } from '../../ui/clickGuard.js';

/** How long a ticked item keeps its place while the pointer stays over the list. */
const HOLD_MS = 2_000;

/**
 * Ticking an item would move it (done items sort last), putting its
 * neighbour under the pointer. While the person works in the list the order
 * holds still: until the pointer or focus leaves it, or a moment passes.
 * A double click on one box counts once (the shared checkbox rule).
 */
export function useSteadyList<T extends { id: string }>(items: readonly T[]) {
  const [held, setHeld] = useState<string[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const guard = useClickGuard();
  useEffect(() => () => clearTimeout(timer.current), []);

  const release = () => {
    clearTimeout(timer.current);
    setHeld(null);
  };

  let shown: T[] = [...items];
  if (held) {
    const byId = new Map(items.map((i) => [i.id, i]));
    const kept = held.flatMap((id) => byId.get(id) ?? []);
    shown = [...kept, ...items.filter((i) => !held.includes(i.id))];
  }

  return {
    items: shown,
    /** Call before a tick: returns false for the second click of a double click. */
    beforeToggle(id: string): boolean {
      if (!guard.accept(id)) return false;
      setHeld((current) => current ?? shown.map((i) => i.id));
      clearTimeout(timer.current);
      timer.current = setTimeout(release, HOLD_MS);
      return true;
    },
    listProps: {
      onPointerLeave: release,
      onBlur: (event: FocusEvent<HTMLElement>) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) release();
      },
    },
  };
}
