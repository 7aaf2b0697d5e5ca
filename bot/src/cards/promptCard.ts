import { TEXT_LIMITS, type TopicCategory } from '../../../domain/entities.js';
import type { LocalText } from '../../../domain/localText.js';
import { categoryText } from '../../../domain/questions.js';
import type { Translator } from '../i18n/translator.js';
import {
  adaptiveCard,
  cardDateTime,
  heading,
  section,
  textBlock,
  type ActionData,
  type AdaptiveCard,
  type CardElement,
  type ColumnSet,
} from './adaptiveCard.js';
import { cardText, cardTextInline } from './text.js';
import { CARD_VERBS, PROMPT_INPUTS } from './verbs.js';
import { cardWords, categoryChoices, dueDateFor, ENGLISH } from './words.js';

export interface PromptView {
  seriesId: string;
  meetingId: string;
  /** Identifies this card instance: with the person and the text it makes a submitted topic's id. */
  promptId: string;
  scheduledStart: string;
  agenda: { text: string; category: TopicCategory; addedByName: string; carriedOver: boolean }[];
  openActionItems: { id: string; text: string; ownerName: string; dueDate?: string }[];
  /** One open-ended question to think about (from the question bank, worded for the reader). */
  question?: LocalText;
  /** Teams user ids (MRIs) whose clients refresh the card by themselves when they view it. */
  refreshUserIds: string[];
  /** A line about the last action (e.g. "Added: …"), already in the presser's words, shown to them alone. */
  notice?: { text: string; tone: 'info' | 'error' };
}

/** The pre-meeting prompt: "What would you like to talk about?" plus last time's open action items. */
export function promptCard(view: PromptView, t: Translator = ENGLISH): AdaptiveCard {
  const data: ActionData = { seriesId: view.seriesId, meetingId: view.meetingId, promptId: view.promptId };
  const body: CardElement[] = [
    textBlock(t.t('bot.prompt.next', { when: cardDateTime(view.scheduledStart) }), { isSubtle: true }),
    heading(t.t('bot.prompt.heading'), 'Small'),
  ];
  if (view.notice) {
    body.push(
      textBlock(cardText(view.notice.text), view.notice.tone === 'error' ? { color: 'Attention' } : { color: 'Good' }),
    );
  }
  body.push(
    {
      type: 'Input.Text',
      id: PROMPT_INPUTS.topicText,
      label: t.t('bot.topic.label'),
      placeholder: t.t('bot.prompt.topicPlaceholder'),
      maxLength: TEXT_LIMITS.topic,
      isRequired: true,
      errorMessage: t.t('bot.topic.required'),
    },
    {
      type: 'Input.ChoiceSet',
      id: PROMPT_INPUTS.category,
      label: t.t('bot.category.label'),
      value: 'work',
      choices: categoryChoices(t),
    },
    {
      type: 'ActionSet',
      actions: [
        { type: 'Action.Execute', verb: CARD_VERBS.addTopic, title: t.t('bot.agenda.add'), data, style: 'positive' },
      ],
    },
  );
  if (view.question) {
    body.push(section(t.t('bot.prompt.question'), [textBlock(cardWords(t, view.question), { isSubtle: true })]));
  }
  body.push(section(t.t('bot.prompt.agenda'), agendaLines(view.agenda, t)));
  if (view.openActionItems.length > 0) {
    body.push(
      section(
        t.t('bot.prompt.openItems'),
        view.openActionItems.map((item) => actionItemRow(item, data, t)),
      ),
    );
  }
  return adaptiveCard(body, {
    refresh: {
      action: { type: 'Action.Execute', verb: CARD_VERBS.refreshPrompt, title: t.t('bot.prompt.refresh'), data },
      userIds: view.refreshUserIds,
    },
  });
}

function agendaLines(agenda: PromptView['agenda'], t: Translator): CardElement[] {
  if (agenda.length === 0) return [textBlock(t.t('bot.prompt.agendaEmpty'), { isSubtle: true })];
  return agenda.map((topic) =>
    textBlock(
      t.t('bot.prompt.agendaItem', {
        topic: cardTextInline(topic.text),
        category: t.t(categoryText(topic.category)),
        name: cardTextInline(topic.addedByName),
        carried: topic.carriedOver ? 'yes' : 'no',
      }),
      { spacing: 'Small' },
    ),
  );
}

function actionItemRow(item: PromptView['openActionItems'][number], data: ActionData, t: Translator): ColumnSet {
  const words = { item: cardTextInline(item.text), owner: cardTextInline(item.ownerName) };
  const line = item.dueDate
    ? t.t('bot.prompt.actionItemDue', { ...words, due: dueDateFor(t, item.dueDate) })
    : t.t('bot.prompt.actionItem', words);
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [textBlock(line)],
      },
      {
        type: 'Column',
        width: 'auto',
        items: [
          {
            type: 'ActionSet',
            actions: [
              {
                type: 'Action.Execute',
                verb: CARD_VERBS.completeActionItem,
                title: t.t('bot.prompt.done'),
                data: { ...data, actionItemId: item.id },
                associatedInputs: 'none',
              },
            ],
          },
        ],
      },
    ],
  };
}
