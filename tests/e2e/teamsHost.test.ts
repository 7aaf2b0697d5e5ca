import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, Series } from '../../domain/entities.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt } from '../support/browser.js';
import { startTestIdentityProvider, TEST_TENANT_ID, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startTestService, type TestService } from '../support/service.js';
import { startTeamsHost, teamsContext, type TeamsHost, type TeamsHostPage } from '../support/teamsHost/teamsHost.js';

let idp: TestIdentityProvider;
let svc: TestService;
let host: TeamsHost;
let series: Series;
let manager: Member;
let report: Member;

beforeAll(async () => {
  await ensureTabBuilt();
  idp = await startTestIdentityProvider();
  svc = await startTestService({ env: { ...idp.env, DEV_MODE: 'false' } });
  host = await startTeamsHost({ serviceUrl: svc.url });
  series = await seedSeries(svc.service, { tenantId: TEST_TENANT_ID });
  [manager, report] = series.members as [Member, Member];
});

afterAll(async () => {
  await host?.close();
  await svc?.stop();
  await idp?.close();
});

/** Teams' SSO for one signed-in person: a real token from the test identity provider. */
function ssoFor(member: Member) {
  return async () => ({ ok: true as const, token: await idp.signToken(member) });
}

describe('the side panel in a Teams meeting', () => {
  let tab: TeamsHostPage;

  it('loads the 1:1 through Teams SSO and goes live', { timeout: 90_000 }, async () => {
    tab = await host.openPage(ssoFor(report));
    await tab.open({
      contentUrl: `${host.appOrigin}/panel.html`,
      context: teamsContext({
        userId: report.userId,
        tenantId: TEST_TENANT_ID,
        chatId: series.chatId,
        meetingId: 'meeting-1',
      }),
    });
    await tab.tab.getByRole('heading', { name: series.title }).waitFor({ timeout: 20_000 });
    expect(tab.ssoRequests).toBeGreaterThan(0);
    const managerApi = apiClient(svc.url, await idp.signToken(manager));
    expect((await managerApi.post(`${seriesPath(series.id)}/topics`, { id: 'live-1', text: 'Team offsite' })).status).toBe(201);
    await tab.tab.getByRole('listitem', { name: 'Team offsite' }).waitFor({ timeout: 20_000 });
  });
});
