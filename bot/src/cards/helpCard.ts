import type { Translator } from '../i18n/translator.js';
import { adaptiveCard, cardDateTime, heading, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import { panelActions } from './welcomeCard.js';
import { ENGLISH } from './words.js';

export interface HelpView {
  nextMeeting?: string;
  panelUrl?: string;
  /** False when the chat has no 1:1 yet (for example, more than two people are in it). */
  hasSeries: boolean;
}

/** The answer to any message sent to the bot in the meeting chat, in the sender's words. */
export function helpCard(view: HelpView, t: Translator = ENGLISH): AdaptiveCard {
  const body = [
    heading(t.t('bot.help.heading')),
    textBlock(t.t('bot.help.about')),
    textBlock(view.hasSeries ? t.t('bot.help.openPanel') : t.t('bot.help.twoPeople')),
  ];
  if (view.nextMeeting)
    body.push(textBlock(t.t('bot.card.next', { when: cardDateTime(view.nextMeeting) }), { isSubtle: true }));
  return adaptiveCard(body, panelActions(view.panelUrl, t));
}
