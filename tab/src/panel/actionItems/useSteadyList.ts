import { useEffect, useRef, useState, type FocusEvent } from 'react';

/** How long a ticked item keeps its place while the pointer stays over the list. */
const HOLD_MS = 2_000;
/** A second click on the same box this soon after the first is the same intent (a double click). */
const DOUBLE_CLICK_MS = 500;

/**
 * Ticking an item would move it (done items sort last), putting its
 * neighbour under the pointer. While the person works in the list the order
 * holds still: until the pointer or focus leaves it, or a moment passes.
 * A double click on one box counts once.
 */
export function useSteadyList<T extends { id: string }>(items: readonly T[]) {
  const [held, setHeld] = useState<string[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastToggle = useRef<{ id: string; at: number } | null>(null);
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
      const now = Date.now();
      const last = lastToggle.current;
      if (last && last.id === id && now - last.at < DOUBLE_CLICK_MS) return false;
      lastToggle.current = { id, at: now };
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
