import { adaptiveCard, cardDateTime, heading, textBlock, type AdaptiveCard, type CardAction } from './adaptiveCard.js';
import { cardTextInline } from './text.js';

export interface WelcomeView {
  members: { name: string; role: 'manager' | 'report' }[];
  /** ISO instant of the next occurrence, when known. */
  nextMeeting?: string;
  leadHours: number;
  panelUrl?: string;
}

/** Posted once when the app is added to a meeting chat. */
export function welcomeCard(view: WelcomeView): AdaptiveCard {
  const names = view.members.map((m) => cardTextInline(m.name)).join(' and ');
  const body = [
    heading('1:1 Companion is set up'),
    textBlock(`This chat is now the home of the 1:1 between ${names}.`),
    textBlock(
      `About ${view.leadHours} hours before each meeting I will ask what you would like to talk about. ` +
        'Topics land on a shared agenda in the meeting side panel, and after the meeting I post a summary here.',
    ),
    textBlock(
      view.nextMeeting ? `Next 1:1: ${cardDateTime(view.nextMeeting)}` : 'Set the schedule in the side panel.',
      { isSubtle: true },
    ),
  ];
  return adaptiveCard(body, panelActions(view.panelUrl));
}

export function panelActions(panelUrl: string | undefined): { actions?: CardAction[] } {
  return panelUrl ? { actions: [{ type: 'Action.OpenUrl', title: 'Open the 1:1 panel', url: panelUrl }] } : {};
}
