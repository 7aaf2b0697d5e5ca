import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthInWords, summaryRecords, summaryViewFor } from '../../bot/src/views/summaryView.js';
import { presentPanelState } from '../../bot/src/presenters/panelState.js';
import type { ActionItem, Meeting, Series, SharedNote, SharedRecord, Topic } from '../../domain/entities.js';
import { seriesHealth, type HealthFigure } from '../../domain/health.js';
import { healthSlice } from '../../domain/healthWindow.js';
import { inPanelWindow, panelWindow } from '../../domain/history.js';
import { historyMarkdown } from '../../domain/historyExport.js';
import { homeRow } from '../../domain/home.js';
import { aMeeting, anActionItem, aSeries, aTopic, MANAGER, REPORT } from '../../domain/testFactories.js';
import { translatorFor } from '../../bot/src/i18n/translator.js';
import { panelHealth } from '../../tab/src/panel/health/panelHealth.js';
import { initialSeriesState, seriesReducer } from '../../tab/src/store/seriesState.js';

/**
 * One truth per 1:1: every surface's health figures are the domain module's
 * (domain/health.ts), over random histories — the panel's strip (from what a
 * panel load carries), the summary card (from its bounded read), the My 1:1s
 * row and the export. "Now" comes from the clock; the histories are laid
 * out around it.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);

interface History {
  now: Date;
  series: Series;
  meetings: Meeting[];
  topics: Topic[];
  actionItems: ActionItem[];
  sharedNotes: SharedNote[];
}

const meetingShape = fc.record({
  gapDays: fc.integer({ min: 1, max: 21 }),
  outcome: fc.constantFrom('ended', 'ended', 'ended', 'skipped', 'cancelled'),
  // Held early (up to six days before the slot) or late (up to two days after).
  heldOffsetHours: fc.integer({ min: -6 * 24, max: 48 }),
  deleted: fc.boolean().map((b) => b && Math.random() < 0.1),
});
const topicShape = fc.record({
  meeting: fc.nat(),
  category: fc.constantFrom('work', 'growth', 'wellbeing', 'feedback'),
  byReport: fc.boolean(),
  source: fc.constantFrom('member', 'member', 'template', 'question'),
  carried: fc.boolean(),
  status: fc.constantFrom('open', 'discussed'),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
const itemShape = fc.record({
  meeting: fc.nat(),
  dueInDays: fc.option(fc.integer({ min: -3, max: 30 }), { nil: undefined }),
  doneAfterDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

const history: fc.Arbitrary<History> = fc
  .record({
    nowOffsetMinutes: fc.integer({ min: -20_000, max: 20_000 }),
    ageDays: fc.integer({ min: 0, max: 400 }),
    frequency: fc.constantFrom('weekly', 'biweekly'),
    timeZone: fc.constantFrom('Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'),
    meetings: fc.array(meetingShape, { maxLength: 40 }),
    topics: fc.array(topicShape, { maxLength: 40 }),
    items: fc.array(itemShape, { maxLength: 25 }),
  })
  .map((h) => {
    const now = new Date(Date.now() + h.nowOffsetMinutes * 60_000);
    const createdAt = now.getTime() - h.ageDays * DAY;
    const meetings: Meeting[] = [];
    let at = createdAt + 2 * HOUR;
    for (const [i, shape] of h.meetings.entries()) {
      const start = at;
      at += shape.gapDays * DAY;
      const heldAt = start + shape.heldOffsetHours * HOUR;
      const past = start + HOUR < now.getTime();
      const base = { id: `m-${i}`, scheduledStart: iso(start), createdAt: iso(createdAt), updatedAt: iso(createdAt) };
      if (shape.outcome === 'ended' && heldAt + HOUR <= now.getTime() && heldAt >= createdAt) {
        meetings.push(aMeeting({ ...base, status: 'ended', startedAt: iso(heldAt), endedAt: iso(heldAt + HOUR / 2) }));
      } else if (past && shape.outcome !== 'ended') {
        meetings.push(aMeeting({ ...base, status: shape.outcome }));
      } else {
        meetings.push(aMeeting({ ...base, status: 'scheduled' }));
      }
      if (shape.deleted && meetings.length > 1) meetings[meetings.length - 1]!.deletedAt = iso(createdAt);
    }
    const current = aMeeting({ id: 'm-current', scheduledStart: iso(Math.max(at, now.getTime() + DAY)) });
    meetings.push(current);
    const series = aSeries({
      id: 's-1',
      createdAt: iso(createdAt),
      currentMeetingId: current.id,
      cadence: {
        frequency: h.frequency,
        weekday: 'monday',
        time: '09:00',
        timeZone: h.timeZone,
        durationMinutes: 30,
      },
    });
    const topics: Topic[] = [];
    const startOf = (meetingId: string) => Date.parse(meetings.find((m) => m.id === meetingId)!.scheduledStart);
    const sharedNotes: SharedNote[] = [];
    for (const [i, shape] of h.topics.entries()) {
      const meeting = meetings[shape.meeting % meetings.length]!;
      const earlier = topics.filter((t) => startOf(t.meetingId) < Date.parse(meeting.scheduledStart));
      const origin = shape.carried && earlier.length > 0 ? earlier[earlier.length - 1]! : undefined;
      const topic = aTopic({
        id: `t-${i}`,
        meetingId: meeting.id,
        category: shape.category,
        addedBy: shape.byReport ? REPORT.userId : MANAGER.userId,
        source: shape.source,
        status: shape.status,
        originId: origin?.originId ?? `t-${i}`,
        carriedOverCount: origin ? origin.carriedOverCount + 1 : 0,
        ...(shape.deleted ? { deletedAt: meeting.scheduledStart } : {}),
      });
      topics.push(topic);
      sharedNotes.push({
        id: `n-${i}`,
        type: 'sharedNote',
        seriesId: 's-1',
        version: 1,
        createdAt: meeting.scheduledStart,
        updatedAt: meeting.scheduledStart,
        meetingId: meeting.id,
        topicId: topic.id,
        authorId: REPORT.userId,
        text: `Note on ${topic.id}`,
      });
    }
    const actionItems = h.items.map((shape, i) => {
      const meeting = meetings[shape.meeting % meetings.length]!;
      const from = Date.parse(meeting.endedAt ?? meeting.scheduledStart);
      const doneAt = shape.doneAfterDays === undefined ? undefined : from + shape.doneAfterDays * DAY;
      return anActionItem({
        id: `a-${i}`,
        meetingId: meeting.id,
        createdAt: iso(Math.min(from, now.getTime())),
        ...(shape.dueInDays === undefined ? {} : { dueDate: isoDay(from + shape.dueInDays * DAY) }),
        ...(doneAt !== undefined && doneAt <= now.getTime() ? { doneAt: iso(doneAt) } : {}),
        ...(shape.deleted ? { deletedAt: iso(from) } : {}),
      });
    });
    return { now, series, meetings, topics, actionItems, sharedNotes };
  });

const recordsOf = (h: History): SharedRecord[] => [
  h.series,
  ...h.meetings,
  ...h.topics,
  ...h.actionItems,
  ...h.sharedNotes,
];
const figuresOf = (h: History) => seriesHealth({ ...h });
/** What a reader sees of a figure: its level and its words (labels, counts, nudges). */
const seen = (figures: readonly HealthFigure[]) =>
  figures.map((f) => ({ key: f.key, level: f.level, value: f.value, display: f.displayText, nudge: f.nudgeText }));

