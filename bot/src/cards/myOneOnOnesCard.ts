import type { Translator } from '../i18n/translator.js';
import { adaptiveCard, cardDateTime, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptiveCard.js';
import { cardTextInline } from './text.js';
import { ENGLISH } from './words.js';

export interface MyOneOnOnesView {
  /** The person's 1:1s, the soonest first. */
  upcoming: { otherName: string; title: string; nextMeeting?: string; live: boolean }[];
  homeUrl?: string;
}

/** The bot's answer in personal chat: your upcoming 1:1s and a way into "My 1:1s". */
export function myOneOnOnesCard(view: MyOneOnOnesView, t: Translator = ENGLISH): AdaptiveCard {
  const body: CardElement[] = [heading(t.t('bot.my.heading'))];
  if (view.upcoming.length === 0) {
    body.push(textBlock(t.t('bot.my.none')));
  } else {
    body.push({
      type: 'FactSet',
      facts: view.upcoming.map((u) => ({
        title: cardTextInline(u.otherName),
        value: u.live ? t.t('bot.my.live') : u.nextMeeting ? cardDateTime(u.nextMeeting) : t.t('bot.my.noDate'),
      })),
    });
    body.push(textBlock(t.t('bot.my.hint'), { isSubtle: true }));
  }
  return adaptiveCard(
    body,
    view.homeUrl ? { actions: [{ type: 'Action.OpenUrl', title: t.t('bot.my.open'), url: view.homeUrl }] } : {},
  );
}
