/** A person's text cut for a one-line label ("Add topic “A long…”"); the full text is never lost elsewhere. */
export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
