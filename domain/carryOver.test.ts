import { describe, expect, it } from 'vitest';
import { agendaOf } from './agenda.js';
import { followSource, needsDecision, planCarriedCopies } from './carryOver.js';
import type { Meeting, Topic } from './entities.js';
import { RecordId, Meeting as MeetingSchema, Topic as TopicSchema } from './entities.js';
import { Invalid, MeetingEnded, MeetingNotLive, NotFound } from './errors.js';
import { closeMeeting, type CloseOutcome } from './meetingLifecycle.js';
import { aMeeting, aSeries, aTopic, MANAGER, REPORT } from './testFactories.js';

// Monday 23 March 2026, 09:00 Berlin (08:00Z); the weekly cadence is Mondays 09:00 Berlin.
const current = aMeeting({
  id: 'm-1',
  scheduledStart: '2026-03-23T08:00:00.000Z',
  status: 'live',
  startedAt: '2026-03-23T08:02:00.000Z',
  version: 3,
});
const now = new Date('2026-03-23T08:40:00.000Z');

interface Setup {
  topics?: Topic[];
  meetings?: Meeting[];
  outcome?: CloseOutcome;
  at?: Date;
  nextTopics?: Topic[];
  series?: ReturnType<typeof aSeries>;
}

/** Closes m-1 and plans its carried copies, as the end command does. */
function endMeeting({
  topics = [],
  meetings = [current],
  outcome = 'ended',
  at = now,
  nextTopics,
  series,
}: Setup = {}) {
  const meeting = meetings.find((m) => m.id === 'm-1');
  if (!meeting) throw new NotFound('no m-1');
  const { closed, next, nextIsNew } = closeMeeting({
    series: series ?? aSeries({ currentMeetingId: 'm-1', version: 5 }),
    meeting,
    meetings,
    outcome,
    now: at,
  });
  const plan = planCarriedCopies({
    closed,
    next,
    sources: topics,
    nextTopics: nextTopics ?? topics.filter((t) => t.meetingId === next.id),
    now: at,
  });
  return { endedMeeting: closed, nextMeeting: next, nextIsNew, carriedOver: plan.create, plan };
}

