/**
 * "Keep mine" after the other person changed the record meanwhile: the draft
 * moves onto the current record field by field. A field the person changed
 * keeps their value; every other field takes the current record's, so saving
 * sends only what the person changed and never writes back a value the other
 * person has since replaced.
 */
export function rebaseDraft<T extends object>(draft: T, base: T, current: T): T {
  const next = { ...draft };
  for (const key of Object.keys(draft) as (keyof T)[]) if (draft[key] === base[key]) next[key] = current[key];
  return next;
}
