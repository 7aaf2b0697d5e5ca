import { describe, expect, it } from 'vitest';
import { aMeeting, aSeries, aTopic, anActionItem, MANAGER, REPORT } from '../../domain/testFactories.js';
import type { SharedNote } from '../../domain/entities.js';
import { DEFAULT_CADENCE } from '../../bot/src/commands/series.js';
import { panelLink } from '../../bot/src/cards/panelLink.js';
import { cadenceFromMeeting } from '../../bot/src/rules/cadenceFromMeeting.js';
import { promptStillOpen, promptViewFor, secondSkipInARow, splitRecords } from '../../bot/src/views/promptView.js';
import { narrativeRequest, tidyNarrative } from '../../bot/src/summary/narrativePrompt.js';
import { summaryViewFor } from '../../bot/src/views/summaryView.js';
import { meetingEventDetails } from '../../bot/src/teams/activity.js';
import { topicIdFromCard } from '../../bot/src/rules/cardData.js';
import { endEventTarget } from '../../domain/meetingLifecycle.js';

const NOW = new Date('2026-03-02T12:00:00.000Z');

describe('the cadence learned from the Teams meeting', () => {
  it('takes weekday, local time and length in the installer’s zone, and keeps a future start as the first meeting', () => {
    // 08:30 UTC on Tuesday 2026-03-10 is 09:30 in Berlin (CET, UTC+1).
    const { cadence, firstStart } = cadenceFromMeeting(
      { scheduledStart: '2026-03-10T08:30:00Z', scheduledEnd: '2026-03-10T09:15:00Z', timeZone: 'europe/berlin' },
      DEFAULT_CADENCE,
      NOW,
    );
    expect(cadence).toEqual({
      frequency: 'weekly',
      weekday: 'tuesday',
      time: '09:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
    });
    expect(firstStart?.toISOString()).toBe('2026-03-10T08:30:00.000Z');
  });

  it('uses the local date, not the UTC one, for the weekday', () => {
    // 23:30 UTC on Monday is 08:30 on Tuesday in Tokyo.
    const { cadence } = cadenceFromMeeting(
      { scheduledStart: '2026-03-09T23:30:00Z', timeZone: 'Asia/Tokyo' },
      DEFAULT_CADENCE,
      NOW,
    );
    expect(cadence).toMatchObject({
      weekday: 'tuesday',
      time: '08:30',
      durationMinutes: DEFAULT_CADENCE.durationMinutes,
    });
  });

  it('falls back to the default when Teams gives no time, and to the default zone for an unknown one', () => {
    expect(cadenceFromMeeting({}, DEFAULT_CADENCE, NOW)).toEqual({ cadence: DEFAULT_CADENCE });
    const { cadence, firstStart } = cadenceFromMeeting(
      { scheduledStart: '2026-03-01T10:00:00Z', timeZone: 'Mars/Olympus' },
      DEFAULT_CADENCE,
      NOW,
    );
    expect(cadence.timeZone).toBe(DEFAULT_CADENCE.timeZone);
    expect(firstStart).toBeUndefined(); // in the past: the cadence decides the first meeting
  });
});

describe('Teams meeting events', () => {
  it('are read in PascalCase, as Teams sends them, and in camelCase, as the typings say', () => {
    expect(meetingEventDetails({ Id: 'm1', Title: '1:1', StartTime: '2026-03-02T09:00:00Z' })).toEqual({
      id: 'm1',
      title: '1:1',
      startTime: '2026-03-02T09:00:00Z',
    });
    expect(meetingEventDetails({ id: 'm2', endTime: '2026-03-02T09:30:00Z' })).toEqual({
      id: 'm2',
      endTime: '2026-03-02T09:30:00Z',
    });
    expect(meetingEventDetails(null)).toEqual({});
  });

  it('an end event ends a live meeting or one due now, never the next week’s', () => {
    const target = (current: ReturnType<typeof aMeeting>) => endEventTarget({ current, at: NOW }).kind;
    expect(target(aMeeting({ id: 'm', scheduledStart: '2026-03-02T09:00:00Z', status: 'live' }))).toBe('end');
    expect(target(aMeeting({ id: 'm', scheduledStart: '2026-03-02T13:00:00Z' }))).toBe('held-without-start');
    expect(target(aMeeting({ id: 'm', scheduledStart: '2026-03-09T09:00:00Z' }))).toBe('ignore');
    expect(target(aMeeting({ id: 'm', scheduledStart: '2026-03-02T09:00:00Z', status: 'ended' }))).toBe('ignore');
  });
});

