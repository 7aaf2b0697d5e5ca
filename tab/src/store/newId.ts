/**
 * Client-generated record ids, so a retried create is recognised by the
 * server instead of duplicated. `randomUUID` exists only in secure contexts;
 * a panel opened over plain HTTP on a LAN address falls back to random bytes.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
