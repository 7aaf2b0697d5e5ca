import { describe, expect, it } from 'vitest';
import { agendaOf } from './agenda.js';
import { endMeeting, needsDecision } from './carryOver.js';
import type { Meeting, Topic } from './entities.js';
import { RecordId, Meeting as MeetingSchema, Series as SeriesSchema, Topic as TopicSchema } from './entities.js';
import { Conflict, Invalid, NotFound } from './errors.js';
import { aMeeting, aSeries, aTopic, MANAGER, REPORT } from './testFactories.js';

// Monday 23 March 2026, 09:00 Berlin (08:00Z); the weekly cadence is Mondays 09:00 Berlin.
const current = aMeeting({ id: 'm-1', scheduledStart: '2026-03-23T08:00:00.000Z', status: 'live', version: 3 });
const now = new Date('2026-03-23T08:40:00.000Z');

function setup(topics: Topic[] = [], meetings: Meeting[] = [current]) {
  const series = aSeries({ currentMeetingId: 'm-1', version: 5 });
  return { series, meetings, topics, now };
}

describe('ending a meeting', () => {
  it('marks the meeting ended, bumps its version and stamps endedAt', () => {
    const { endedMeeting } = endMeeting(setup());
    expect(endedMeeting).toMatchObject({ id: 'm-1', status: 'ended', endedAt: now.toISOString(), version: 4 });
    expect(endedMeeting.updatedAt).toBe(now.toISOString());
    expect(MeetingSchema.safeParse(endedMeeting).success).toBe(true);
  });

  it('creates the next meeting at the next occurrence, keeping 09:00 local after the clocks change', () => {
    const { nextMeeting } = endMeeting(setup());
    expect(nextMeeting).toMatchObject({
      id: 'm-20260330T0700',
      scheduledStart: '2026-03-30T07:00:00.000Z',
      status: 'scheduled',
      version: 1,
      createdAt: now.toISOString(),
    });
    expect(MeetingSchema.safeParse(nextMeeting).success).toBe(true);
  });

  it('points the series at the next meeting', () => {
    const { series } = endMeeting(setup());
    expect(series.currentMeetingId).toBe('m-20260330T0700');
    expect(series.version).toBe(6);
    expect(SeriesSchema.safeParse(series).success).toBe(true);
  });

  it('a meeting held early still uses up its own slot: the next one is a week after that slot', () => {
    const early = { ...current, scheduledStart: '2026-03-30T07:00:00.000Z' }; // Monday 30 March
    const { nextMeeting } = endMeeting({ ...setup([], [early]), now: new Date('2026-03-27T15:00:00.000Z') });
    expect(nextMeeting.scheduledStart).toBe('2026-04-06T07:00:00.000Z');
  });

  it('a biweekly series keeps the rhythm of the meeting just held', () => {
    const input = setup();
    input.series = { ...input.series, cadence: { ...input.series.cadence, frequency: 'biweekly' } };
    expect(endMeeting(input).nextMeeting.scheduledStart).toBe('2026-04-06T07:00:00.000Z');
  });

  it('reuses a meeting already scheduled in the future instead of creating another', () => {
    const planned = aMeeting({ id: 'm-planned', scheduledStart: '2026-03-26T13:00:00.000Z' });
    const later = aMeeting({ id: 'm-later', scheduledStart: '2026-04-02T13:00:00.000Z' });
    const result = endMeeting(setup([], [current, later, planned]));
    expect(result.nextMeeting).toBe(planned);
    expect(result.changes.map((r) => r.id)).not.toContain('m-planned');
    expect(result.series.currentMeetingId).toBe('m-planned');
  });

  it('does not reuse scheduled meetings in the past, deleted ones, or cancelled ones', () => {
    const stale = aMeeting({ id: 'm-stale', scheduledStart: '2026-03-16T08:00:00.000Z' });
    const deleted = aMeeting({
      id: 'm-del',
      scheduledStart: '2026-03-25T08:00:00.000Z',
      deletedAt: '2026-03-20T00:00:00.000Z',
    });
    const cancelled = aMeeting({ id: 'm-cancel', scheduledStart: '2026-03-26T08:00:00.000Z', status: 'cancelled' });
    const { nextMeeting } = endMeeting(setup([], [stale, current, deleted, cancelled]));
    expect(nextMeeting.id).toBe('m-20260330T0700');
  });

  it('skips a slot already taken by a cancelled meeting', () => {
    const cancelled = aMeeting({
      id: 'm-20260330T0700',
      scheduledStart: '2026-03-30T07:00:00.000Z',
      status: 'cancelled',
    });
    const { nextMeeting } = endMeeting(setup([], [current, cancelled]));
    expect(nextMeeting.id).toBe('m-20260406T0700');
  });

  it('refuses to end a meeting that has already ended (the series has moved on)', () => {
    const ended = { ...current, status: 'ended' as const, endedAt: '2026-03-23T08:30:00.000Z' };
    const input = setup([], [ended]);
    input.series = { ...input.series, currentMeetingId: 'm-20260330T0700' };
    expect(() => endMeeting({ ...input, meetingId: 'm-1' })).toThrowError(Conflict);
  });

  it('skipping a meeting carries every open topic over and leaves no end time', () => {
    const scheduled = { ...current, status: 'scheduled' as const };
    const topics = [aTopic({ id: 'a', meetingId: 'm-1' }), aTopic({ id: 'b', meetingId: 'm-1', status: 'discussed' })];
    const result = endMeeting({ ...setup(topics, [scheduled]), outcome: 'skipped' });
    expect(result.endedMeeting.status).toBe('skipped');
    expect(result.endedMeeting).not.toHaveProperty('endedAt');
    expect(result.carriedOver.map((t) => t.originId)).toEqual(['a']);
    expect(result.series.currentMeetingId).toBe(result.nextMeeting.id);
  });

  it('refuses to skip a meeting that is under way', () => {
    expect(() => endMeeting({ ...setup(), outcome: 'skipped' })).toThrowError(Invalid);
  });

  it('refuses to end a cancelled or skipped meeting, and a meeting that does not exist', () => {
    expect(() => endMeeting(setup([], [{ ...current, status: 'cancelled' }]))).toThrowError(/already cancelled/);
    expect(() => endMeeting(setup([], [{ ...current, status: 'skipped' }]))).toThrowError(Conflict);
    expect(() => endMeeting(setup([], []))).toThrowError(NotFound);
    expect(() => endMeeting(setup([], [{ ...current, deletedAt: '2026-03-01T00:00:00.000Z' }]))).toThrowError(NotFound);
  });

  it('writes new records first and the series pointer last', () => {
    const topics = [aTopic({ id: 't-a', meetingId: 'm-1' })];
    const { changes } = endMeeting(setup(topics));
    expect(changes.map((r) => `${r.type}:${r.id}`)).toEqual([
      'meeting:m-20260330T0700',
      'topic:t-a~m-20260330T0700',
      'meeting:m-1',
      'series:s-1',
    ]);
  });
});

