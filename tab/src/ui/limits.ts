import type { Translate } from '../i18n/useT.js';

/**
 * Text limits made visible: a counter once the text nears its limit, and a
 * message (never a silent cut) once it is over. Inputs carry no `maxLength`,
 * which would cut a pasted text without a word.
 */
export interface LimitState {
  over: boolean;
  /** For a Field: the counter near the limit, or why the text cannot be saved. */
  message?: string;
  state?: 'error' | 'none';
}

/** What the text is, for the message over the limit ("The topic is 5,000 characters; …"). */
export type LimitedText = 'topic' | 'actionItem' | 'note';

const NEAR = 0.9;

export function limitOf(text: string, limit: number, what: LimitedText, t: Translate): LimitState {
  const length = text.trim().length;
  if (length > limit) {
    return { over: true, state: 'error', message: t('panel.limit.over', { what, length, limit }) };
  }
  if (length >= limit * NEAR) return { over: false, state: 'none', message: t('panel.limit.near', { length, limit }) };
  return { over: false };
}
