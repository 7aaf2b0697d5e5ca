import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../domain/api.js';
import type { Member, Series } from '../../domain/entities.js';
import { HomeView, SearchResults } from '../../domain/home.js';
import { writeUserIndex } from '../../bot/src/commands/userIndex.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t?.stop());

async function oneOnOne() {
  const series: Series = await seedSeries(t.service);
  const [manager, report] = series.members as [Member, Member];
  const as = async (m: Member) => apiClient(t.url, await devToken(t.service, series.tenantId, m));
  return {
    series,
    manager,
    report,
    asManager: await as(manager),
    asReport: await as(report),
    path: seriesPath(series.id),
  };
}

describe('My 1:1s over HTTP', () => {
  it('refuses a search too short or too long with a message a person can act on, and a repeated q', async () => {
    const { asManager } = await oneOnOne();
    const short = await asManager.get('/me/search?q=a');
    expect(short.status).toBe(400);
    expect(ErrorBody.parse(short.body).error.message).toMatch(/at least 2 characters/);
    expect((await asManager.get(`/me/search?q=${'x'.repeat(101)}`)).status).toBe(400);
    expect((await asManager.get('/me/search?q=ab&q=cd')).status).toBe(400);
  });

  it('searches my private notes and never the other member’s, in every 1:1 of mine', async () => {
    const { series, asManager, asReport, path } = await oneOnOne();
    const privatePath = `${path}/meetings/${series.currentMeetingId}/private-note`;
    expect((await asManager.put(privatePath, { text: 'Promotion case: strong' })).status).toBe(200);
    expect((await asReport.put(privatePath, { text: 'Promotion hopes, unsure' })).status).toBe(200);
    expect((await asReport.post(`${path}/topics`, { id: 'promo', text: 'Promotion timeline' })).status).toBe(201);

    const mine = SearchResults.parse((await asManager.get('/me/search?q=promotion')).body);
    expect(mine.hits.map((h) => [h.kind, h.excerpt]).sort()).toEqual([
      ['privateNote', 'Promotion case: strong'],
      ['topic', 'Promotion timeline'],
    ]);
    const theirs = SearchResults.parse((await asReport.get('/me/search?q=promotion')).body);
    expect(theirs.hits.map((h) => h.excerpt).sort()).toEqual(['Promotion hopes, unsure', 'Promotion timeline']);
  });

  it('exports one 1:1 as a Markdown attachment with only the exporter’s private notes, marked', async () => {
    const { series, asManager, asReport, path } = await oneOnOne();
    const privatePath = `${path}/meetings/${series.currentMeetingId}/private-note`;
    await asManager.put(privatePath, { text: 'Manager-only thought' });
    await asReport.put(privatePath, { text: 'Report-only thought' });
    await asReport.post(`${path}/topics`, { id: 'exp', text: 'Shared topic for export' });

    const response = await fetch(`${t.url}/api${path}/export`, {
      headers: { authorization: `Bearer ${await devToken(t.service, series.tenantId, series.members[1]!)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="alex-sam-1-1-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const markdown = await response.text();
    expect(markdown).toContain('Shared topic for export');
    expect(markdown).toContain('### Private — only Sam Rivera can read this');
    expect(markdown).toContain('Report-only thought');
    expect(markdown).not.toContain('Manager-only');
    expect(markdown).not.toContain('Manager\\-only');
  });

  it('shows nothing of a 1:1 its index entry still names after the person left it', async () => {
    const { series, report, asReport, path } = await oneOnOne();
    expect((await asReport.post(`${path}/topics`, { id: 'left', text: 'Roadmap worries' })).status).toBe(201);
    expect(HomeView.parse((await asReport.get('/me/home')).body).rows.map((r) => r.seriesId)).toEqual([series.id]);
    expect(SearchResults.parse((await asReport.get('/me/search?q=roadmap')).body).hits).toHaveLength(1);
    // The series now has someone else as its report, but this person's index entry is left behind.
    const [manager] = series.members as [Member, Member];
    const successor: Member = { userId: `${report.userId}-next`, name: 'Kim Lee', role: 'report' };
    const stored = (await t.service.ctx.store.records.read(series.id, series.id))!;
    await t.service.ctx.store.records.replace(
      { ...(stored.record as Series), members: [manager, successor] },
      stored.etag,
    );
    await writeUserIndex(t.service.ctx, { ...series, members: [manager, successor] });

    const view = HomeView.parse((await asReport.get('/me/home')).body);
    expect(view.rows).toEqual([]);
    expect(SearchResults.parse((await asReport.get('/me/search?q=roadmap')).body).hits).toEqual([]);
    expect((await asReport.get(`${path}/export`)).status).toBe(403);
  });
});
