import { healthSince, healthSinceDate } from '../../../domain/healthWindow.js';

/**
 * The action items the health figures read (domain/healthWindow.ts
 * `isHealthItem`), as a condition on `c` for a records query: every open one,
 * and those done or due within the window. Takes `healthItemParameters(now)`.
 */
export const HEALTH_ITEMS = `(c.type = 'actionItem' AND NOT IS_DEFINED(c.deletedAt) AND (
  NOT IS_DEFINED(c.doneAt) OR c.doneAt >= @doneSince OR (IS_DEFINED(c.dueDate) AND c.dueDate >= @dueSince)))`;

export function healthItemParameters(now: Date): { name: string; value: string }[] {
  return [
    { name: '@doneSince', value: healthSince(now) },
    { name: '@dueSince', value: healthSinceDate(now) },
  ];
}
