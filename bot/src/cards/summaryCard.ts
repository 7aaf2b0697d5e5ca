import type { TopicCategory } from '../../../domain/entities.js';
import type { LocalText } from '../../../domain/localText.js';
import { categoryText } from '../../../domain/questions.js';
import type { Translator } from '../i18n/translator.js';
import {
  adaptiveCard,
  cardDateTime,
  heading,
  section,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptiveCard.js';
import { cardText, cardTextInline } from './text.js';
import { panelActions } from './welcomeCard.js';
import { cardWords, dueDateFor, ENGLISH } from './words.js';

/**
 * Everything the summary card shows. It is built from shared records only
 * (see views/summaryView.ts): there is no field a private note could reach.
 */
export interface SummaryView {
  /** When the meeting really started: the date it was held on. */
  heldAt: string;
  discussed: { text: string; category: TopicCategory; notes: { authorName: string; text: string }[] }[];
  /** Agreed in this meeting. */
  actionItems: SummaryActionItem[];
  /** Agreed in earlier 1:1s and still open. */
  openFromBefore?: SummaryActionItem[];
  carriedOver: { text: string }[];
  nextMeeting?: string;
  /** Each figure in words that name what it counts (views/summaryView.ts `healthInWords`). */
  health: { label: LocalText; value: LocalText }[];
  /** Optional AI narrative written from the shared content above. */
  narrative?: string;
  panelUrl?: string;
}

export interface SummaryActionItem {
  text: string;
  ownerName: string;
  dueDate?: string;
  state: 'open' | 'done' | 'doneLate' | 'overdue';
}

/** Nothing discussed, agreed or carried: the card says so in one line instead of a page of "none". */
export function nothingRecorded(view: SummaryView): boolean {
  return (
    view.discussed.length === 0 && view.actionItems.length === 0 && view.carriedOver.length === 0 && !view.narrative
  );
}

/** The summary in the reader's words (a proactive card: the chat's last known locale, see effects/cardEffects.ts). */
export function summaryCard(view: SummaryView, t: Translator = ENGLISH): AdaptiveCard {
  if (nothingRecorded(view)) {
    return adaptiveCard([textBlock(t.t('bot.summary.nothing', { held: cardDateTime(view.heldAt) }))]);
  }
  const body: CardElement[] = [
    heading(t.t('bot.summary.heading')),
    textBlock(t.t('bot.summary.held', { held: cardDateTime(view.heldAt) }), { isSubtle: true, spacing: 'None' }),
  ];
  if (view.narrative) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        textBlock(cardText(view.narrative)),
        textBlock(t.t('bot.summary.byAi'), { isSubtle: true, size: 'Small' }),
      ],
    });
  }
  const itemLine = (item: SummaryActionItem) => actionItemLine(item, t);
  body.push(
    section(
      t.t('bot.summary.discussed'),
      view.discussed.length
        ? view.discussed.flatMap((topic) => discussedTopic(topic, t))
        : [none(t.t('bot.summary.noneDiscussed'))],
    ),
  );
  body.push(
    section(
      t.t('bot.summary.actionItems'),
      view.actionItems.length ? view.actionItems.map(itemLine) : [none(t.t('bot.summary.noActionItems'))],
    ),
  );
  if (view.openFromBefore?.length) {
    body.push(section(t.t('bot.summary.openFromBefore'), view.openFromBefore.map(itemLine)));
  }
  if (view.carriedOver.length) {
    body.push(
      section(
        t.t('bot.summary.carriedOver'),
        view.carriedOver.map((topic) =>
          textBlock(t.t('bot.summary.carriedItem', { topic: cardTextInline(topic.text) }), { spacing: 'Small' }),
        ),
      ),
    );
  }
  body.push(
    textBlock(
      view.nextMeeting ? t.t('bot.card.next', { when: cardDateTime(view.nextMeeting) }) : t.t('bot.summary.noNext'),
      { spacing: 'Medium', weight: 'Bolder' },
    ),
  );
  if (view.health.length) {
    body.push({
      type: 'Container',
      spacing: 'Medium',
      separator: true,
      items: [
        textBlock(t.t('bot.summary.health'), { isSubtle: true }),
        {
          type: 'FactSet',
          facts: view.health.map((h) => ({ title: cardWords(t, h.label), value: cardWords(t, h.value) })),
        },
      ],
    });
  }
  return adaptiveCard(body, panelActions(view.panelUrl, t));
}

function discussedTopic(topic: SummaryView['discussed'][number], t: Translator): CardElement[] {
  const words = { topic: cardTextInline(topic.text), category: t.t(categoryText(topic.category)) };
  const title = textBlock(t.t('bot.summary.discussedTopic', words), { weight: 'Bolder', spacing: 'Small' });
  const notes = topic.notes
    .filter((n) => n.text.trim() !== '')
    .map((n): CardElement => ({
      type: 'Container',
      spacing: 'None',
      items: [
        textBlock(cardTextInline(n.authorName), { isSubtle: true, size: 'Small' }),
        textBlock(cardText(n.text), { spacing: 'None' }),
      ],
    }));
  return [title, ...notes];
}

/** Done and overdue in words (and a mark), so the state reads the same with any theme or screen reader. */
function actionItemLine(item: SummaryActionItem, t: Translator): CardElement {
  const words = { item: cardTextInline(item.text), owner: cardTextInline(item.ownerName), state: item.state };
  const line = item.dueDate
    ? t.t('bot.summary.actionItemDue', { ...words, due: dueDateFor(t, item.dueDate) })
    : t.t('bot.summary.actionItem', words);
  return textBlock(line, {
    spacing: 'Small',
    ...(item.state === 'overdue' ? { color: 'Attention' as const } : {}),
  });
}

function none(text: string): CardElement {
  return textBlock(text, { isSubtle: true });
}