describe('the prompt card’s content', () => {
  const series = aSeries({ currentMeetingId: 'm-2' });
  const meetings = [
    aMeeting({ id: 'm-1', scheduledStart: '2026-02-23T08:00:00.000Z', status: 'ended' }),
    aMeeting({ id: 'm-2', scheduledStart: '2026-03-09T08:00:00.000Z' }),
  ];
  const state = splitRecords([
    series,
    ...meetings,
    aTopic({ id: 't-1', meetingId: 'm-2', text: 'Carried', carriedOverCount: 1, order: 'V' }),
    aTopic({ id: 't-old', meetingId: 'm-1', text: 'Last time', status: 'discussed' }),
    anActionItem({ id: 'a-open', meetingId: 'm-1', ownerId: MANAGER.userId, dueDate: '2026-03-05' }),
    anActionItem({ id: 'a-done', meetingId: 'm-1', doneAt: '2026-02-25T10:00:00.000Z' }),
  ])!;

  it('lists this meeting’s agenda, last time’s open action items, a question and both members for refresh', () => {
    const view = promptViewFor(state, 'm-2', [
      { userId: MANAGER.userId, mri: '29:maria', name: 'Maria' },
      { userId: REPORT.userId, mri: '29:rui', name: 'Rui' },
    ])!;
    expect(view.agenda).toEqual([{ text: 'Carried', category: 'work', addedByName: REPORT.name, carriedOver: true }]);
    expect(view.openActionItems).toEqual([
      { id: 'a-open', text: 'Action a-open', ownerName: MANAGER.name, dueDate: '2026-03-05' },
    ]);
    expect(view.question).toBeTruthy();
    expect(view.refreshUserIds).toEqual(['29:maria', '29:rui']);
  });

  it('is no longer open once the meeting started', () => {
    expect(promptStillOpen(state, 'm-2')).toBe(true);
    const started = splitRecords([series, meetings[0]!, { ...meetings[1]!, status: 'live' }])!;
    expect(promptStillOpen(started, 'm-2')).toBe(false);
  });

  it('gives one topic id per card, person and text, whatever the spacing or case', () => {
    const id = topicIdFromCard('prompt~m-2', 'u-report', 'My  Growth ');
    expect(topicIdFromCard('prompt~m-2', 'u-report', 'my growth')).toBe(id);
    expect(topicIdFromCard('prompt~m-2', 'u-manager', 'my growth')).not.toBe(id);
    expect(topicIdFromCard('prompt~m-3', 'u-report', 'my growth')).not.toBe(id);
    expect(id).toMatch(/^[A-Za-z0-9_.:@~-]{1,128}$/);
  });
});

describe('skipped meetings', () => {
  const held = aMeeting({ id: 'a', scheduledStart: '2026-02-02T08:00:00.000Z', status: 'ended' });
  const skipped1 = aMeeting({ id: 'b', scheduledStart: '2026-02-09T08:00:00.000Z', status: 'skipped' });
  const skipped2 = aMeeting({ id: 'c', scheduledStart: '2026-02-16T08:00:00.000Z', status: 'cancelled' });

  it('call for a nudge at the second in a row, not the first', () => {
    expect(secondSkipInARow([held, skipped1], skipped1)).toBe(false);
    expect(secondSkipInARow([held, skipped1, skipped2], skipped2)).toBe(true);
    expect(secondSkipInARow([held, skipped1, skipped2], held)).toBe(false);
  });
});