describe('carrying topics over', () => {
  const topics = [
    aTopic({ id: 't-open', meetingId: 'm-1', order: 'A', text: 'Workload in Q2', addedBy: REPORT.userId }),
    aTopic({ id: 't-done', meetingId: 'm-1', order: 'B', status: 'discussed' }),
    aTopic({
      id: 't-deferred',
      meetingId: 'm-1',
      order: 'C',
      status: 'deferred',
      category: 'growth',
      addedBy: MANAGER.userId,
    }),
    aTopic({ id: 't-deleted', meetingId: 'm-1', order: 'D', deletedAt: '2026-03-23T08:10:00.000Z' }),
    aTopic({ id: 't-elsewhere', meetingId: 'm-0', order: 'E' }),
  ];

  it('a topic not discussed carries over to the next meeting; discussed and deleted ones do not', () => {
    const { carriedOver } = endMeeting(setup(topics));
    expect(carriedOver.map((t) => t.originId)).toEqual(['t-open', 't-deferred']);
  });

  it('a carried topic keeps its text, category, author and origin, reopens, and counts one more carry', () => {
    const { carriedOver } = endMeeting(setup(topics));
    const deferred = carriedOver[1]!;
    expect(deferred).toMatchObject({
      id: 't-deferred~m-20260330T0700',
      meetingId: 'm-20260330T0700',
      text: 'Topic t-deferred',
      category: 'growth',
      addedBy: MANAGER.userId,
      status: 'open',
      carriedOverCount: 1,
      originId: 't-deferred',
      version: 1,
      createdAt: now.toISOString(),
    });
    for (const t of carriedOver) expect(TopicSchema.safeParse(t).success).toBe(true);
  });

  it('keeps the origin of a topic carried several times and counts up', () => {
    const again = aTopic({ id: 't-x~m-0', originId: 't-x', meetingId: 'm-1', carriedOverCount: 2 });
    const [carried] = endMeeting(setup([again])).carriedOver;
    expect(carried).toMatchObject({ id: 't-x~m-20260330T0700', originId: 't-x', carriedOverCount: 3 });
    expect(needsDecision(carried!)).toBe(true);
  });

  it('places carried topics ahead of the next agenda, in their old relative order', () => {
    const planned = aMeeting({ id: 'm-planned', scheduledStart: '2026-03-26T13:00:00.000Z' });
    const already = [
      aTopic({ id: 'n-1', meetingId: 'm-planned', order: '1' }),
      aTopic({ id: 'n-2', meetingId: 'm-planned', order: '2' }),
    ];
    const result = endMeeting(setup([...topics, ...already], [current, planned]));
    const agenda = agendaOf([...already, ...result.carriedOver], 'm-planned');
    expect(agenda.map((t) => t.originId)).toEqual(['t-open', 't-deferred', 'n-1', 'n-2']);
  });

  it('gives every carried topic a valid id even when the origin id is long', () => {
    const longId = 'x'.repeat(128);
    const [carried] = endMeeting(setup([aTopic({ id: longId, meetingId: 'm-1' })])).carriedOver;
    expect(RecordId.safeParse(carried!.id).success).toBe(true);
    expect(carried!.id).not.toBe(longId);
    const [other] = endMeeting(setup([aTopic({ id: `${'x'.repeat(127)}y`, meetingId: 'm-1' })])).carriedOver;
    expect(other!.id).not.toBe(carried!.id);
  });

  it('with nothing left open carries nothing over', () => {
    const discussed = [aTopic({ id: 't-1', meetingId: 'm-1', status: 'discussed' })];
    expect(endMeeting(setup(discussed)).carriedOver).toEqual([]);
  });
});

