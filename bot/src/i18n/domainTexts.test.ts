import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionItem, Meeting, MeetingStatus, Topic, TopicCategory } from '../../../domain/entities.js';
import { seriesHealth, type HealthFigure } from '../../../domain/health.js';
import { homeRow } from '../../../domain/home.js';
import type { LocalText } from '../../../domain/localText.js';
import { categoryText, QUESTIONS, questionText, REPORT_QUESTIONS, suggestQuestion } from '../../../domain/questions.js';
import {
  TEMPLATE_LIST,
  templateDescriptionText,
  templateNameText,
  templateTopicText,
} from '../../../domain/templates.js';
import { aMeeting, anActionItem, aSeries, aTopic, MANAGER, REPORT } from '../../../domain/testFactories.js';
import { translatorFor } from './translator.js';

/**
 * The domain's LocalTexts against its English fields: read in English, every
 * LocalText says exactly what the English field says (so the tab and cards can
 * switch without a word changing), and in German it is a real translation.
 */

const en = translatorFor('en-US');
const de = translatorFor('de-DE');

/** Lingui answers a missing key with the key itself: a sentence never looks like one. */
function expectWorded(text: LocalText, words: string): void {
  expect(words, text.key).not.toBe(text.key);
  expect(words, text.key).not.toMatch(/^domain\./);
  expect(words, text.key).not.toMatch(/[{}]/);
}

const MONDAYS = ['02-02', '02-09', '02-16', '02-23', '03-02', '03-09', '03-16', '03-23'];
const now = new Date('2026-03-25T12:00:00.000Z');
const CATEGORIES: TopicCategory[] = ['work', 'growth', 'wellbeing', 'feedback'];
const STATUSES: MeetingStatus[] = ['ended', 'ended', 'skipped', 'cancelled', 'scheduled'];

/** A series' history: which Mondays were held, its topics and action items, and how old it is. */
const histories = fc.record({
  statuses: fc.array(fc.constantFrom(...STATUSES), { minLength: 0, maxLength: MONDAYS.length }),
  createdDaysAgo: fc.constantFrom(1, 10, 30, 200),
  topics: fc.array(
    fc.record({
      category: fc.constantFrom(...CATEGORIES),
      source: fc.constantFrom('member', 'member', 'template', 'question') as fc.Arbitrary<Topic['source']>,
      byReport: fc.boolean(),
      meeting: fc.nat(MONDAYS.length),
    }),
    { maxLength: 12 },
  ),
  items: fc.array(
    fc.record({ dueInDays: fc.integer({ min: -40, max: 5 }), done: fc.constantFrom('onTime', 'late', 'open') }),
    { maxLength: 8 },
  ),
});

type History = typeof histories extends fc.Arbitrary<infer T> ? T : never;

function inputOf(h: History) {
  const meetings: Meeting[] = h.statuses.map((status, i) =>
    aMeeting({
      id: `m-${i}`,
      scheduledStart: `2026-${MONDAYS[MONDAYS.length - h.statuses.length + i]}T08:00:00.000Z`,
      status,
      ...(status === 'ended'
        ? { endedAt: `2026-${MONDAYS[MONDAYS.length - h.statuses.length + i]}T08:30:00.000Z` }
        : {}),
    }),
  );
  meetings.push(aMeeting({ id: 'm-next', scheduledStart: '2026-03-30T07:00:00.000Z' }));
  const series = aSeries({
    currentMeetingId: 'm-next',
    createdAt: new Date(now.getTime() - h.createdDaysAgo * 86_400_000).toISOString(),
  });
  const topics: Topic[] = h.topics.map((t, i) =>
    aTopic({
      id: `t-${i}`,
      meetingId: meetings[t.meeting % meetings.length]!.id,
      category: t.category,
      source: t.source,
      addedBy: t.byReport ? REPORT.userId : MANAGER.userId,
    }),
  );
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString();
  const actionItems: ActionItem[] = h.items.map((item, i) =>
    anActionItem({
      id: `a-${i}`,
      meetingId: 'm-0',
      dueDate: day(item.dueInDays).slice(0, 10),
      ...(item.done === 'onTime' ? { doneAt: day(item.dueInDays - 1) } : {}),
      ...(item.done === 'late' ? { doneAt: day(item.dueInDays + 2) } : {}),
    }),
  );
  return { series, meetings, topics, actionItems, now };
}

