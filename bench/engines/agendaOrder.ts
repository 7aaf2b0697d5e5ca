import { compareByOrder, keyBetween } from '../../domain/ordering.js';

/**
 * The order key a peer engine gives a moved topic, computed on the editing
 * client from its copy of the agenda with the same fractional keys our
 * service uses, so the peers do the same work per move.
 */
export function orderAfter(
  agenda: readonly { id: string; order: string }[],
  topicId: string,
  afterId: string | null,
): string {
  const others = agenda.filter((t) => t.id !== topicId).sort(compareByOrder);
  const index = afterId === null ? -1 : others.findIndex((t) => t.id === afterId);
  const before = index >= 0 ? others[index]!.order : null;
  const after = others[index + 1]?.order ?? null;
  if (before !== null && after !== null && before >= after) return keyBetween(before, null);
  return keyBetween(before, after);
}

export function orderAtEnd(agenda: readonly { order: string }[]): string {
  const last =
    agenda
      .map((t) => t.order)
      .sort()
      .at(-1) ?? null;
  return keyBetween(last, null);
}