describe('ending a meeting', () => {
  it('marks the meeting ended, bumps its version and stamps endedAt', () => {
    const { endedMeeting } = endMeeting();
    expect(endedMeeting).toMatchObject({ id: 'm-1', status: 'ended', endedAt: now.toISOString(), version: 4 });
    expect(endedMeeting.updatedAt).toBe(now.toISOString());
    expect(MeetingSchema.safeParse(endedMeeting).success).toBe(true);
  });

  it('creates the next meeting at the next occurrence, keeping 09:00 local after the clocks change', () => {
    const { nextMeeting } = endMeeting();
    expect(nextMeeting).toMatchObject({
      id: 'm-20260330T0700',
      scheduledStart: '2026-03-30T07:00:00.000Z',
      status: 'scheduled',
      version: 1,
      createdAt: now.toISOString(),
    });
    expect(MeetingSchema.safeParse(nextMeeting).success).toBe(true);
  });

  it('records the next meeting on the closed meeting itself: the durable intent of the close', () => {
    const { endedMeeting } = endMeeting();
    expect(endedMeeting.nextMeeting).toEqual({ id: 'm-20260330T0700', scheduledStart: '2026-03-30T07:00:00.000Z' });
    expect(endedMeeting.startedAt).toBe('2026-03-23T08:02:00.000Z');
  });

  it('a meeting held early still uses up its own slot: the next one is a week after that slot', () => {
    const early = { ...current, scheduledStart: '2026-03-30T07:00:00.000Z' }; // Monday 30 March
    const { nextMeeting } = endMeeting({
      meetings: [{ ...early, startedAt: '2026-03-27T14:30:00.000Z' }],
      at: new Date('2026-03-27T15:00:00.000Z'),
    });
    expect(nextMeeting.scheduledStart).toBe('2026-04-06T07:00:00.000Z');
  });

  it('a biweekly series keeps the rhythm of the meeting just held', () => {
    const plain = aSeries({ currentMeetingId: 'm-1' });
    const series = { ...plain, cadence: { ...plain.cadence, frequency: 'biweekly' as const } };
    expect(endMeeting({ series }).nextMeeting.scheduledStart).toBe('2026-04-06T07:00:00.000Z');
  });

  it('reuses a meeting already scheduled in the future instead of creating another', () => {
    const planned = aMeeting({ id: 'm-planned', scheduledStart: '2026-03-26T13:00:00.000Z' });
    const later = aMeeting({ id: 'm-later', scheduledStart: '2026-04-02T13:00:00.000Z' });
    const result = endMeeting({ meetings: [current, later, planned] });
    expect(result.nextMeeting).toBe(planned);
    expect(result.nextIsNew).toBe(false);
    expect(result.endedMeeting.nextMeeting?.id).toBe('m-planned');
  });

  it('does not reuse scheduled meetings in the past, deleted ones, or cancelled ones', () => {
    const stale = aMeeting({ id: 'm-stale', scheduledStart: '2026-03-16T08:00:00.000Z' });
    const deleted = aMeeting({
      id: 'm-del',
      scheduledStart: '2026-03-25T08:00:00.000Z',
      deletedAt: '2026-03-20T00:00:00.000Z',
    });
    const cancelled = aMeeting({ id: 'm-cancel', scheduledStart: '2026-03-26T08:00:00.000Z', status: 'cancelled' });
    const { nextMeeting } = endMeeting({ meetings: [stale, current, deleted, cancelled] });
    expect(nextMeeting.id).toBe('m-20260330T0700');
  });

  it('skips a slot already taken by a cancelled meeting', () => {
    const cancelled = aMeeting({
      id: 'm-20260330T0700',
      scheduledStart: '2026-03-30T07:00:00.000Z',
      status: 'cancelled',
    });
    const { nextMeeting } = endMeeting({ meetings: [current, cancelled] });
    expect(nextMeeting.id).toBe('m-20260406T0700');
  });

  it('refuses to end a meeting that has already ended', () => {
    const ended = { ...current, status: 'ended' as const, endedAt: '2026-03-23T08:30:00.000Z' };
    expect(() => endMeeting({ meetings: [ended] })).toThrowError(MeetingEnded);
  });

  it('refuses to end a meeting that never started, with a message that says what to do', () => {
    const scheduled = { ...current, status: 'scheduled' as const, startedAt: undefined };
    expect(() => endMeeting({ meetings: [scheduled] })).toThrowError(MeetingNotLive);
    expect(() => endMeeting({ meetings: [scheduled] })).toThrowError(/Start it first, or skip it/);
  });

  it('never dates an end after the moment it was recorded, nor before the start', () => {
    const { endedMeeting } = endMeeting({ at: new Date('2026-03-23T08:01:00.000Z') });
    expect(endedMeeting.endedAt).toBe('2026-03-23T08:02:00.000Z');
    expect(Date.parse(endedMeeting.startedAt!)).toBeLessThanOrEqual(Date.parse(endedMeeting.endedAt!));
  });

  it('skipping a meeting carries every open topic over and leaves no end time', () => {
    const scheduled = { ...current, status: 'scheduled' as const };
    const topics = [aTopic({ id: 'a', meetingId: 'm-1' }), aTopic({ id: 'b', meetingId: 'm-1', status: 'discussed' })];
    const result = endMeeting({ topics, meetings: [scheduled], outcome: 'skipped' });
    expect(result.endedMeeting.status).toBe('skipped');
    expect(result.endedMeeting).not.toHaveProperty('endedAt');
    expect(result.carriedOver.map((t) => t.originId)).toEqual(['a']);
    expect(result.endedMeeting.nextMeeting?.id).toBe(result.nextMeeting.id);
  });

  it('refuses to skip a meeting that is under way', () => {
    expect(() => endMeeting({ outcome: 'skipped' })).toThrowError(Invalid);
  });

  it('refuses to end a cancelled or skipped meeting, and a meeting that does not exist', () => {
    expect(() => endMeeting({ meetings: [{ ...current, status: 'cancelled' }] })).toThrowError(/already cancelled/);
    expect(() => endMeeting({ meetings: [{ ...current, status: 'skipped' }] })).toThrowError(MeetingEnded);
    expect(() => endMeeting({ meetings: [] })).toThrowError(NotFound);
    expect(() => endMeeting({ meetings: [{ ...current, deletedAt: '2026-03-01T00:00:00.000Z' }] })).toThrowError(
      NotFound,
    );
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
    const { carriedOver } = endMeeting({ topics });
    expect(carriedOver.map((t) => t.originId)).toEqual(['t-open', 't-deferred']);
  });

  it('a carried topic keeps its text, category, author and origin, reopens, and counts one more carry', () => {
    const { carriedOver } = endMeeting({ topics });
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
    const [carried] = endMeeting({ topics: [again] }).carriedOver;
    expect(carried).toMatchObject({ id: 't-x~m-20260330T0700', originId: 't-x', carriedOverCount: 3 });
    expect(needsDecision(carried!)).toBe(true);
  });

  it('places carried topics ahead of the next agenda, in their old relative order', () => {
    const planned = aMeeting({ id: 'm-planned', scheduledStart: '2026-03-26T13:00:00.000Z' });
    const already = [
      aTopic({ id: 'n-1', meetingId: 'm-planned', order: '1' }),
      aTopic({ id: 'n-2', meetingId: 'm-planned', order: '2' }),
    ];
    const result = endMeeting({ topics: [...topics, ...already], meetings: [current, planned] });
    const agenda = agendaOf([...already, ...result.carriedOver], 'm-planned');
    expect(agenda.map((t) => t.originId)).toEqual(['t-open', 't-deferred', 'n-1', 'n-2']);
  });

  it('gives every carried topic a valid id even when the origin id is long', () => {
    const longId = 'x'.repeat(128);
    const [carried] = endMeeting({ topics: [aTopic({ id: longId, meetingId: 'm-1' })] }).carriedOver;
    expect(RecordId.safeParse(carried!.id).success).toBe(true);
    expect(carried!.id).not.toBe(longId);
    const [other] = endMeeting({ topics: [aTopic({ id: `${'x'.repeat(127)}y`, meetingId: 'm-1' })] }).carriedOver;
    expect(other!.id).not.toBe(carried!.id);
  });

  it('with nothing left open carries nothing over', () => {
    const discussed = [aTopic({ id: 't-1', meetingId: 'm-1', status: 'discussed' })];
    expect(endMeeting({ topics: discussed }).carriedOver).toEqual([]);
  });
});

