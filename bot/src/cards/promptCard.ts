import { TEXT_LIMITS, type TopicCategory } from '../../../domain/entities.js';
import {
  adaptiveCard,
  calendarDate,
  cardDateTime,
  heading,
  section,
  textBlock,
  type ActionData,
  type AdaptiveCard,
  type CardElement,
  type ColumnSet,
} from './adaptiveCard.js';
import { CATEGORY_LABELS } from './categories.js';
import { cardText, cardTextInline } from './text.js';
import { CARD_VERBS, PROMPT_INPUTS } from './verbs.js';

export interface PromptView {
  seriesId: string;
  meetingId: string;
  /** Identifies this card instance: with the person and the text it makes a submitted topic's id. */
  promptId: string;
  scheduledStart: string;
  agenda: { text: string; category: TopicCategory; addedByName: string; carriedOver: boolean }[];
  openActionItems: { id: string; text: string; ownerName: string; dueDate?: string }[];
  /** One open-ended question to think about. */
  question?: string;
  /** Teams user ids (MRIs) whose clients refresh the card by themselves when they view it. */
  refreshUserIds: string[];
  /** A line about the last action (e.g. "Added: …"), shown to the person who pressed the button. */
  notice?: { text: string; tone: 'info' | 'error' };
}

/** The pre-meeting prompt: "What would you like to talk about?" plus last time's open action items. */
export function promptCard(view: PromptView): AdaptiveCard {
  const data: ActionData = { seriesId: view.seriesId, meetingId: view.meetingId, promptId: view.promptId };
  const body: CardElement[] = [
    textBlock(`Your next 1:1 is ${cardDateTime(view.scheduledStart)}.`, { isSubtle: true }),
    heading('What would you like to talk about?', 'Small'),
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
      label: 'Topic',
      placeholder: 'Something on your mind, a win, a blocker, a question…',
      maxLength: TEXT_LIMITS.topic,
      isRequired: true,
      errorMessage: 'Write the topic first.',
    },
    {
      type: 'Input.ChoiceSet',
      id: PROMPT_INPUTS.category,
      label: 'Category',
      value: 'work',
      choices: Object.entries(CATEGORY_LABELS).map(([value, title]) => ({ title, value })),
    },
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.Execute', verb: CARD_VERBS.addTopic, title: 'Add to agenda', data, style: 'positive' }],
    },
  );
  if (view.question) {
    body.push(section('A question to think about', [textBlock(cardText(view.question), { isSubtle: true })]));
  }
  body.push(section('On the agenda', agendaLines(view.agenda)));
  if (view.openActionItems.length > 0) {
    body.push(
      section(
        'Open action items from last time',
        view.openActionItems.map((item) => actionItemRow(item, data)),
      ),
    );
  }
  return adaptiveCard(body, {
    refresh: {
      action: { type: 'Action.Execute', verb: CARD_VERBS.refreshPrompt, title: 'Refresh', data },
      userIds: view.refreshUserIds,
    },
  });
}

function agendaLines(agenda: PromptView['agenda']): CardElement[] {
  if (agenda.length === 0)
    return [textBlock('Nothing yet. Topics you add here show up in the side panel.', { isSubtle: true })];
  return agenda.map((topic) =>
    textBlock(
      `• ${cardTextInline(topic.text)} — ${CATEGORY_LABELS[topic.category]}, ${cardTextInline(topic.addedByName)}` +
        (topic.carriedOver ? ' (carried over)' : ''),
      { spacing: 'Small' },
    ),
  );
}

function actionItemRow(item: PromptView['openActionItems'][number], data: ActionData): ColumnSet {
  const due = item.dueDate ? `, due ${calendarDate(item.dueDate)}` : '';
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [textBlock(`${cardTextInline(item.text)} — ${cardTextInline(item.ownerName)}${due}`)],
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
                title: 'Done',
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