describe('retrying an end never duplicates', () => {
  const topics = [
    aTopic({ id: 't-a', meetingId: 'm-1', order: 'A' }),
    aTopic({ id: 't-b', meetingId: 'm-1', order: 'B' }),
  ];

  it('the same input gives the same ids', () => {
    const first = endMeeting(setup(topics));
    const second = endMeeting(setup(topics));
    expect(second.changes.map((r) => r.id)).toEqual(first.changes.map((r) => r.id));
  });

  it('an end interrupted before the series was written is finished, without new copies', () => {
    const first = endMeeting(setup(topics));
    // Everything but the series pointer was written; one carried copy was then deleted on the next agenda.
    const written = first.changes.filter((r) => r.type !== 'series');
    const writtenMeetings = written.filter((r): r is Meeting => r.type === 'meeting');
    const writtenTopics = written.filter((r): r is Topic => r.type === 'topic');
    writtenTopics[1] = { ...writtenTopics[1]!, deletedAt: '2026-03-23T09:00:00.000Z' };

    const retry = endMeeting({
      ...setup([...topics, ...writtenTopics], writtenMeetings),
      now: new Date('2026-03-23T12:00:00.000Z'),
    });
    expect(retry.nextMeeting.id).toBe(first.nextMeeting.id);
    expect(retry.carriedOver).toEqual([]);
    expect(retry.changes.map((r) => `${r.type}:${r.id}`)).toEqual(['series:s-1']);
    expect(retry.series.currentMeetingId).toBe(first.nextMeeting.id);
    expect(retry.endedMeeting.endedAt).toBe(now.toISOString());
  });
});

describe('needsDecision', () => {
  it('flags a topic carried three times or more that is still open', () => {
    expect(needsDecision(aTopic({ id: 't', meetingId: 'm', carriedOverCount: 2 }))).toBe(false);
    expect(needsDecision(aTopic({ id: 't', meetingId: 'm', carriedOverCount: 3 }))).toBe(true);
    expect(needsDecision(aTopic({ id: 't', meetingId: 'm', carriedOverCount: 7, status: 'deferred' }))).toBe(true);
  });

  it('does not flag a topic once discussed or deleted', () => {
    expect(needsDecision(aTopic({ id: 't', meetingId: 'm', carriedOverCount: 4, status: 'discussed' }))).toBe(false);
    expect(
      needsDecision(aTopic({ id: 't', meetingId: 'm', carriedOverCount: 4, deletedAt: '2026-01-01T00:00:00Z' })),
    ).toBe(false);
  });
});
