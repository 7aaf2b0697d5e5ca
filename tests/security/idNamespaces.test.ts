import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorBody } from '../../domain/api.js';
import type { Member, Series } from '../../domain/entities.js';
import { derivedId } from '../../domain/ids.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';

/** Issue 12.7: ids a client chooses and ids the server derives live in separate namespaces. */
let svc: TestService;
let series: Series;
let manager: Member;
let report: Member;

beforeAll(async () => {
  svc = await startTestService();
  series = await seedSeries(svc.service);
  [manager, report] = series.members as [Member, Member];
});

afterAll(async () => {
  await svc?.stop();
});

const as = async (member: Member) => apiClient(svc.url, await devToken(svc.service, series.tenantId, member));

it('a topic created with the id the server derives for the other member’s note is refused, and that note still saves', async () => {
  const asReport = await as(report);
  const asManager = await as(manager);
  expect(
    (await asReport.post(`${seriesPath(series.id)}/topics`, { id: 'growth-plan', text: 'Growth plan' })).status,
  ).toBe(201);
  const squatted = await asReport.post(`${seriesPath(series.id)}/topics`, {
    id: derivedId('note', 'growth-plan', manager.userId),
    text: 'Squatting on the manager’s note',
  });
  expect(squatted.status).toBe(400);
  expect(ErrorBody.parse(squatted.body).error.message).toMatch(/id/);
  const note = await asManager.put(`${seriesPath(series.id)}/topics/growth-plan/notes/mine`, { text: 'Mine' });
  expect(note.status).toBe(200);
});

it('ids shaped like the server’s meeting, series or card ids are refused for topics and action items', async () => {
  const asReport = await as(report);
  const claims = [
    await asReport.post(`${seriesPath(series.id)}/topics`, { id: series.currentMeetingId, text: 'Not a meeting' }),
    await asReport.post(`${seriesPath(series.id)}/topics`, { id: 'm-20991231T2300', text: 'A future meeting slot' }),
    await asReport.post(`${seriesPath(series.id)}/topics`, { id: series.id, text: 'The series itself' }),
    await asReport.post(`${seriesPath(series.id)}/action-items`, {
      id: derivedId('private', series.currentMeetingId, manager.userId),
      text: 'Squat the private note id',
      ownerId: report.userId,
    }),
  ];
  expect(claims.map((c) => c.status)).toEqual([400, 400, 400, 400]);
  // Positive control: an ordinary client id (what the panel generates) is accepted.
  const ok = await asReport.post(`${seriesPath(series.id)}/topics`, {
    id: '0b7c1e9a-58c4-4c4e-9a51-3c8f1f0b2f10',
    text: 'An ordinary topic',
  });
  expect(ok.status).toBe(201);
});
