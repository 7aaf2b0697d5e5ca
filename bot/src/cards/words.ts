import { TopicCategory } from '../../../domain/entities.js';
import type { LocalText } from '../../../domain/localText.js';
import { categoryText } from '../../../domain/questions.js';
import { translatorFor, type Translator } from '../i18n/translator.js';
import { calendarDate } from './adaptiveCard.js';
import { cardTextInline } from './text.js';

/** Cards built without a reader's locale (tests, English defaults) read English. */
export const ENGLISH: Translator = translatorFor(undefined);

/**
 * A domain LocalText on a card: its string values (names, topics) are user
 * text, escaped as they go in, so only the catalog's own words carry
 * Markdown-free text and nothing a person typed can become a link or a date.
 */
export function cardWords(t: Translator, text: LocalText): string {
  const values = Object.fromEntries(
    Object.entries(text.values ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string' ? cardTextInline(value) : value,
    ]),
  );
  return t.t(text.key, values);
}

/** The category choices of a card, in the reader's words, in the domain's order. */
export function categoryChoices(t: Translator): { title: string; value: string }[] {
  return TopicCategory.options.map((value) => ({ title: t.t(categoryText(value)), value }));
}

/** A due date in the card's language, in the long style of the card's other dates (adaptiveCard.ts `calendarDate`). */
export function dueDateFor(t: Translator, isoDate: string): string {
  return calendarDate(isoDate, t.locale.tag);
}