describe('finishing an end again never duplicates and leaves nothing stale', () => {
  const topics = [
    aTopic({ id: 't-a', meetingId: 'm-1', order: 'A' }),
    aTopic({ id: 't-b', meetingId: 'm-1', order: 'B' }),
  ];

  it('the same input gives the same ids', () => {
    const first = endMeeting({ topics });
    const second = endMeeting({ topics });
    expect(second.carriedOver.map((r) => r.id)).toEqual(first.carriedOver.map((r) => r.id));
    expect(second.nextMeeting.id).toBe(first.nextMeeting.id);
  });

  it('copies already written are not written again, and one deleted on the next agenda stays deleted', () => {
    const first = endMeeting({ topics });
    const written = [first.carriedOver[0]!, { ...first.carriedOver[1]!, deletedAt: '2026-03-23T09:00:00.000Z' }];
    const again = endMeeting({ topics, nextTopics: written });
    expect(again.carriedOver).toEqual([]);
    expect(again.plan.follow.map((f) => f.id)).toEqual(written.map((t) => t.id));
    expect(followSource(written[1]!, topics[1], now)).toBe(written[1]);
  });

  it('a copy whose source was discussed before the end finished is retired', () => {
    const [copy] = endMeeting({ topics }).carriedOver;
    const discussedSource = { ...topics[0]!, status: 'discussed' as const };
    expect(followSource(copy!, discussedSource, now)).toMatchObject({ id: copy!.id, deletedAt: now.toISOString() });
    // Someone already worked on the copy: it stays.
    const worked = { ...copy!, version: 2, status: 'deferred' as const };
    expect(followSource(worked, discussedSource, now)).toBe(worked);
    // Its source is unchanged: nothing to do.
    expect(followSource(copy!, topics[0], now)).toBe(copy);
  });

  it('an untouched copy follows its source text', () => {
    const [copy] = endMeeting({ topics }).carriedOver;
    const edited = { ...topics[0]!, text: 'Fixed wording' };
    expect(followSource(copy!, edited, now).text).toBe('Fixed wording');
  });

  it('a topic added while the end was being written lands in the next meeting, not counted as carried', () => {
    const late = aTopic({ id: 't-late', meetingId: 'm-1', createdAt: '2026-03-23T08:41:00.000Z' });
    const { carriedOver } = endMeeting({ topics: [late], at: new Date('2026-03-23T08:40:00.000Z') });
    expect(carriedOver).toMatchObject([{ originId: 't-late', carriedOverCount: 0 }]);
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
