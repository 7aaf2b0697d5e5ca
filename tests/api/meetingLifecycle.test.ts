import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, PanelState, RecordsResponse } from '../../domain/api.js';
import { meetingDate } from '../../domain/meetingLifecycle.js';
import { AdjustableClock } from '../../bot/src/clock.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';

/**
 * The meeting state machine over HTTP against the real service (Cosmos
 * protocol server behind it): scheduled → live → ended, named routes with
 * `current` aliases, and ends that happen exactly once however they are asked.
 */
let t: TestService;
const clock = new AdjustableClock();
beforeAll(async () => {
  t = await startTestService({ clock });
});
afterAll(async () => {
  await t?.stop();
});

async function oneOnOne() {
  const series = await seedSeries(t.service);
  const member = (role: 'manager' | 'report') => series.members.find((m) => m.role === role)!;
  const report = apiClient(t.url, await devToken(t.service, series.tenantId, member('report')));
  const manager = apiClient(t.url, await devToken(t.service, series.tenantId, member('manager')));
  const path = seriesPath(series.id);
  const state = async () => PanelState.parse((await report.get(`${path}/state`)).body);
  return { series, api: report, report, manager, path, state };
}

/** What a person could see of the 1:1, without the volatile parts: to show "nothing changed". */
async function snapshot(state: () => Promise<PanelState>) {
  const s = await state();
  return JSON.stringify({ series: s.series, meetings: s.meetings, topics: s.topics, actionItems: s.actionItems });
}

const code = (body: unknown) => ErrorBody.parse(body).error.code;

