import { adaptiveCard, cardDateTime, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import { cardText } from './text.js';

/** A short message card; `message` may come from an error meant for the person, so it is escaped. */
export function noticeCard(message: string, tone: 'info' | 'error' = 'info'): AdaptiveCard {
  return adaptiveCard([textBlock(cardText(message), tone === 'error' ? { color: 'Attention' } : {})]);
}

/** Two occurrences in a row did not happen: a gentle reminder of why the 1:1 matters. */
export function skippedNudgeCard(view: { nextMeeting?: string }): AdaptiveCard {
  const body = [
    textBlock('The last two 1:1s did not happen.', { weight: 'Bolder' }),
    textBlock(
      'A regular 1:1 is where problems surface early. If the time no longer works, change the schedule in the side panel rather than skipping.',
    ),
  ];
  if (view.nextMeeting) body.push(textBlock(`Next one: ${cardDateTime(view.nextMeeting)}`, { isSubtle: true }));
  return adaptiveCard(body);
}
