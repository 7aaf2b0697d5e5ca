import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState, RecordResponse } from '../../domain/api.js';
import type { Series } from '../../domain/entities.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';
import { dayFromToday } from '../support/dates.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t?.stop();
});

async function oneOnOne() {
  const series: Series = await seedSeries(t.service);
  const [manager, report] = [
    series.members.find((m) => m.role === 'manager')!,
    series.members.find((m) => m.role === 'report')!,
  ];
  return {
    series,
    manager,
    report,
    asManager: apiClient(t.url, await devToken(t.service, series.tenantId, manager)),
    asReport: apiClient(t.url, await devToken(t.service, series.tenantId, report)),
    path: seriesPath(series.id),
  };
}

const agendaTexts = (state: PanelState) =>
  state.topics
    .filter((x) => !x.deletedAt)
    .sort((a, b) => (a.order < b.order ? -1 : 1))
    .map((x) => x.text);

describe('panel REST API', () => {
  it('loads the panel state of a fresh 1:1 with its first meeting', async () => {
    const { asReport, path, series, report } = await oneOnOne();
    const res = await asReport.get(`${path}/state`);
    expect(res.status).toBe(200);
    const state = PanelState.parse(res.body);
    expect(state.viewer).toEqual(report);
    expect(state.meetings.map((m) => m.id)).toEqual([series.currentMeetingId]);
    expect(state.topics).toEqual([]);
  });

  it("puts the report's topic first, and a retried add does not duplicate it", async () => {
    const { asReport, asManager, path } = await oneOnOne();
    expect((await asManager.post(`${path}/topics`, { id: 'mgr-1', text: 'Quarter planning' })).status).toBe(201);
    const add = { id: 'rep-1', text: 'Where do I want to grow?', category: 'growth' };
    expect((await asReport.post(`${path}/topics`, add)).status).toBe(201);
    expect((await asReport.post(`${path}/topics`, add)).status).toBe(201);
    const state = PanelState.parse((await asManager.get(`${path}/state`)).body);
    expect(agendaTexts(state)).toEqual(['Where do I want to grow?', 'Quarter planning']);
  });

  it('edits, moves, marks discussed, deletes and restores a topic', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 'a', text: 'First' });
    await asReport.post(`${path}/topics`, { id: 'b', text: 'Second' });
    const edited = await asManager.patch(`${path}/topics/a`, { text: 'First, reworded', status: 'discussed' });
    expect(RecordResponse.parse(edited.body).record).toMatchObject({
      text: 'First, reworded',
      status: 'discussed',
      version: 2,
    });
    expect((await asManager.post(`${path}/topics/a/move`, { afterId: 'b' })).status).toBe(200);
    let state = PanelState.parse((await asReport.get(`${path}/state`)).body);
    expect(agendaTexts(state)).toEqual(['Second', 'First, reworded']);

    expect((await asReport.delete(`${path}/topics/b`)).status).toBe(200);
    state = PanelState.parse((await asReport.get(`${path}/state`)).body);
    expect(agendaTexts(state)).toEqual(['First, reworded']);
    expect((await asReport.post(`${path}/topics/b/restore`)).status).toBe(200);
    state = PanelState.parse((await asReport.get(`${path}/state`)).body);
    expect(agendaTexts(state)).toEqual(['Second', 'First, reworded']);
  });

  it('two people changing different fields of one topic at once both keep their change', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 'x', text: 'Workload' });
    await Promise.all([
      asReport.patch(`${path}/topics/x`, { text: 'Workload in December' }),
      asManager.patch(`${path}/topics/x`, { status: 'deferred' }),
      asManager.patch(`${path}/topics/x`, { category: 'wellbeing' }),
    ]);
    const state = PanelState.parse((await asReport.get(`${path}/state`)).body);
    expect(state.topics[0]).toMatchObject({
      text: 'Workload in December',
      status: 'deferred',
      category: 'wellbeing',
      version: 4,
    });
  });

  it('adds and completes an action item owned by either member', async () => {
    const { asReport, asManager, path, report } = await oneOnOne();
    const created = await asManager.post(`${path}/action-items`, {
      id: 'ai-1',
      text: 'Draft the growth plan',
      ownerId: report.userId,
      dueDate: dayFromToday(7),
    });
    expect(created.status).toBe(201);
    const done = await asReport.patch(`${path}/action-items/ai-1`, { done: true });
    expect(RecordResponse.parse(done.body).record).toMatchObject({
      ownerId: report.userId,
      doneAt: expect.any(String),
    });
    const reopened = await asReport.patch(`${path}/action-items/ai-1`, { done: false, dueDate: null });
    const record = RecordResponse.parse(reopened.body).record;
    expect(record).not.toHaveProperty('doneAt');
    expect(record).not.toHaveProperty('dueDate');
  });

  it('answers bad input with a 400 that says what to fix, and stores nothing', async () => {
    const { asReport, path, series } = await oneOnOne();
    const cases: [string, unknown][] = [
      ['/topics', { id: 'ok', text: '' }],
      ['/topics', { id: 'ok', text: 'x'.repeat(501) }],
      ['/topics', { id: 'has space', text: 'Hello' }],
      ['/topics', { id: 'ok', text: 'Hello', category: 'gossip' }],
      ['/topics', { id: 'ok', text: 'Hello', addedBy: 'someone-else' }],
      ['/action-items', { id: 'ok', text: 'Do it', ownerId: 'not-a-member' }],
      ['/action-items', { id: 'ok', text: 'Do it', ownerId: series.members[0]!.userId, dueDate: '31/12/2026' }],
    ];
    for (const [route, body] of cases) {
      const res = await asReport.post(`${path}${route}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toMatch(/\w/);
    }
    const notJson = await asReport.post(`${path}/topics`, '{"id": "ok", "text": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ error: { message: 'The request body is not valid JSON.' } });
    const state = PanelState.parse((await asReport.get(`${path}/state`)).body);
    expect(state.topics).toEqual([]);
    expect(state.actionItems).toEqual([]);
  });

  it('answers 404 for a topic that does not exist and 413 for an oversized body', async () => {
    const { asReport, path } = await oneOnOne();
    expect((await asReport.patch(`${path}/topics/nope`, { text: 'x' })).status).toBe(404);
    expect((await asReport.put(`${path}/topics/nope/notes/mine`, { text: 'x'.repeat(200_000) })).status).toBe(413);
  });

  it('pushes every committed change to the other member’s open panel', async () => {
    const { asReport, series, manager, path } = await oneOnOne();
    const managerPanel = await connectPanel(t.url, await devToken(t.service, series.tenantId, manager), series.id);
    try {
      await asReport.post(`${path}/topics`, { id: 'live-1', text: 'Feedback on my talk', category: 'feedback' });
      await asReport.patch(`${path}/topics/live-1`, { status: 'discussed' });
      const seen = await eventually(
        () => managerPanel.records().find((r) => r.id === 'live-1' && r.type === 'topic' && r.status === 'discussed'),
        'the discussed topic on the manager panel',
      );
      expect(seen).toMatchObject({ text: 'Feedback on my talk', version: 2 });
    } finally {
      managerPanel.close();
    }
  });

  it('shared notes: each member writes their own entry, so concurrent typing loses nothing', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 'n', text: 'Conference talk' });
    await Promise.all([
      asReport.put(`${path}/topics/n/notes/mine`, { text: 'I want to submit by Friday' }),
      asManager.put(`${path}/topics/n/notes/mine`, { text: 'Happy to review the abstract' }),
    ]);
    const state = PanelState.parse((await asReport.get(`${path}/state`)).body);
    expect(state.sharedNotes.map((n) => n.text).sort()).toEqual([
      'Happy to review the abstract',
      'I want to submit by Friday',
    ]);
  });

  it('a private note reaches its author only', async () => {
    const { asReport, asManager, path, series, manager } = await oneOnOne();
    const managerPanel = await connectPanel(t.url, await devToken(t.service, series.tenantId, manager), series.id);
    try {
      const res = await asReport.put(`${path}/meetings/${series.currentMeetingId}/private-note`, {
        text: 'Feeling burned out, raise gently',
      });
      expect(res.status).toBe(200);
      await asReport.post(`${path}/topics`, { id: 'after-note', text: 'Next' });
      await eventually(() => managerPanel.records().some((r) => r.id === 'after-note'), 'a later event');
      expect(JSON.stringify(managerPanel.changes)).not.toContain('burned out');
      const managerState = PanelState.parse((await asManager.get(`${path}/state`)).body);
      expect(managerState.privateNotes).toEqual([]);
      const reportState = PanelState.parse((await asReport.get(`${path}/state`)).body);
      expect(reportState.privateNotes.map((n) => n.text)).toEqual(['Feeling burned out, raise gently']);
    } finally {
      managerPanel.close();
    }
  });

  it('refuses a member of another 1:1 with the same answer as for a series that does not exist', async () => {
    const mine = await oneOnOne();
    const theirs = await oneOnOne();
    const other = await mine.asReport.get(`${theirs.path}/state`);
    const missing = await mine.asReport.get(`${seriesPath('s-does-not-exist')}/state`);
    expect(other.status).toBe(403);
    expect(missing).toEqual(other);
  });
});