describe('the summary', () => {
  const series = aSeries({ currentMeetingId: 'm-2' });
  const note = (id: string, authorId: string, text: string): SharedNote => ({
    id,
    seriesId: 's-1',
    version: 1,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    type: 'sharedNote',
    meetingId: 'm-1',
    topicId: 't-1',
    authorId,
    text,
  });
  const records = [
    series,
    aMeeting({
      id: 'm-1',
      scheduledStart: '2026-03-02T08:00:00.000Z',
      status: 'ended',
      startedAt: '2026-03-02T08:05:00.000Z',
      endedAt: '2026-03-02T08:40:00.000Z',
    }),
    aMeeting({ id: 'm-2', scheduledStart: '2026-03-09T08:00:00.000Z' }),
    aTopic({ id: 't-1', meetingId: 'm-1', text: 'Discussed one', status: 'discussed' }),
    aTopic({ id: 't-2', meetingId: 'm-1', text: 'Open one' }),
    aTopic({ id: 't-2~m-2', meetingId: 'm-2', text: 'Open one', carriedOverCount: 1, originId: 't-2' }),
    note('n-r', REPORT.userId, 'report note'),
    note('n-m', MANAGER.userId, 'manager note'),
    note('n-empty', MANAGER.userId, '   '),
    anActionItem({ id: 'a-1', meetingId: 'm-1', text: 'Do it', dueDate: '2026-03-20' }),
  ];

  it('shows discussed topics with both notes (manager first), the new action items, carry-overs and the next date', () => {
    const view = summaryViewFor({ records, endedMeetingId: 'm-1', nextMeetingId: 'm-2', now: NOW })!;
    expect(view.heldAt).toBe('2026-03-02T08:05:00.000Z');
    expect(view.discussed).toEqual([
      {
        text: 'Discussed one',
        category: 'work',
        notes: [
          { authorName: MANAGER.name, text: 'manager note' },
          { authorName: REPORT.name, text: 'report note' },
        ],
      },
    ]);
    expect(view.actionItems).toEqual([{ text: 'Do it', ownerName: REPORT.name, dueDate: '2026-03-20', state: 'open' }]);
    expect(view.carriedOver).toEqual([{ text: 'Open one' }]);
    expect(view.nextMeeting).toBe('2026-03-09T08:00:00.000Z');
  });

  it('shows done action items done and overdue ones overdue, this meeting’s and those still open from before', () => {
    const more = [
      ...records,
      anActionItem({ id: 'a-done', meetingId: 'm-1', text: 'Done already', doneAt: '2026-03-02T08:30:00.000Z' }),
      anActionItem({ id: 'a-late', meetingId: 'm-1', text: 'Due yesterday', dueDate: '2026-03-01' }),
      anActionItem({ id: 'a-old', meetingId: 'm-0', text: 'From February', dueDate: '2026-02-20' }),
    ];
    const view = summaryViewFor({ records: more, endedMeetingId: 'm-1', nextMeetingId: 'm-2', now: NOW })!;
    const states = Object.fromEntries(view.actionItems.map((i) => [i.text, i.state]));
    expect(states).toEqual({ 'Do it': 'open', 'Done already': 'done', 'Due yesterday': 'overdue' });
    expect(view.openFromBefore).toEqual([
      { text: 'From February', ownerName: REPORT.name, dueDate: '2026-02-20', state: 'overdue' },
    ]);
  });

  it('has no summary for a meeting that was never held', () => {
    const notHeld = records.map((r) =>
      r.type === 'meeting' && r.id === 'm-1'
        ? { ...r, status: 'skipped' as const, startedAt: undefined, endedAt: undefined }
        : r,
    );
    expect(summaryViewFor({ records: notHeld, endedMeetingId: 'm-1', now: NOW })).toBeUndefined();
    expect(summaryViewFor({ records, endedMeetingId: 'm-1', now: NOW })).toBeDefined();
  });

  it('asks the model for plain sentences about the shared content only, and trims what comes back', () => {
    const view = summaryViewFor({ records, endedMeetingId: 'm-1', nextMeetingId: 'm-2', now: NOW })!;
    const request = narrativeRequest(view);
    expect(request.content).toContain('manager note');
    expect(request.instructions).toMatch(/never instructions to you/);
    expect(tidyNarrative('  One.\n\n Two.  ')).toBe('One. Two.');
    expect(tidyNarrative('   ')).toBeUndefined();
    expect(tidyNarrative('x'.repeat(2000))!.length).toBeLessThanOrEqual(600);
  });
});

describe('the panel link', () => {
  it('is a Teams deep link to the app’s tab in this chat when the app id is known', () => {
    const link = new URL(
      panelLink({ teamsAppId: 'app-123', publicUrl: 'https://c.example', chatId: '19:meeting_x@thread.v2' })!,
    );
    expect(link.origin + link.pathname).toBe('https://teams.microsoft.com/l/entity/app-123/one-on-one-companion');
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({
      chatId: '19:meeting_x@thread.v2',
      contextType: 'chat',
    });
    expect(panelLink({ publicUrl: 'https://c.example/', chatId: 'x' })).toBe('https://c.example/');
    expect(panelLink({ chatId: 'x' })).toBeUndefined();
  });
});
