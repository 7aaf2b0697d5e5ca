/**
 * Loose text equality for "is this already on the agenda?": people retype a
 * suggested question with different case, spacing or final punctuation, and
 * that should still count as the same topic.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.?!…]+$/u, '');
}

export function sameText(a: string, b: string): boolean {
  return normalizeText(a) === normalizeText(b);
}
