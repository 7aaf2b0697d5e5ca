import type { I18n } from '@lingui/core';
import { useLingui } from '@lingui/react';
import { useMemo } from 'react';
import type { MessageKey } from '../../../i18n/keys.js';
import type { LocalText, MessageValues } from '../../../i18n/localText.js';

/** A typed translator: a key (a typo is a type error) with its values, or a LocalText from the domain. */
export type Translate = (text: MessageKey | LocalText, values?: MessageValues) => string;

/** The same, for code outside React that holds the page's i18n (announcements, document titles). */
export function translator(i18n: I18n): Translate {
  return (text, values) => (typeof text === 'string' ? i18n._(text, values) : i18n._(text.key, text.values));
}

export function useT(): Translate {
  // `_` changes with the locale, so memoised children re-render in the new language.
  const { i18n, _ } = useLingui();
  return useMemo(() => translator(i18n), [i18n, _]);
}