describe('health figures in the reader’s words', () => {
  it('read in English, each figure’s label, display and nudge say exactly what the English fields say', () => {
    fc.assert(
      fc.property(histories, (h) => {
        const figures: HealthFigure[] = seriesHealth(inputOf(h));
        for (const f of figures) {
          expect(en.t(f.labelText)).toBe(f.label);
          expect(en.t(f.displayText)).toBe(f.display);
          expect(en.t(f.nudgeText)).toBe(f.nudge);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('read in German, every figure is worded (no key, no placeholder) and the report’s name is kept as written', () => {
    fc.assert(
      fc.property(histories, (h) => {
        for (const f of seriesHealth(inputOf(h))) {
          for (const text of [f.labelText, f.displayText, f.nudgeText]) expectWorded(text, de.t(text));
          if (f.nudge.includes(REPORT.name)) expect(de.t(f.nudgeText)).toContain(REPORT.name);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a German nudge uses German plurals and numbers: "Die letzten 2 1:1s haben nicht stattgefunden"', () => {
    const meetings = [
      aMeeting({
        id: 'm-a',
        scheduledStart: '2026-03-09T08:00:00.000Z',
        status: 'ended',
        endedAt: '2026-03-09T08:30:00.000Z',
      }),
      aMeeting({ id: 'm-b', scheduledStart: '2026-03-16T08:00:00.000Z', status: 'skipped' }),
      aMeeting({ id: 'm-c', scheduledStart: '2026-03-23T08:00:00.000Z', status: 'cancelled' }),
      aMeeting({ id: 'm-next', scheduledStart: '2026-03-30T07:00:00.000Z' }),
    ];
    const [cadence] = seriesHealth({
      series: aSeries({ currentMeetingId: 'm-next', createdAt: '2026-03-01T00:00:00.000Z' }),
      meetings,
      topics: [],
      actionItems: [],
      now,
    });
    expect(de.t(cadence!.nudgeText)).toMatch(/^Die letzten 2 1:1s haben nicht stattgefunden\./);
    expect(de.t(cadence!.labelText)).toBe('Rhythmus');
  });

  it('the balance nudge quotes the question it names, in the reader’s words', () => {
    const [, , balanceFigure] = seriesHealth({
      series: aSeries({ currentMeetingId: 'm-next' }),
      meetings: [aMeeting({ id: 'm-next', scheduledStart: '2026-03-30T07:00:00.000Z' })],
      topics: [],
      actionItems: [],
      now,
    });
    const question = { id: balanceFigure!.askQuestionId! };
    expect(en.t(balanceFigure!.nudgeText)).toContain(`"${en.t(questionText(question))}"`);
    expect(de.t(balanceFigure!.nudgeText)).toContain(`„${de.t(questionText(question))}“`);
  });
});

describe('My 1:1s signals in the reader’s words', () => {
  it('read in English, each signal’s headline and nudge say what the English fields say (where those are sentences)', () => {
    fc.assert(
      fc.property(histories, fc.boolean(), (h, asReport) => {
        const row = homeRow({ ...inputOf(h), viewerId: asReport ? REPORT.userId : MANAGER.userId });
        for (const f of row.figures) {
          expect(en.t(f.labelText)).toBe(f.label);
          expect(en.t(f.displayText)).toBe(f.display);
          expect(en.t(f.nudgeText)).toBe(f.nudge);
        }
        expect(en.t(row.signal.nudgeText)).toBe(row.signal.nudge);
        // The English headline pastes the display into a sentence ("Held No 1:1 due yet 1:1s"); the
        // LocalText words those cases properly, so only the headlines built from counts are compared.
        if (!/^(Held|Action items) [A-Z]/.test(row.signal.headline) && !/ held 1:1s$/.test(row.signal.headline))
          expect(en.t(row.signal.headlineText)).toBe(row.signal.headline);
        expectWorded(row.signal.headlineText, de.t(row.signal.headlineText));
        expectWorded(row.signal.nudgeText, de.t(row.signal.nudgeText));
      }),
      { numRuns: 300 },
    );
  });

  it('a German share is a German percentage', () => {
    expect(de.t({ key: 'domain.home.headline.balance', values: { share: 0.25 } })).toBe(
      '25\u00a0% der Themen zu Entwicklung, Wohlbefinden oder Feedback',
    );
  });
});

describe('the question bank, templates and categories in the catalogs', () => {
  it('every question reads in English as its source text and has its own German wording', () => {
    for (const question of [...QUESTIONS, ...REPORT_QUESTIONS]) {
      expect(en.t(questionText(question))).toBe(question.text);
      const german = de.t(questionText(question));
      expectWorded(questionText(question), german);
      expect(german, question.id).not.toBe(question.text);
    }
  });

  it('every template’s name, description and topics read in English as their source and in German as a translation', () => {
    for (const template of TEMPLATE_LIST) {
      expect(en.t(templateNameText(template.id))).toBe(template.name);
      expect(en.t(templateDescriptionText(template.id))).toBe(template.description);
      expect(de.t(templateDescriptionText(template.id))).not.toBe(template.description);
      template.topics.forEach((topic, i) => {
        expect(en.t(templateTopicText(template.id, i))).toBe(topic.text);
        const german = de.t(templateTopicText(template.id, i));
        expectWorded(templateTopicText(template.id, i), german);
        expect(german).not.toBe(topic.text);
      });
    }
  });

  it('categories have German names, and a suggested question says why in German', () => {
    expect(CATEGORIES.map((c) => de.t(categoryText(c)))).toEqual(['Arbeit', 'Entwicklung', 'Wohlbefinden', 'Feedback']);
    const suggestion = suggestQuestion({
      meetings: [aMeeting({ id: 'm-1', scheduledStart: '2026-03-30T07:00:00.000Z' })],
      topics: [],
      currentMeetingId: 'm-1',
    })!;
    expect(en.t(suggestion.reasonText)).toBe(suggestion.reason);
    expect(de.t(suggestion.reasonText)).toBe('Noch kein Thema rund um Entwicklung auf der Agenda.');
  });
});