const RUNS = { numRuns: 200 };

describe('every surface shows the health module’s figures', () => {
  it('the health window alone gives the same figures as the whole history', () => {
    fc.assert(
      fc.property(history, (h) => {
        expect(seen(seriesHealth(healthSlice({ ...h })))).toEqual(seen(figuresOf(h)));
      }),
      RUNS,
    );
  });

  it('the panel’s health strip, from what a panel load carries, shows the module’s figures', () => {
    fc.assert(
      fc.property(history, (h) => {
        const window = panelWindow(h.series, h.meetings, h.now);
        const shown = recordsOf(h).filter((r) => r.type !== 'series' && inPanelWindow(r, window, h.now));
        const state = presentPanelState(REPORT, h.series, shown, [], {
          pastMeetings: window.pastMeetings,
          before: window.before,
        });
        const panel = seriesReducer(initialSeriesState(h.series.id), { type: 'loaded', state });
        expect(seen(panelHealth(panel, h.now))).toEqual(seen(figuresOf(h)));
      }),
      RUNS,
    );
  });

  it('the summary card, from its bounded read, is the card the whole history gives, and its health lines are the module’s', () => {
    fc.assert(
      fc.property(history, (h) => {
        const ended = [...h.meetings]
          .filter((m) => m.status === 'ended' && !m.deletedAt)
          .sort((a, b) => b.scheduledStart.localeCompare(a.scheduledStart))[0];
        if (!ended) return;
        const input = { endedMeetingId: ended.id, nextMeetingId: h.series.currentMeetingId, now: h.now };
        const whole = summaryViewFor({ records: recordsOf(h), ...input });
        const bounded = summaryViewFor({
          records: summaryRecords(recordsOf(h), ended.id, h.series.currentMeetingId, h.now),
          ...input,
        });
        expect(bounded).toEqual(whole);
        const expected = figuresOf(h)
          .filter((f) => f.level !== 'none')
          .map((f) => healthInWords(f, h.series));
        expect(bounded?.health).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('the My 1:1s row shows the module’s figures', () => {
    fc.assert(
      fc.property(history, (h) => {
        const row = homeRow({ ...h, viewerId: MANAGER.userId });
        const figures = figuresOf(h);
        expect(
          row.figures.map((f) => ({
            key: f.key,
            level: f.level,
            value: f.value,
            display: f.displayText,
            nudge: f.nudgeText,
          })),
        ).toEqual(seen(figures));
      }),
      RUNS,
    );
  });

  it('the export states the module’s figures in the reader’s words', () => {
    const t = translatorFor('de-DE');
    fc.assert(
      fc.property(history, (h) => {
        const markdown = historyMarkdown({ ...h, privateNotes: [], exporterId: REPORT.userId, t });
        for (const figure of figuresOf(h)) {
          expect(markdown).toContain(`${t.t(figure.labelText)}: ${t.t(figure.displayText)}`);
        }
      }),
      { numRuns: 50 },
    );
  });
});
