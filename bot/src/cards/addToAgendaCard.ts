import { TEXT_LIMITS } from '../../../domain/entities.js';
import type { Translator } from '../i18n/translator.js';
import { adaptiveCard, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptiveCard.js';
import { cardText, plainCardText } from './text.js';
import { categoryChoices, ENGLISH } from './words.js';

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
export function addToAgendaCard(view: AddToAgendaView, t: Translator = ENGLISH): AdaptiveCard {
  const body: CardElement[] = [heading(t.t('bot.addToAgenda.title'))];
  if (view.notice) {
    body.push(
      textBlock(cardText(view.notice.text), view.notice.tone === 'error' ? { color: 'Attention' } : { isSubtle: true }),
    );
  }
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: ADD_TO_AGENDA_INPUTS.seriesId,
      label: t.t('bot.addToAgenda.oneOnOne'),
      value: view.selectedSeriesId ?? view.choices[0]?.seriesId ?? '',
      choices: view.choices.map((c) => ({
        title: plainCardText(c.title.trim() ? `${c.otherName} — ${c.title}` : c.otherName),
        value: c.seriesId,
      })),
    },
    {
      type: 'Input.ChoiceSet',
      id: ADD_TO_AGENDA_INPUTS.category,
      label: t.t('bot.category.label'),
      value: view.category ?? 'work',
      choices: categoryChoices(t),
    },
    {
      type: 'Input.Text',
      id: ADD_TO_AGENDA_INPUTS.text,
      label: t.t('bot.topic.label'),
      isMultiline: true,
      maxLength: TEXT_LIMITS.topic,
      isRequired: true,
      errorMessage: t.t('bot.topic.required'),
      value: plainCardText(view.text),
    },
    textBlock(t.t('bot.addToAgenda.linkNote'), { isSubtle: true, size: 'Small' }),
  );
  return adaptiveCard(body, {
    actions: [{ type: 'Action.Submit', title: t.t('bot.agenda.add'), style: 'positive' }],
  });
}

/**
 * The same dialog when there is nothing to choose (no 1:1s yet, or the presser
 * is unknown): Teams and the Agents Playground accept only a dialog as the
 * answer to opening a message action, so the reason is said in one.
 */
export function addToAgendaNoticeCard(text: string, t: Translator = ENGLISH): AdaptiveCard {
  return adaptiveCard([heading(t.t('bot.addToAgenda.title')), textBlock(cardText(text))]);
}
