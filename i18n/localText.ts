import type { MessageKey } from './keys.js';

/** Values a message interpolates; plurals and selects read numbers and strings. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Text that pure code decides and the reader's side words: a catalog key and
 * its values. Domain rules return this instead of an English sentence, so the
 * tab and the cards say the same thing in each reader's language.
 */
export interface LocalText {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

export const localText = (key: MessageKey, values?: MessageValues): LocalText =>
  values === undefined ? { key } : { key, values };
