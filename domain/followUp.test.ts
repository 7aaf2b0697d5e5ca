import { describe, expect, it } from 'vitest';
import { isOverdue, openItemsFromEarlierMeetings } from './followUp.js';
import { aMeeting, anActionItem } from './testFactories.js';

const meetings = [
  aMeeting({ id: 'm-1', scheduledStart: '2026-03-09T08:00:00.000Z', status: 'ended' }),
  aMeeting({ id: 'm-2', scheduledStart: '2026-03-16T08:00:00.000Z', status: 'ended' }),
  aMeeting({ id: 'm-3', scheduledStart: '2026-03-23T08:00:00.000Z', status: 'live' }),
  aMeeting({ id: 'm-4', scheduledStart: '2026-03-30T07:00:00.000Z' }),
];

describe('items from last time', () => {
  it('lists open items agreed in earlier meetings, not those of the current or a later meeting', () => {
    const items = [
      anActionItem({ id: 'a-earlier', meetingId: 'm-1' }),
      anActionItem({ id: 'a-last', meetingId: 'm-2' }),
      anActionItem({ id: 'a-now', meetingId: 'm-3' }),
      anActionItem({ id: 'a-later', meetingId: 'm-4' }),
    ];
    expect(openItemsFromEarlierMeetings(items, meetings, 'm-3').map((i) => i.id)).toEqual(['a-earlier', 'a-last']);
  });

  it('leaves out items that are done or deleted', () => {
    const items = [
      anActionItem({ id: 'a-done', meetingId: 'm-2', doneAt: '2026-03-20T10:00:00.000Z' }),
      anActionItem({ id: 'a-deleted', meetingId: 'm-2', deletedAt: '2026-03-20T10:00:00.000Z' }),
      anActionItem({ id: 'a-open', meetingId: 'm-2' }),
    ];
    expect(openItemsFromEarlierMeetings(items, meetings, 'm-3').map((i) => i.id)).toEqual(['a-open']);
  });

  it('keeps an open item whose meeting is unknown rather than losing it', () => {
    const items = [anActionItem({ id: 'a-orphan', meetingId: 'm-gone' })];
    expect(openItemsFromEarlierMeetings(items, meetings, 'm-3').map((i) => i.id)).toEqual(['a-orphan']);
  });

  it('puts overdue items first, then by due date, undated last, ties oldest first', () => {
    const items = [
      anActionItem({ id: 'a-undated', meetingId: 'm-1' }),
      anActionItem({ id: 'a-next-week', meetingId: 'm-2', dueDate: '2026-03-30' }),
      anActionItem({
        id: 'a-overdue-new',
        meetingId: 'm-2',
        dueDate: '2026-03-18',
        createdAt: '2026-03-16T09:00:00.000Z',
      }),
      anActionItem({
        id: 'a-overdue-old',
        meetingId: 'm-1',
        dueDate: '2026-03-18',
        createdAt: '2026-03-09T09:00:00.000Z',
      }),
      anActionItem({ id: 'a-very-overdue', meetingId: 'm-1', dueDate: '2026-03-10' }),
    ];
    const ordered = openItemsFromEarlierMeetings(items, meetings, 'm-3');
    expect(ordered.map((i) => i.id)).toEqual([
      'a-very-overdue',
      'a-overdue-old',
      'a-overdue-new',
      'a-next-week',
      'a-undated',
    ]);
    expect(ordered.map((i) => isOverdue(i, '2026-03-23'))).toEqual([true, true, true, false, false]);
  });

  it('is empty for the first meeting of a series', () => {
    expect(openItemsFromEarlierMeetings([], meetings.slice(0, 1), 'm-1')).toEqual([]);
  });
});

describe('isOverdue', () => {
  const item = anActionItem({ id: 'a', meetingId: 'm-1', dueDate: '2026-03-20' });

  it('an item due today is not overdue yet; the day after it is', () => {
    expect(isOverdue(item, '2026-03-19')).toBe(false);
    expect(isOverdue(item, '2026-03-20')).toBe(false);
    expect(isOverdue(item, '2026-03-21')).toBe(true);
  });

  it('compares dates across month and year ends', () => {
    expect(isOverdue({ ...item, dueDate: '2026-12-31' }, '2027-01-01')).toBe(true);
    expect(isOverdue({ ...item, dueDate: '2026-02-28' }, '2026-03-01')).toBe(true);
  });

  it('an item without a due date, done, or deleted is never overdue', () => {
    expect(isOverdue({ ...item, dueDate: undefined }, '2030-01-01')).toBe(false);
    expect(isOverdue({ ...item, doneAt: '2026-03-25T00:00:00.000Z' }, '2030-01-01')).toBe(false);
    expect(isOverdue({ ...item, deletedAt: '2026-03-25T00:00:00.000Z' }, '2030-01-01')).toBe(false);
  });
});
