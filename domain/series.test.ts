import { describe, expect, it } from 'vitest';
import { Invalid } from './errors.js';
import { RecordId } from './entities.js';
import { createSeries, firstMeeting, meetingIdFor, seriesIdForChat } from './series.js';
import { MANAGER, REPORT, WEEKLY_BERLIN } from './testFactories.js';

const now = new Date('2026-03-25T10:00:00.000Z'); // a Wednesday
const input = {
  tenantId: 't-1',
  chatId: '19:meeting_NjA5ZDk4@thread.v2',
  title: 'Weekly 1:1',
  members: [REPORT, MANAGER],
  cadence: WEEKLY_BERLIN,
  now,
};

describe('starting a 1:1', () => {
  it('creates the series and its first meeting at the next occurrence of the cadence', () => {
    const { series, meeting } = createSeries(input);
    expect(meeting).toMatchObject({
      id: 'm-20260330T0700',
      seriesId: series.id,
      scheduledStart: '2026-03-30T07:00:00.000Z',
      status: 'scheduled',
      version: 1,
    });
    expect(series).toMatchObject({
      type: 'series',
      version: 1,
      tenantId: 't-1',
      chatId: input.chatId,
      title: 'Weekly 1:1',
      currentMeetingId: meeting.id,
      createdAt: now.toISOString(),
    });
    expect(series.seriesId).toBe(series.id);
  });

  it('installing twice into the same chat gives the same series id', () => {
    expect(createSeries(input).series.id).toBe(
      createSeries({ ...input, now: new Date('2026-04-01T00:00Z') }).series.id,
    );
    expect(createSeries(input).series.id).not.toBe(
      createSeries({ ...input, chatId: '19:meeting_other@thread.v2' }).series.id,
    );
  });

  it('uses the start Teams already knows when given', () => {
    const { meeting } = createSeries({ ...input, firstStart: new Date('2026-03-26T14:00:00.000Z') });
    expect(meeting.scheduledStart).toBe('2026-03-26T14:00:00.000Z');
    expect(meeting.id).toBe('m-20260326T1400');
  });

  it('names an untitled 1:1 after its two members', () => {
    expect(createSeries({ ...input, title: '   ' }).series.title).toBe('Maria Manager / Rui Report 1:1');
  });

  it('stores the canonical time zone name', () => {
    const { series } = createSeries({ ...input, cadence: { ...WEEKLY_BERLIN, timeZone: 'europe/berlin' } });
    expect(series.cadence.timeZone).toBe('Europe/Berlin');
  });

  it('refuses anything but one manager and one report who are different people', () => {
    expect(() => createSeries({ ...input, members: [MANAGER] })).toThrowError(/exactly two members/);
    expect(() => createSeries({ ...input, members: [MANAGER, { ...REPORT, role: 'manager' }] })).toThrowError(
      /one manager and one report/,
    );
    expect(() => createSeries({ ...input, members: [MANAGER, { ...REPORT, userId: MANAGER.userId }] })).toThrowError(
      /two different people/,
    );
  });

  it('refuses an unknown time zone and invalid fields with an Invalid error', () => {
    expect(() => createSeries({ ...input, cadence: { ...WEEKLY_BERLIN, timeZone: 'Mars/Olympus' } })).toThrowError(
      Invalid,
    );
    expect(() => createSeries({ ...input, tenantId: '' })).toThrowError(Invalid);
  });
});

describe('ids', () => {
  it('a meeting id names its UTC slot to the minute', () => {
    expect(meetingIdFor(new Date('2026-01-05T09:07:59.000Z'))).toBe('m-20260105T0907');
  });

  it('a series id is a valid record id even for a chat id with odd characters or great length', () => {
    for (const chatId of ['19:abc@thread.v2', 'a/b+c=', 'x'.repeat(256)]) {
      expect(RecordId.safeParse(seriesIdForChat(chatId)).success, chatId).toBe(true);
    }
    expect(seriesIdForChat('a/b')).not.toBe(seriesIdForChat('a+b'));
    expect(seriesIdForChat('a/b')).not.toBe(seriesIdForChat('a_b'));
  });

  it('the first meeting defaults to the next occurrence after now', () => {
    expect(firstMeeting({ seriesId: 's-1', cadence: WEEKLY_BERLIN, now }).scheduledStart).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });
});
