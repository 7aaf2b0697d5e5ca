import type { Role, Series, Topic, UserId } from './entities.js';
import { memberOf } from './entities.js';
import { compareByOrder, freshKeys, isValidOrderKey, keyBetween, ORDER_KEY_SOFT_LIMIT } from './ordering.js';
import { NotFound, Invalid } from './errors.js';
import { localText } from './localText.js';

/** The live (not deleted) topics of one meeting, in agenda order. */
export function agendaOf(topics: readonly Topic[], meetingId: string): Topic[] {
  return topics.filter((t) => t.meetingId === meetingId && !t.deletedAt).sort(compareByOrder);
}

function roleOf(series: Pick<Series, 'members'>, userId: UserId): Role | undefined {
  return memberOf(series, userId)?.role;
}

/**
 * Where a topic goes: a key between its new neighbours, or, when no good key
 * exists there, a rebalance that gives every topic of the agenda a fresh short
 * key (written in one ETag-guarded pass). A rebalance happens when the
 * neighbours have equal keys (two people placed topics at once with keys from
 * before the tie-breaker), when a neighbour has a key of the earlier scheme,
 * or when the key would grow past ORDER_KEY_SOFT_LIMIT.
 */
export type Placement =
  | { kind: 'key'; order: string }
  /** New keys for every topic of the agenda, the placed one included, in their new order. */
  | { kind: 'rebalance'; orders: ReadonlyMap<string, string> };

/** `others`: the agenda in order without the placed topic; `position`: its index among them once placed. */
function placeAt(others: readonly Topic[], position: number, topicId: string): Placement {
  const before = others[position - 1]?.order ?? null;
  const after = others[position]?.order ?? null;
  const roomy =
    (before === null || isValidOrderKey(before)) &&
    (after === null || isValidOrderKey(after)) &&
    (before === null || after === null || before < after);
  const order = roomy ? keyBetween(before, after, topicId) : undefined;
  if (order !== undefined && order.length <= ORDER_KEY_SOFT_LIMIT) return { kind: 'key', order };
  const ids = [...others.slice(0, position).map((t) => t.id), topicId, ...others.slice(position).map((t) => t.id)];
  const keys = freshKeys(ids.length);
  return { kind: 'rebalance', orders: new Map(ids.map((id, i) => [id, keys[i]!])) };
}

/** The placed topic's key, whether it came alone or with a rebalance. */
export function orderOf(placement: Placement, topicId: string): string {
  return placement.kind === 'key' ? placement.order : placement.orders.get(topicId)!;
}

/**
 * Where a newly added topic goes. The employee leads the agenda: a report's
 * topic goes after the report's last topic (or first of all), ahead of the
 * manager's; a manager's topic goes to the end.
 */
export function placeNewTopic(
  series: Pick<Series, 'members'>,
  agenda: readonly Topic[],
  addedBy: UserId,
  topicId: string,
): Placement {
  const others = agenda.filter((t) => t.id !== topicId);
  if (roleOf(series, addedBy) !== 'report') return placeAt(others, others.length, topicId);
  let lastReportIndex = -1;
  others.forEach((t, i) => {
    if (roleOf(series, t.addedBy) === 'report') lastReportIndex = i;
  });
  return placeAt(others, lastReportIndex + 1, topicId);
}

/** The key alone (e.g. for the panel's optimistic view; the service answers the real one). */
export function orderForNewTopic(
  series: Pick<Series, 'members'>,
  agenda: readonly Topic[],
  addedBy: UserId,
  topicId = '',
): string {
  return orderOf(placeNewTopic(series, agenda, addedBy, topicId), topicId);
}

/**
 * Where `topicId` goes to sit right after `afterId` (null: to the top) in
 * the agenda as the server sees it now: exactly there, even next to topics
 * with equal keys (those are rebalanced).
 */
export function placeMove(agenda: readonly Topic[], topicId: string, afterId: string | null): Placement {
  if (afterId === topicId)
    throw new Invalid('A topic cannot be moved after itself.').worded(localText('domain.error.topic.moveAfterItself'));
  if (!agenda.some((t) => t.id === topicId))
    throw new NotFound('That topic is not on this agenda.').worded(localText('domain.error.topic.notOnAgenda'));
  const others = agenda.filter((t) => t.id !== topicId);
  const index = afterId === null ? -1 : others.findIndex((t) => t.id === afterId);
  if (afterId !== null && index < 0)
    throw new NotFound('The topic to move after is not on this agenda.').worded(
      localText('domain.error.topic.afterNotOnAgenda'),
    );
  return placeAt(others, index + 1, topicId);
}

export function orderForMove(agenda: readonly Topic[], topicId: string, afterId: string | null): string {
  return orderOf(placeMove(agenda, topicId, afterId), topicId);
}
