import { TEXT_LIMITS } from '../../../domain/entities.js';
import { adaptiveCard, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptiveCard.js';
import { CATEGORY_LABELS } from './categories.js';
import { cardText, plainCardText } from './text.js';

/** Input ids of the "Add to 1:1 agenda" dialog; the submit handler reads them back. */
export const ADD_TO_AGENDA_INPUTS = { seriesId: 'seriesId', category: 'category', text: 'text' } as const;

export interface AddToAgendaView {
  /** The 1:1s the presser is a member of. */
  choices: { seriesId: string; title: string; otherName: string }[];
  /** The message's text, as the topic's starting point. */
  text: string;
  selectedSeriesId?: string;
  category?: string;
  /** Shown above the form, e.g. why the last submit was refused. */
  notice?: { text: string; tone: 'info' | 'error' };
}

/** The dialog of the "Add to 1:1 agenda" message action: which 1:1, which category, what text. */
export function addToAgendaCard(view: AddToAgendaView): AdaptiveCard {
  const body: CardElement[] = [heading('Add to 1:1 agenda')];
  if (view.notice) {
    body.push(
      textBlock(cardText(view.notice.text), view.notice.tone === 'error' ? { color: 'Attention' } : { isSubtle: true }),
    );
  }
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: ADD_TO_AGENDA_INPUTS.seriesId,
      label: '1:1',
      value: view.selectedSeriesId ?? view.choices[0]?.seriesId ?? '',
      choices: view.choices.map((c) => ({
        title: plainCardText(c.title.trim() ? `${c.otherName} — ${c.title}` : c.otherName),
        value: c.seriesId,
      })),
    },
    {
      type: 'Input.ChoiceSet',
      id: ADD_TO_AGENDA_INPUTS.category,
      label: 'Category',
      value: view.category ?? 'work',
      choices: Object.entries(CATEGORY_LABELS).map(([value, title]) => ({ title, value })),
    },
    {
      type: 'Input.Text',
      id: ADD_TO_AGENDA_INPUTS.text,
      label: 'Topic',
      isMultiline: true,
      maxLength: TEXT_LIMITS.topic,
      isRequired: true,
      errorMessage: 'Write the topic first.',
      value: plainCardText(view.text),
    },
    textBlock('A link to the message is added to the topic as your note.', { isSubtle: true, size: 'Small' }),
  );
  return adaptiveCard(body, {
    actions: [{ type: 'Action.Submit', title: 'Add to agenda', style: 'positive' }],
  });
}
