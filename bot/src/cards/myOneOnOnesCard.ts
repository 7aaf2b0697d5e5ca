import { adaptiveCard, cardDateTime, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptiveCard.js';
import { cardTextInline } from './text.js';

export interface MyOneOnOnesView {
  /** The person's 1:1s, the soonest first. */
  upcoming: { otherName: string; title: string; nextMeeting?: string; live: boolean }[];
  homeUrl?: string;
}

/** The bot's answer in personal chat: your upcoming 1:1s and a way into "My 1:1s". */
export function myOneOnOnesCard(view: MyOneOnOnesView): AdaptiveCard {
  const body: CardElement[] = [heading('Your 1:1s')];
  if (view.upcoming.length === 0) {
    body.push(
      textBlock(
        'You have no 1:1s with me yet. Add 1:1 Companion to the meeting chat of a recurring 1:1 with your manager or a report, and I will keep its agenda.',
      ),
    );
  } else {
    body.push({
      type: 'FactSet',
      facts: view.upcoming.map((u) => ({
        title: cardTextInline(u.otherName),
        value: u.live ? 'Live now' : u.nextMeeting ? cardDateTime(u.nextMeeting) : 'No date yet',
      })),
    });
    body.push(
      textBlock('Add a topic to any of them from My 1:1s, or from any message with "Add to 1:1 agenda".', {
        isSubtle: true,
      }),
    );
  }
  return adaptiveCard(
    body,
    view.homeUrl ? { actions: [{ type: 'Action.OpenUrl', title: 'Open My 1:1s', url: view.homeUrl }] } : {},
  );
}
