import type { Translator } from '../i18n/translator.js';
import { adaptiveCard, cardDateTime, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import { cardText } from './text.js';
import { ENGLISH } from './words.js';

/** A short message card; `message` (already in the reader's words) may carry user text, so it is escaped. */
export function noticeCard(message: string, tone: 'info' | 'error' = 'info'): AdaptiveCard {
  return adaptiveCard([textBlock(cardText(message), tone === 'error' ? { color: 'Attention' } : {})]);
}

/** Two occurrences in a row did not happen: a gentle reminder of why the 1:1 matters. */
export function skippedNudgeCard(view: { nextMeeting?: string }, t: Translator = ENGLISH): AdaptiveCard {
  const body = [textBlock(t.t('bot.nudge.title'), { weight: 'Bolder' }), textBlock(t.t('bot.nudge.body'))];
  if (view.nextMeeting)
    body.push(textBlock(t.t('bot.nudge.next', { when: cardDateTime(view.nextMeeting) }), { isSubtle: true }));
  return adaptiveCard(body);
}
