import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState, RecordResponse } from '../../domain/api.js';
import type { Series } from '../../domain/entities.js';
import { ChangesResponse } from '../../domain/realtime.js';
import { CATCH_UP_HORIZON_MS, CLOCK_TICKS_PER_MS, highestClock } from '../../domain/seriesClock.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t?.stop();
});

async function oneOnOne() {
  const series: Series = await seedSeries(t.service);
  const manager = series.members.find((m) => m.role === 'manager')!;
  const report = series.members.find((m) => m.role === 'report')!;
  return {
    series,
    manager,
    report,
    asManager: apiClient(t.url, await devToken(t.service, series.tenantId, manager)),
    asReport: apiClient(t.url, await devToken(t.service, series.tenantId, report)),
    path: seriesPath(series.id),
  };
}

function stateClock(body: unknown): number {
  const state = PanelState.parse(body);
  return highestClock([state.series, ...state.meetings, ...state.topics, ...state.actionItems, ...state.sharedNotes]);
}

async function changes(client: ReturnType<typeof apiClient>, path: string, since: number | string) {
  const res = await client.get(`${path}/changes?since=${since}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ChangesResponse.parse(res.body);
}

describe('the series clock', () => {
  it('every write stamps a clock past the one before, and the event carries it', async () => {
    const { asReport, path, series, report } = await oneOnOne();
    const panel = await connectPanel(t.url, await devToken(t.service, series.tenantId, report), series.id);
    try {
      const clocks: number[] = [];
      for (const [i, text] of ['One', 'Two', 'Three'].entries()) {
        const res = await asReport.post(`${path}/topics`, { id: `clocked-${i}`, text });
        clocks.push(RecordResponse.parse(res.body).record.clock!);
      }
      const edited = RecordResponse.parse((await asReport.patch(`${path}/topics/clocked-0`, { text: 'One!' })).body);
      clocks.push(edited.record.clock!);
      expect([...clocks].sort((a, b) => a - b)).toEqual(clocks);
      expect(new Set(clocks).size).toBe(4);
      const event = await eventually(
        () => panel.changes.find((c) => c.records.some((r) => r.id === 'clocked-0' && r.version === 2)),
        'the edit event',
      );
      expect(event.clock).toBe(edited.record.clock);
    } finally {
      panel.close();
    }
  });
});

describe('GET /api/series/:seriesId/changes?since=N', () => {
  it('returns what changed since the panel’s clock, deletions (tombstones) included', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 'kept', text: 'Kept' });
    await asReport.post(`${path}/topics`, { id: 'deleted-later', text: 'Deleted later' });
    const since = stateClock((await asManager.get(`${path}/state`)).body);

    await asReport.delete(`${path}/topics/deleted-later`);
    await asReport.post(`${path}/topics`, { id: 'added-later', text: 'Added later' });
    const answer = await changes(asManager, path, since);
    if (answer.reset) throw new Error('expected a catch-up, not a reset');
    const byId = new Map(answer.records.map((r) => [r.id, r]));
    expect(byId.get('deleted-later')).toMatchObject({ deletedAt: expect.any(String), version: 2 });
    expect(byId.get('added-later')).toMatchObject({ text: 'Added later' });
    expect(answer.clock).toBe(highestClock(answer.records));
    expect(answer.clock).toBeGreaterThan(since);
  });

  it('sends private notes to their author only', async () => {
    const { asReport, asManager, path, series } = await oneOnOne();
    const since = stateClock((await asManager.get(`${path}/state`)).body);
    const note = `${path}/meetings/${series.currentMeetingId}/private-note`;
    expect((await asReport.put(note, { text: 'report only: ask about the move' })).status).toBe(200);
    expect((await asManager.put(note, { text: 'manager only: promotion case' })).status).toBe(200);

    const mine = await changes(asReport, path, since);
    const theirs = await changes(asManager, path, since);
    const privateTexts = (c: ChangesResponse) =>
      c.reset ? [] : c.records.flatMap((r) => (r.type === 'privateNote' ? [r.text] : []));
    // Positive control: each author does get their own note back.
    expect(privateTexts(mine)).toEqual(['report only: ask about the move']);
    expect(privateTexts(theirs)).toEqual(['manager only: promotion case']);
  });

  it('tells a panel away longer than the horizon (or with no clock) to reload instead', async () => {
    const { asReport, path } = await oneOnOne();
    const old = (Date.now() - CATCH_UP_HORIZON_MS - 60_000) * CLOCK_TICKS_PER_MS;
    expect(await changes(asReport, path, old)).toEqual({ reset: true, reason: 'horizon' });
    expect(await changes(asReport, path, 0)).toEqual({ reset: true, reason: 'horizon' });
  });

  it('tells a panel whose clock is ahead of the series’ own to reload, and says so (issue 23.5)', async () => {
    const { asReport, asManager, path, series } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 'latest', text: 'Latest' });
    const held = stateClock((await asManager.get(`${path}/state`)).body);
    const yearAhead = (Date.now() + 365 * 24 * 60 * 60 * 1000) * CLOCK_TICKS_PER_MS;
    const raw = await asManager.get(`${path}/changes?since=${yearAhead}`);
    expect(raw.body).toEqual({ reset: true, reason: 'ahead' });
    expect(await changes(asManager, path, held + 1)).toEqual({ reset: true, reason: 'ahead' });
    // Positive controls: the clock the panel really holds catches up, and so does an author whose
    // highest clock is their own private note (in its own container).
    const inStep = await changes(asManager, path, held);
    expect(inStep.reset).toBe(false);
    const note = await asReport.put(`${path}/meetings/${series.currentMeetingId}/private-note`, { text: 'mine' });
    const noteClock = RecordResponse.parse(note.body).record.clock!;
    expect(noteClock).toBeGreaterThan(held);
    expect((await changes(asReport, path, noteClock)).reset).toBe(false);
    expect(await changes(asManager, path, noteClock)).toEqual({ reset: true, reason: 'ahead' });
  });

  it('refuses a clock that is not a whole number with a message a person can act on', async () => {
    const { asReport, path } = await oneOnOne();
    for (const bad of ['', 'abc', '-5', '1.5', '12345678901234567890']) {
      const res = await asReport.get(`${path}/changes?since=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/since/);
    }
    expect((await asReport.get(`${path}/changes`)).status).toBe(400);
  });

  it('answers a non-member 403, like every route of a 1:1', async () => {
    const { path } = await oneOnOne();
    const other = await oneOnOne();
    const res = await other.asReport.get(`${path}/changes?since=${Date.now() * CLOCK_TICKS_PER_MS}`);
    expect(res.status).toBe(403);
  });
});
