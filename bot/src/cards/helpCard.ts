import { adaptiveCard, cardDateTime, heading, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import { panelActions } from './welcomeCard.js';

export interface HelpView {
  nextMeeting?: string;
  panelUrl?: string;
  /** False when the chat has no 1:1 yet (for example, more than two people are in it). */
  hasSeries: boolean;
}

/** The answer to any message sent to the bot in the meeting chat. */
export function helpCard(view: HelpView): AdaptiveCard {
  const body = [
    heading('1:1 Companion'),
    textBlock(
      'I keep the shared agenda of this 1:1: before each meeting I ask what you want to talk about, ' +
        'during the meeting the side panel holds the agenda, notes and action items, and afterwards I post a summary.',
    ),
    textBlock(
      view.hasSeries
        ? 'Open the 1:1 Companion panel from the meeting to add topics, take notes and capture action items.'
        : 'I work in meeting chats with exactly two people: a manager and a team member.',
    ),
  ];
  if (view.nextMeeting) body.push(textBlock(`Next 1:1: ${cardDateTime(view.nextMeeting)}`, { isSubtle: true }));
  return adaptiveCard(body, panelActions(view.panelUrl));
}
