import { useRef } from 'react';

/**
 * A second click on the same checkbox this soon after the first is the same
 * intent (a double click): it is ignored. One rule for every checkbox in the
 * panel and in My 1:1s, so a double click never ticks and unticks.
 */
export const DOUBLE_CLICK_MS = 500;

/** The rule on plain data: `accept(id)` is false for a repeat within the window. */
export function createClickGuard(now: () => number = Date.now, windowMs: number = DOUBLE_CLICK_MS) {
  let last: { id: string; at: number } | null = null;
  return {
    accept(id: string): boolean {
      const at = now();
      if (last && last.id === id && at - last.at < windowMs) return false;
      last = { id, at };
      return true;
    },
  };
}

export type ClickGuard = ReturnType<typeof createClickGuard>;

/** One guard per list (or checkbox), kept across renders. */
export function useClickGuard(): ClickGuard {
  const guard = useRef<ClickGuard | null>(null);
  guard.current ??= createClickGuard();
  return guard.current;
}
