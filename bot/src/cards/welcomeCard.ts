import type { Translator } from '../i18n/translator.js';
import { adaptiveCard, cardDateTime, heading, textBlock, type AdaptiveCard, type CardAction } from './adaptiveCard.js';
import { cardTextInline } from './text.js';
import { ENGLISH } from './words.js';

export interface WelcomeView {
  members: { name: string; role: 'manager' | 'report' }[];
  /** ISO instant of the next occurrence, when known. */
  nextMeeting?: string;
  leadHours: number;
  panelUrl?: string;
}

/** Posted once when the app is added to a meeting chat, in the words of the person who added it. */
export function welcomeCard(view: WelcomeView, t: Translator = ENGLISH): AdaptiveCard {
  const [first, second] = view.members.map((m) => cardTextInline(m.name));
  const body = [
    heading(t.t('bot.welcome.heading')),
    textBlock(t.t('bot.welcome.home', { count: view.members.length, first: first ?? '', second: second ?? '' })),
    textBlock(t.t('bot.welcome.how', { hours: view.leadHours })),
    textBlock(
      view.nextMeeting ? t.t('bot.card.next', { when: cardDateTime(view.nextMeeting) }) : t.t('bot.welcome.noSchedule'),
      { isSubtle: true },
    ),
  ];
  return adaptiveCard(body, panelActions(view.panelUrl, t));
}

export function panelActions(panelUrl: string | undefined, t: Translator = ENGLISH): { actions?: CardAction[] } {
  return panelUrl ? { actions: [{ type: 'Action.OpenUrl', title: t.t('bot.card.openPanel'), url: panelUrl }] } : {};
}