describe('starting and ending a meeting', () => {
  it('ending a 1:1 that has not started answers 409 meeting_not_live and changes nothing', async () => {
    const { api, path, state } = await oneOnOne();
    await api.post(`${path}/topics`, { id: 'nl-topic', text: 'Workload' });
    const before = await snapshot(state);
    const meetingId = (await state()).series.currentMeetingId;

    for (const route of [`${path}/meetings/current/end`, `${path}/meetings/${meetingId}/end`]) {
      const res = await api.post(route);
      expect(res.status).toBe(409);
      expect(code(res.body)).toBe('meeting_not_live');
      expect(ErrorBody.parse(res.body).error.message).toMatch(/has not started yet/);
    }
    expect(await snapshot(state)).toBe(before);

    // Positive control: once started, the same End ends it.
    expect((await api.post(`${path}/meetings/${meetingId}/start`, { early: true })).status).toBe(200);
    expect((await api.post(`${path}/meetings/${meetingId}/end`)).status).toBe(200);
    expect((await state()).meetings.find((m) => m.id === meetingId)?.status).toBe('ended');
  });

  it('a second End right after answers 409 and changes nothing', async () => {
    const { api, path, state } = await oneOnOne();
    await api.post(`${path}/topics`, { id: 'se-open', text: 'Still open' });
    expect((await api.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
    expect((await api.post(`${path}/meetings/current/end`)).status).toBe(200);
    const after = await snapshot(state);

    const again = await api.post(`${path}/meetings/current/end`);
    expect(again.status).toBe(409);
    expect(code(again.body)).toBe('meeting_not_live');
    expect(await snapshot(state)).toBe(after);
    expect((await state()).meetings.filter((m) => m.status === 'ended')).toHaveLength(1);
  });

  it('repeating the end of a named meeting answers its stored result and changes nothing', async () => {
    const { api, path, state } = await oneOnOne();
    await api.post(`${path}/topics`, { id: 'rn-open', text: 'Carry me' });
    const meetingId = (await state()).series.currentMeetingId;
    await api.post(`${path}/meetings/${meetingId}/start`, { early: true });
    const first = await api.post(`${path}/meetings/${meetingId}/end`);
    expect(first.status).toBe(200);
    const after = await snapshot(state);

    const resent = await api.post(`${path}/meetings/${meetingId}/end`);
    expect(resent.status).toBe(200);
    expect(RecordsResponse.parse(resent.body).records).toEqual(RecordsResponse.parse(first.body).records);
    expect(await snapshot(state)).toBe(after);
    // Skipping what has ended is not the same transition: refused.
    const skip = await api.post(`${path}/meetings/${meetingId}/skip`, {});
    expect(skip.status).toBe(409);
    expect(code(skip.body)).toBe('meeting_ended');
  });

  it('starting twice changes nothing, and a meeting that has ended cannot start again', async () => {
    const { api, path, state } = await oneOnOne();
    const meetingId = (await state()).series.currentMeetingId;
    const started = await api.post(`${path}/meetings/${meetingId}/start`, { early: true });
    const again = await api.post(`${path}/meetings/current/start`, { early: true });
    expect(again.body).toEqual(started.body);
    await api.post(`${path}/meetings/${meetingId}/end`);
    const after = await snapshot(state);

    const late = await api.post(`${path}/meetings/${meetingId}/start`, { early: true });
    expect(late.status).toBe(409);
    expect(await snapshot(state)).toBe(after);
    const next = (await state()).meetings.find(
      (m) => m.id === (JSON.parse(after) as PanelState).series.currentMeetingId,
    );
    expect(next?.status).toBe('scheduled');
  });

  it('the held date is the real start, and no ended meeting is dated after the moment it ended', async () => {
    const { api, path, state } = await oneOnOne();
    // The upcoming meeting is days ahead; the pair meet now instead.
    const upcoming = (await state()).meetings[0]!;
    expect(Date.parse(upcoming.scheduledStart)).toBeGreaterThan(clock.now().getTime());
    const before = clock.now().getTime();
    const started = await api.post(`${path}/meetings/current/start`, { early: true });
    const startedAt = (started.body as { record: { startedAt: string } }).record.startedAt;
    expect(Date.parse(startedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(startedAt)).toBeLessThanOrEqual(clock.now().getTime());
    clock.advanceBy(25 * 60_000);
    await api.post(`${path}/meetings/current/end`);

    const held = (await state()).meetings.find((m) => m.id === upcoming.id)!;
    expect(held.startedAt).toBe(startedAt);
    expect(Date.parse(held.endedAt!) - Date.parse(startedAt)).toBeGreaterThanOrEqual(25 * 60_000);
    expect(meetingDate(held)).toBe(startedAt);
    expect(Date.parse(meetingDate(held))).toBeLessThan(Date.parse(upcoming.scheduledStart));
    for (const meeting of (await state()).meetings.filter((m) => m.status === 'ended')) {
      expect(Date.parse(meetingDate(meeting))).toBeLessThanOrEqual(Date.parse(meeting.endedAt!));
      expect(Date.parse(meeting.endedAt!)).toBeLessThanOrEqual(clock.now().getTime());
    }
  });
});

describe('ends at the same moment', () => {
  it('both people pressing End, and a double click, end exactly one meeting and carry each topic once', async () => {
    const { manager, report, path, state } = await oneOnOne();
    for (const id of ['cc-1', 'cc-2', 'cc-3']) await report.post(`${path}/topics`, { id, text: `Topic ${id}` });
    const first = await state();
    const meetingId = first.series.currentMeetingId;
    await manager.post(`${path}/meetings/current/start`, { early: true });

    const answers = await Promise.all([
      manager.post(`${path}/meetings/current/end`),
      report.post(`${path}/meetings/current/end`),
      report.post(`${path}/meetings/${meetingId}/end`),
      manager.post(`${path}/meetings/${meetingId}/end`),
    ]);
    // Each answer is the one end (200) or, once the series moved on, "the next one is not live" (409).
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);

    const after = await state();
    expect(after.meetings.filter((m) => m.status === 'ended').map((m) => m.id)).toEqual([meetingId]);
    const next = after.meetings.find((m) => m.id === after.series.currentMeetingId)!;
    expect(next.status).toBe('scheduled');
    expect(after.meetings).toHaveLength(2);
    const carried = after.topics.filter((x) => x.meetingId === next.id && !x.deletedAt);
    expect(carried.map((x) => x.originId).sort()).toEqual(['cc-1', 'cc-2', 'cc-3']);
    expect(after.meetings.find((m) => m.id === meetingId)?.settledAt).toBeDefined();
  });

  it('a topic added while the end is written lands in the next meeting, never stranded in the ended one', async () => {
    const { manager, report, path, state } = await oneOnOne();
    await manager.post(`${path}/meetings/current/start`, { early: true });
    const meetingId = (await state()).series.currentMeetingId;
    const adds = Array.from({ length: 6 }, (_, i) =>
      report.post(`${path}/topics`, { id: `race-${i}`, text: `Raised during the end ${i}` }),
    );
    const [ended, ...added] = await Promise.all([manager.post(`${path}/meetings/${meetingId}/end`), ...adds]);
    expect(ended.status).toBe(200);
    for (const a of added) expect(a.status).toBe(201);

    const after = await state();
    const nextId = after.series.currentMeetingId;
    for (let i = 0; i < 6; i++) {
      const onNext = after.topics.filter((x) => x.originId === `race-${i}` && x.meetingId === nextId && !x.deletedAt);
      expect(onNext, `race-${i}`).toHaveLength(1);
      // Added before the end: carried once; added while it was written: simply in the next meeting.
      expect(onNext[0]!.carriedOverCount).toBeLessThanOrEqual(1);
    }
    // An add that came after the close answers the topic in the next meeting.
    for (const a of added) {
      expect([meetingId, nextId]).toContain((a.body as { record: { meetingId: string } }).record.meetingId);
    }
  });

  it('a topic discussed while the end is written is carried only if it was still open', async () => {
    const { manager, report, path, state } = await oneOnOne();
    for (let i = 0; i < 4; i++) await report.post(`${path}/topics`, { id: `dr-${i}`, text: `Topic ${i}` });
    await manager.post(`${path}/meetings/current/start`, { early: true });
    const meetingId = (await state()).series.currentMeetingId;
    await Promise.all([
      manager.post(`${path}/meetings/${meetingId}/end`),
      ...Array.from({ length: 4 }, (_, i) => report.patch(`${path}/topics/dr-${i}`, { status: 'discussed' })),
    ]);
    const after = await state();
    const nextId = after.series.currentMeetingId;
    for (let i = 0; i < 4; i++) {
      const source = after.topics.find((x) => x.id === `dr-${i}`)!;
      const copies = after.topics.filter((x) => x.originId === `dr-${i}` && x.meetingId === nextId && !x.deletedAt);
      expect(copies, `dr-${i} is ${source.status}`).toHaveLength(source.status === 'discussed' ? 0 : 1);
    }
  });
});

describe('an ended meeting’s agenda', () => {
  it('refuses changes to its topics with 409, pointing to the carried copy; notes can still be written', async () => {
    const { api, path, state } = await oneOnOne();
    await api.post(`${path}/topics`, { id: 'em-open', text: 'Open at the end' });
    await api.post(`${path}/topics`, { id: 'em-done', text: 'Discussed' });
    await api.patch(`${path}/topics/em-done`, { status: 'discussed' });
    await api.post(`${path}/meetings/current/start`, { early: true });
    await api.post(`${path}/meetings/current/end`);
    const after = await snapshot(state);
    const copy = (await state()).topics.find((x) => x.originId === 'em-open' && x.id !== 'em-open')!;

    for (const change of [
      () => api.patch(`${path}/topics/em-open`, { status: 'discussed' }),
      () => api.patch(`${path}/topics/em-open`, { text: 'Edited afterwards' }),
      () => api.delete(`${path}/topics/em-open`),
      () => api.post(`${path}/topics/em-open/move`, { afterId: null }),
    ]) {
      const res = await change();
      expect(res.status).toBe(409);
      expect(code(res.body)).toBe('meeting_ended');
      expect(ErrorBody.parse(res.body).error.message).toContain(copy.id);
    }
    const done = await api.patch(`${path}/topics/em-done`, { status: 'open' });
    expect(done.status).toBe(409);
    expect(ErrorBody.parse(done.body).error.message).toMatch(/kept as it was/);
    expect(await snapshot(state)).toBe(after);

    expect((await api.put(`${path}/topics/em-done/notes/mine`, { text: 'Written up afterwards' })).status).toBe(200);
    // The carried copy is where the work continues.
    expect((await api.patch(`${path}/topics/${copy.id}`, { status: 'discussed' })).status).toBe(200);
  });
});
