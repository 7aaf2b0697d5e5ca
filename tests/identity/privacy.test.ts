import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import type { Member, Series } from '../../domain/entities.js';
import { createLogger } from '../../bot/src/logger.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import { startTestIdentityProvider, TEST_TENANT_ID, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startTestService, type TestService } from '../support/service.js';

/** Everything the service logs, at the most verbose level, through the production logger configuration. */
const logLines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});

const SECRET = `I worry Sam is close to burning out ${process.pid}-${Date.now()}`;

let idp: TestIdentityProvider;
let svc: TestService;
let series: Series;
let manager: Member;
let report: Member;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  svc = await startTestService({
    env: { ...idp.env, DEV_MODE: 'false', LOG_LEVEL: 'trace' },
    logger: createLogger({ LOG_LEVEL: 'trace' }, capture),
  });
  series = await seedSeries(svc.service, { tenantId: TEST_TENANT_ID });
  [manager, report] = series.members as [Member, Member];
});

afterAll(async () => {
  await svc?.stop();
  await idp?.close();
});

it('a private note reaches its author alone: not the other member’s state, events or the logs', async () => {
  const managerApi = apiClient(svc.url, await idp.signToken(manager));
  const reportApi = apiClient(svc.url, await idp.signToken(report));
  const managerPanel = await connectPanel(svc.url, await idp.signToken(manager), series.id);
  const reportPanel = await connectPanel(svc.url, await idp.signToken(report), series.id);
  try {
    const notePath = `${seriesPath(series.id)}/meetings/${series.currentMeetingId}/private-note`;
    expect((await managerApi.put(notePath, { text: SECRET })).status).toBe(200);
    expect((await managerApi.put(notePath, { text: `${SECRET} (edited)` })).status).toBe(200);
    // Refused writes carrying the secret must not leak it into logs either.
    expect((await managerApi.put(notePath, { text: `${SECRET}${'!'.repeat(20_000)}` })).status).toBe(400);
    expect((await managerApi.put(notePath, { text: SECRET, authorId: report.userId })).status).toBe(400);
    expect((await managerApi.put(notePath, `{"text": "${SECRET}"`)).status).toBe(400);
    // The report's own private note, and a shared change both must see.
    expect((await reportApi.put(notePath, { text: 'My own reminder' })).status).toBe(200);
    expect(
      (await managerApi.post(`${seriesPath(series.id)}/topics`, { id: 'shared-1', text: 'Team offsite' })).status,
    ).toBe(201);

    await eventually(() => reportPanel.records().some((r) => r.id === 'shared-1'), 'the shared topic at the report');
    await eventually(
      () => managerPanel.records().some((r) => r.type === 'privateNote' && r.text === `${SECRET} (edited)`),
      'the private note at its author',
    );

    const managerState = PanelState.parse((await managerApi.get(`${seriesPath(series.id)}/state`)).body);
    const reportState = PanelState.parse((await reportApi.get(`${seriesPath(series.id)}/state`)).body);
    expect(managerState.privateNotes.map((n) => n.text)).toEqual([`${SECRET} (edited)`]);
    expect(reportState.privateNotes.map((n) => [n.authorId, n.text])).toEqual([[report.userId, 'My own reminder']]);
    expect(JSON.stringify(reportState)).not.toContain(SECRET);

    const reportSaw = JSON.stringify(reportPanel.changes);
    expect(reportSaw).not.toContain(SECRET);
    expect(reportPanel.records().filter((r) => r.type === 'privateNote' && r.authorId !== report.userId)).toEqual([]);
    expect(JSON.stringify(managerPanel.changes)).not.toContain('My own reminder');

    expect((await managerApi.post(`${seriesPath(series.id)}/meetings/current/start`, { early: true })).status).toBe(
      200,
    );
    const ended = await managerApi.post(`${seriesPath(series.id)}/meetings/current/end`);
    expect(ended.status).toBe(200);
    expect(JSON.stringify(ended.body)).not.toContain('My own reminder');
    expect(JSON.stringify((await reportApi.get(`${seriesPath(series.id)}/state`)).body)).not.toContain(SECRET);
  } finally {
    managerPanel.close();
    reportPanel.close();
  }

  // The capture works (requests were logged) and never saw the secret.
  const logs = logLines.join('');
  expect(logs).toContain('"request"');
  expect(logs).not.toContain(SECRET);
  expect(logs).not.toContain('My own reminder');
});
