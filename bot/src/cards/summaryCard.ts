import type { TopicCategory } from '../../../domain/entities.js';
import {
  adaptiveCard,
  calendarDate,
  cardDateTime,
  heading,
  section,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptiveCard.js';
import { CATEGORY_LABELS } from './categories.js';
import { cardText, cardTextInline } from './text.js';
import { panelActions } from './welcomeCard.js';

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
  health: { label: string; value: string }[];
  /** Optional AI narrative written from the shared content above. */
  narrative?: string;
  panelUrl?: string;
}

export interface SummaryActionItem {
  text: string;
  ownerName: string;
  dueDate?: string;
  state: 'open' | 'done' | 'overdue';
}

/** Nothing discussed, agreed or carried: the card says so in one line instead of a page of "none". */
export function nothingRecorded(view: SummaryView): boolean {
  return (
    view.discussed.length === 0 && view.actionItems.length === 0 && view.carriedOver.length === 0 && !view.narrative
  );
}

export function summaryCard(view: SummaryView): AdaptiveCard {
  if (nothingRecorded(view)) {
    return adaptiveCard([textBlock(`1:1 of ${cardDateTime(view.heldAt)}: nothing was recorded on the agenda.`)]);
  }
  const body: CardElement[] = [
    heading('1:1 summary'),
    textBlock(`Held ${cardDateTime(view.heldAt)}`, { isSubtle: true, spacing: 'None' }),
  ];
  if (view.narrative) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        textBlock(cardText(view.narrative)),
        textBlock('Written by AI from the shared agenda and notes.', { isSubtle: true, size: 'Small' }),
      ],
    });
  }
  body.push(
    section(
      'Discussed',
      view.discussed.length ? view.discussed.flatMap(discussedTopic) : [none('No topic was marked discussed.')],
    ),
  );
  body.push(
    section(
      'Action items',
      view.actionItems.length ? view.actionItems.map(actionItemLine) : [none('No new action items.')],
    ),
  );
  if (view.openFromBefore?.length) {
    body.push(section('Still open from earlier 1:1s', view.openFromBefore.map(actionItemLine)));
  }
  if (view.carriedOver.length) {
    body.push(
      section(
        'Carried over to next time',
        view.carriedOver.map((t) => textBlock(`• ${cardTextInline(t.text)}`, { spacing: 'Small' })),
      ),
    );
  }
  body.push(
    textBlock(view.nextMeeting ? `Next 1:1: ${cardDateTime(view.nextMeeting)}` : 'No next 1:1 is scheduled yet.', {
      spacing: 'Medium',
      weight: 'Bolder',
    }),
  );
  if (view.health.length) {
    body.push({
      type: 'Container',
      spacing: 'Medium',
      separator: true,
      items: [
        textBlock('How your 1:1s are going', { isSubtle: true }),
        {
          type: 'FactSet',
          facts: view.health.map((h) => ({ title: cardTextInline(h.label), value: cardTextInline(h.value) })),
        },
      ],
    });
  }
  return adaptiveCard(body, panelActions(view.panelUrl));
}

function discussedTopic(topic: SummaryView['discussed'][number]): CardElement[] {
  const title = textBlock(`${cardTextInline(topic.text)} (${CATEGORY_LABELS[topic.category]})`, {
    weight: 'Bolder',
    spacing: 'Small',
  });
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
function actionItemLine(item: SummaryActionItem): CardElement {
  const due = item.dueDate ? `, due ${calendarDate(item.dueDate)}` : '';
  const state = item.state === 'done' ? ' — done' : item.state === 'overdue' ? ' — overdue' : '';
  const mark = item.state === 'done' ? '✓' : '•';
  return textBlock(`${mark} ${cardTextInline(item.text)} — ${cardTextInline(item.ownerName)}${due}${state}`, {
    spacing: 'Small',
    ...(item.state === 'overdue' ? { color: 'Attention' as const } : {}),
  });
}

function none(text: string): CardElement {
  return textBlock(text, { isSubtle: true });
}
