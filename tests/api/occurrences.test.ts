import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, PanelState, RecordResponse } from '../../domain/api.js';
import type { Weekday } from '../../domain/entities.js';
import { SearchResults } from '../../domain/home.js';
import { DEFAULT_REJOIN_WINDOW_MINUTES, heldSlot } from '../../domain/occurrence.js';
import { AdjustableClock } from '../../bot/src/clock.js';
import { DEFAULT_CADENCE } from '../../bot/src/commands/series.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';

/**
 * Occurrence (the calendar slot) and session (when the call was held) over
 * HTTP against the real service: a 1:1 held days before its slot is dated by
 * the day it was held on every surface, asks first, and a call that dropped
 * and was rejoined stays one 1:1.
 */
let t: TestService;
const clock = new AdjustableClock();
beforeAll(async () => {
  t = await startTestService({ clock });
});
afterAll(async () => {
  await t?.stop();
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A 1:1 whose next slot is three days from the service's now (09:00 UTC): more than a day away. */
async function oneOnOneInThreeDays() {
  const weekday = WEEKDAYS[new Date(clock.now().getTime() + 3 * DAY).getUTCDay()]!;
  const series = await seedSeries(t.service, { cadence: { ...DEFAULT_CADENCE, weekday, timeZone: 'UTC' } });
  const member = (role: 'manager' | 'report') => series.members.find((m) => m.role === role)!;
  const report = apiClient(t.url, await devToken(t.service, series.tenantId, member('report')));
  const manager = apiClient(t.url, await devToken(t.service, series.tenantId, member('manager')));
  const path = seriesPath(series.id);
  const state = async () => PanelState.parse((await report.get(`${path}/state`)).body);
  return { series, report, manager, path, state };
}

const code = (body: unknown) => ErrorBody.parse(body).error.code;

describe('a 1:1 held before its slot', () => {
  it('a start more than a day before the slot answers 409 early_start and changes nothing, until confirmed', async () => {
    const { report, path, state } = await oneOnOneInThreeDays();
    const before = await state();
    const slot = before.meetings.find((m) => m.id === before.series.currentMeetingId)!;
    expect(Date.parse(slot.scheduledStart) - clock.now().getTime()).toBeGreaterThan(DAY);

    const refused = await report.post(`${path}/meetings/current/start`);
    expect(refused.status).toBe(409);
    expect(code(refused.body)).toBe('early_start');
    expect(ErrorBody.parse(refused.body).error.message).toMatch(/more than a day from now.*confirm/);
    expect((await state()).meetings).toEqual(before.meetings);

    // Positive control: confirmed, the same start starts it.
    const started = await report.post(`${path}/meetings/current/start`, { early: true });
    expect(started.status).toBe(200);
    expect(RecordResponse.parse(started.body).record).toMatchObject({ id: slot.id, status: 'live' });
  });

  it('ended, it is dated by the day it was held in the panel, history, search and export', async () => {
    const { report, manager, path, state, series } = await oneOnOneInThreeDays();
    await report.post(`${path}/topics`, { id: 'early-topic', text: 'Quarterly goals early bird' });
    const meetingId = (await state()).series.currentMeetingId;
    await report.post(`${path}/meetings/${meetingId}/start`, { early: true });
    clock.advanceBy(20 * MINUTE);
    expect((await report.post(`${path}/meetings/${meetingId}/end`)).status).toBe(200);

    const held = (await state()).meetings.find((m) => m.id === meetingId)!;
    const heldDay = held.startedAt!.slice(0, 10);
    const slotDay = held.scheduledStart.slice(0, 10);
    expect(heldDay).not.toBe(slotDay);
    expect(heldSlot(held, 'UTC')).toEqual({ timing: 'early', slot: held.scheduledStart });

    const history = (await report.get(`${path}/history`)).body as { meetings?: { id: string }[] };
    expect(JSON.stringify(history)).toContain(meetingId);

    // Not discussed, the topic was carried: search shows it once, on the next agenda, with the
    // meeting it was on before dated by the day that meeting was held.
    const search = SearchResults.parse((await manager.get('/me/search?q=early%20bird')).body);
    const hits = search.hits.filter((h) => h.seriesId === series.id);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.alsoOn?.map((at) => at.slice(0, 10))).toEqual([heldDay]);

    // The export's heading of that meeting is its held day, in the reader's words (the series is in UTC).
    const longDay = (iso: string) =>
      new Intl.DateTimeFormat('en-US', {
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(iso));
    const exported = (await manager.get(`${path}/export`)).body as string;
    expect(exported).toContain(`## ${longDay(held.startedAt!)} — held`);
    expect(exported).not.toContain(`## ${longDay(held.scheduledStart)} — held`);
  });
});

describe('a dropped call rejoined', () => {
  it('start → end → start within the window → end is one 1:1 held, its open topics carried once', async () => {
    const { report, path, state } = await oneOnOneInThreeDays();
    await report.post(`${path}/topics`, { id: 'rj-open', text: 'Still open' });
    await report.post(`${path}/topics`, { id: 'rj-later', text: 'Discussed after the rejoin' });
    const first = (await state()).series.currentMeetingId;
    await report.post(`${path}/meetings/current/start`, { early: true });
    clock.advanceBy(10 * MINUTE);
    expect((await report.post(`${path}/meetings/current/end`)).status).toBe(200);
    const next = (await state()).series.currentMeetingId;
    expect(next).not.toBe(first);

    // The call dropped; two minutes later it is rejoined from the panel (Start names the current meeting).
    clock.advanceBy(2 * MINUTE);
    const rejoined = await report.post(`${path}/meetings/${next}/start`);
    expect(rejoined.status).toBe(200);
    expect(RecordResponse.parse(rejoined.body).record).toMatchObject({ id: first, status: 'live' });
    const during = await state();
    expect(during.series.currentMeetingId).toBe(first);
    expect(during.meetings.find((m) => m.id === next)?.status).toBe('scheduled');

    await report.patch(`${path}/topics/rj-later`, { status: 'discussed' });
    clock.advanceBy(15 * MINUTE);
    expect((await report.post(`${path}/meetings/current/end`)).status).toBe(200);

    const after = await state();
    expect(after.meetings.filter((m) => m.status === 'ended').map((m) => m.id)).toEqual([first]);
    expect(after.series.currentMeetingId).toBe(next);
    const ended = after.meetings.find((m) => m.id === first)!;
    // From the first start to the final end (the clock also runs on in real time while the test does).
    const heldFor = Date.parse(ended.endedAt!) - Date.parse(ended.startedAt!);
    expect(heldFor).toBeGreaterThanOrEqual(27 * MINUTE);
    expect(heldFor).toBeLessThan(28 * MINUTE);
    const onNext = after.topics.filter((x) => x.meetingId === next && !x.deletedAt);
    expect(onNext.map((x) => [x.text, x.carriedOverCount])).toEqual([['Still open', 1]]);
  });

  it('both people rejoining at once reopen it once; a start after the window is the next 1:1', async () => {
    const { report, manager, path, state } = await oneOnOneInThreeDays();
    const first = (await state()).series.currentMeetingId;
    await report.post(`${path}/meetings/current/start`, { early: true });
    await report.post(`${path}/meetings/current/end`);
    const next = (await state()).series.currentMeetingId;
    clock.advanceBy(MINUTE);
    const both = await Promise.all([
      report.post(`${path}/meetings/current/start`),
      manager.post(`${path}/meetings/current/start`),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => RecordResponse.parse(r.body).record.id)).toEqual([first, first]);
    const reopened = await state();
    expect(reopened.meetings.filter((m) => m.status === 'live').map((m) => m.id)).toEqual([first]);

    await report.post(`${path}/meetings/current/end`);
    clock.advanceBy((DEFAULT_REJOIN_WINDOW_MINUTES + 1) * MINUTE);
    // Later than the window: not a rejoin, the next slot (a week away) asks first, then starts.
    expect(code((await report.post(`${path}/meetings/current/start`)).body)).toBe('early_start');
    const started = await report.post(`${path}/meetings/current/start`, { early: true });
    expect(RecordResponse.parse(started.body).record).toMatchObject({ id: next, status: 'live' });
  });
});
