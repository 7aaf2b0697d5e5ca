import type { Role, Series, Topic, UserId } from './entities.js';
import { memberOf } from './entities.js';
import { compareByOrder, keyBetween } from './ordering.js';
import { NotFound, Invalid } from './errors.js';

/** The live (not deleted) topics of one meeting, in agenda order. */
export function agendaOf(topics: readonly Topic[], meetingId: string): Topic[] {
  return topics.filter((t) => t.meetingId === meetingId && !t.deletedAt).sort(compareByOrder);
}

function roleOf(series: Pick<Series, 'members'>, userId: UserId): Role | undefined {
  return memberOf(series, userId)?.role;
}

/**
 * Where a newly added topic goes. The employee leads the agenda: a report's
 * topic goes after the report's last topic (or first of all), ahead of the
 * manager's; a manager's topic goes to the end.
 */
export function orderForNewTopic(series: Pick<Series, 'members'>, agenda: readonly Topic[], addedBy: UserId): string {
  const last = agenda.at(-1);
  if (roleOf(series, addedBy) !== 'report') return keyBetween(last?.order ?? null, null);
  let lastReportIndex = -1;
  agenda.forEach((t, i) => {
    if (roleOf(series, t.addedBy) === 'report') lastReportIndex = i;
  });
  const before = agenda[lastReportIndex]?.order ?? null;
  const after = agenda[lastReportIndex + 1]?.order ?? null;
  return orderBetweenNeighbours(before, after);
}

/** Equal neighbour keys (a concurrent move tie) leave no room between them; go just after the first. */
function orderBetweenNeighbours(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) return keyBetween(before, null);
  return keyBetween(before, after);
}

/**
 * The order key for moving `topicId` so it sits right after `afterId`
 * (null: to the top) in the agenda as the server sees it now.
 */
export function orderForMove(agenda: readonly Topic[], topicId: string, afterId: string | null): string {
  if (afterId === topicId) throw new Invalid('A topic cannot be moved after itself.');
  if (!agenda.some((t) => t.id === topicId)) throw new NotFound('That topic is not on this agenda.');
  const others = agenda.filter((t) => t.id !== topicId);
  const index = afterId === null ? -1 : others.findIndex((t) => t.id === afterId);
  if (afterId !== null && index < 0) throw new NotFound('The topic to move after is not on this agenda.');
  const before = others[index]?.order ?? null;
  const after = others[index + 1]?.order ?? null;
  return orderBetweenNeighbours(before, after);
}
