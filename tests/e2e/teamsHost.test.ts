import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member, Series } from '../../domain/entities.js';
import { placeholdersIn, resolvePlaceholders } from '../../scripts/package-app.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt } from '../support/browser.js';
import { pseudoText } from '../../i18n/pseudo.js';
import { startTestIdentityProvider, TEST_TENANT_ID, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startTestService, type TestService } from '../support/service.js';
import { PanelState } from '../../domain/api.js';
import { panelWords, unwrappedTexts } from '../support/pseudoText.js';
import {
  APP_HOST,
  startTeamsHost,
  teamsContext,
  type LegacyContext,
  type TeamsHost,
  type TeamsHostPage,
} from '../support/teamsHost/teamsHost.js';

/**
 * The tab's Teams code path (teams-js initialize, context, SSO, theme,
 * set-up page, stage) against a Teams host in real Chromium. The service
 * runs in production mode: it accepts only tokens its Entra verifier checks
 * against the test identity provider's JWKS.
 */

const SETTLE = { timeout: 20_000 };
const MEETING_ID = 'MCMxOTptZWV0aW5nX3Rlc3RAdGhyZWFkLnYy';

let idp: TestIdentityProvider;
let svc: TestService;
let host: TeamsHost;
let series: Series;
let manager: Member;
let report: Member;

beforeAll(async () => {
  await ensureTabBuilt();
  idp = await startTestIdentityProvider();
  svc = await startTestService({ env: { ...idp.env, DEV_MODE: 'false', PUBLIC_URL: `https://${APP_HOST}` } });
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

function contextFor(member: Member, place: Partial<Parameters<typeof teamsContext>[0]> = {}): LegacyContext {
  return teamsContext({
    userId: member.userId,
    name: member.name,
    tenantId: TEST_TENANT_ID,
    chatId: series.chatId,
    meetingId: MEETING_ID,
    ...place,
  });
}

async function openTab(member: Member, context: LegacyContext, contentUrl = `${host.appOrigin}/panel.html`) {
  const tab = await host.openPage(ssoFor(member));
  await tab.open({ contentUrl, context });
  return tab;
}

async function addTopicAs(member: Member, id: string, text: string): Promise<void> {
  const api = apiClient(svc.url, await idp.signToken(member));
  expect((await api.post(`${seriesPath(series.id)}/topics`, { id, text })).status).toBe(201);
}

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

function panelBackground(tab: TeamsHostPage): Promise<string> {
  return tab.tab
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
}

describe('the side panel in a Teams meeting', () => {
  let panel: TeamsHostPage;

  it('loads the 1:1 through Teams SSO and goes live', { timeout: 90_000 }, async () => {
    panel = await openTab(report, contextFor(report));
    await panel.tab.getByRole('heading', { name: series.title }).waitFor(SETTLE);
    await panel.tab.getByText('add the first topic').waitFor(SETTLE);

    // The panel spoke to Teams, asked it for a token, and the service verified that token.
    const { calls } = await panel.state();
    const funcs = calls.map((c) => c.func);
    expect(funcs.slice(0, 2)).toEqual(['initialize', 'getContext']);
    expect(funcs).toContain('authentication.getAuthToken');
    expect(panel.ssoRequests).toBeGreaterThan(0);

    // Live: a topic the manager adds elsewhere appears without a reload, over the https/wss front.
    await addTopicAs(manager, 'teams-live-1', 'Team offsite');
    await panel.tab.getByRole('listitem', { name: 'Team offsite' }).waitFor(SETTLE);
    // And the panel's own writes go through with Teams tokens.
    await panel.tab.getByLabel('New topic').fill('Growth plan for next year');
    await panel.tab.getByRole('button', { name: 'Add topic' }).click();
    await panel.tab.getByRole('listitem', { name: 'Growth plan for next year' }).waitFor(SETTLE);
  });

  it('switches theme when Teams does, without reloading', { timeout: 60_000 }, async () => {
    await expect.poll(() => panelBackground(panel), SETTLE).toBe(rgb(teamsLightTheme.colorNeutralBackground1));
    await panel.setTheme('dark');
    await expect.poll(() => panelBackground(panel), SETTLE).toBe(rgb(teamsDarkTheme.colorNeutralBackground1));
    await panel.setTheme('contrast');
    await expect.poll(() => panelBackground(panel), SETTLE).toBe(rgb(teamsHighContrastTheme.colorNeutralBackground1));
    // Same page, same panel: the topic is still there, nothing reloaded.
    await panel.tab.getByRole('listitem', { name: 'Team offsite' }).waitFor(SETTLE);
    expect((await panel.state()).calls.filter((c) => c.func === 'initialize')).toHaveLength(1);
  });

  it('opens in the theme Teams starts in', { timeout: 60_000 }, async () => {
    const dark = await openTab(manager, contextFor(manager, { theme: 'dark' }));
    await dark.tab.getByRole('heading', { name: series.title }).waitFor(SETTLE);
    await expect.poll(() => panelBackground(dark), SETTLE).toBe(rgb(teamsDarkTheme.colorNeutralBackground1));
    await dark.page.close();
  });

  it(
    'offers to share the agenda to the stage and shares the panel address Teams accepts',
    { timeout: 60_000 },
    async () => {
      await panel.tab.getByRole('button', { name: 'Share agenda to stage' }).click();
      await panel.tab.getByRole('button', { name: 'Agenda shared to the stage' }).waitFor(SETTLE);
      expect((await panel.state()).shared).toEqual([`${host.appOrigin}/panel.html`]);
    },
  );
});

describe('Teams sign-in failures', () => {
  it('a refused Teams SSO shows what to do and a working Try again', { timeout: 90_000 }, async () => {
    const tab = await host.openPage(async () => ({ ok: false, reason: 'resourceRequiresConsent' }));
    await tab.open({ contentUrl: `${host.appOrigin}/panel.html`, context: contextFor(report) });
    await tab.tab.getByText('The 1:1 could not be opened').waitFor(SETTLE);
    await tab.tab.getByText('needs your permission before Teams can sign you in').waitFor(SETTLE);
    await tab.tab.getByText('resourceRequiresConsent', { exact: false }).waitFor(SETTLE);

    // The person consents; Try again gets a token and opens the 1:1.
    tab.sso = ssoFor(report);
    await tab.tab.getByRole('button', { name: 'Try again' }).click();
    await tab.tab.getByRole('heading', { name: series.title }).waitFor(SETTLE);
  });

  it('a token the service rejects (expired) says so, and Try again recovers', { timeout: 90_000 }, async () => {
    const tab = await host.openPage(async () => ({
      ok: true,
      token: await idp.signToken(report, {}, { expired: true }),
    }));
    await tab.open({ contentUrl: `${host.appOrigin}/panel.html`, context: contextFor(report) });
    await tab.tab.getByText('did not accept your Teams sign-in').waitFor(SETTLE);
    tab.sso = ssoFor(report);
    await tab.tab.getByRole('button', { name: 'Try again' }).click();
    await tab.tab.getByRole('heading', { name: series.title }).waitFor(SETTLE);
  });

  it(
    'an app whose sign-in is not set up for this address says to tell the admin, with no retry loop',
    { timeout: 60_000 },
    async () => {
      const tab = await host.openPage(async () => ({
        ok: false,
        reason: 'App resource defined in manifest and iframe origin do not match',
      }));
      await tab.open({ contentUrl: `${host.appOrigin}/panel.html`, context: contextFor(report) });
      await tab.tab.getByText('Tell your Teams admin').waitFor(SETTLE);
      expect(await tab.tab.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    },
  );
});

describe('outside a meeting', () => {
  it('the panel opened as a personal tab says to open it from the 1:1 meeting', { timeout: 60_000 }, async () => {
    const tab = await openTab(report, contextFor(report, { frameContext: 'content', chatId: '', meetingId: '' }));
    await tab.tab.getByText('Open this from your 1:1 meeting').waitFor(SETTLE);
    // It asked Teams where it is and stopped there: no token, no agenda.
    expect(tab.ssoRequests).toBe(0);
    expect(await tab.tab.getByRole('heading', { name: series.title }).count()).toBe(0);
  });

  it('the meeting chat tab opens the same 1:1 as the side panel', { timeout: 60_000 }, async () => {
    const tab = await openTab(manager, contextFor(manager, { frameContext: 'content' }));
    await tab.tab.getByRole('listitem', { name: 'Team offsite' }).waitFor(SETTLE);
  });

  it('My 1:1s as a personal tab reads in Teams’ language (de-de), dates included', { timeout: 60_000 }, async () => {
    const home = await openTab(
      manager,
      contextFor(manager, { frameContext: 'content', chatId: '', meetingId: '', locale: 'de-de' }),
      `${host.appOrigin}/home.html`,
    );
    await home.tab.getByRole('heading', { name: 'Meine 1:1s', level: 1 }).waitFor(SETTLE);
    await home.tab.getByRole('heading', { name: report.name, level: 3 }).waitFor(SETTLE);
    await home.tab.getByRole('button', { name: `Verlauf mit ${report.name} exportieren` }).waitFor();
    await home.tab.getByText(/^Nächstes 1:1: (Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. /).waitFor();
  });
});

describe('the side panel in the language Teams runs in', () => {
  it('reads German when Teams says de-de, and asks the service in German', { timeout: 90_000 }, async () => {
    const tab = await host.openPage(ssoFor(report));
    const languages = new Set<string>();
    tab.page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/'))
        languages.add(request.headers()['accept-language'] ?? '(none)');
    });
    await tab.open({ contentUrl: `${host.appOrigin}/panel.html`, context: contextFor(report, { locale: 'de-de' }) });
    await tab.tab.getByLabel('Neues Thema').waitFor(SETTLE);
    await tab.tab.getByRole('heading', { name: 'Aufgaben' }).waitFor(SETTLE);
    expect(await tab.tab.getByLabel('New topic').count()).toBe(0);
    expect(await tab.tab.locator('html').getAttribute('lang')).toBe('de-DE');
    // From the first call (the series lookup, before the panel renders) to a write after it.
    await tab.tab.getByLabel('Neues Thema').fill('Teamausflug planen');
    await tab.tab.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    await tab.tab.getByRole('listitem', { name: 'Teamausflug planen' }).waitFor(SETTLE);
    expect([...languages]).toEqual(['de-DE']);
  });
});

describe('the meeting stage', () => {
  it('shows the agenda read-only and live, with no private notes or controls', { timeout: 90_000 }, async () => {
    const stage = await openTab(manager, contextFor(manager, { frameContext: 'meetingStage' }));
    const agenda = stage.tab.getByRole('list', { name: 'Agenda' });
    await agenda.getByRole('listitem', { name: 'Team offsite' }).waitFor(SETTLE);
    await agenda.getByRole('listitem', { name: 'Growth plan for next year' }).waitFor(SETTLE);
    // Read-only: nothing to press or type on the stage (the side panel of the same member has both).
    expect(await stage.tab.getByRole('button').count()).toBe(0);
    expect(await stage.tab.getByRole('textbox').count()).toBe(0);
    expect(await stage.tab.getByText('Private notes').count()).toBe(0);

    await addTopicAs(report, 'teams-stage-1', 'Feedback on the launch');
    await agenda.getByRole('listitem', { name: 'Feedback on the launch' }).waitFor(SETTLE);
  });
});

describe('the set-up page in Teams', () => {
  it('saves a content URL the manifest accepts, and that URL opens the panel', { timeout: 90_000 }, async () => {
    const setup = await openTab(
      manager,
      contextFor(manager, { frameContext: 'settings' }),
      `${host.appOrigin}/config.html`,
    );
    await setup.tab.getByText('Select Save to add the tab.').waitFor(SETTLE);
    await expect.poll(async () => (await setup.state()).valid, SETTLE).toBe(true);
    expect((await setup.state()).handlers).toContain('save');

    expect(await setup.save()).toEqual({ ok: true });
    const saved = (await setup.state()).settings;
    expect(saved).toEqual({
      entityId: 'one-on-one-companion',
      suggestedDisplayName: '1:1 Companion',
      contentUrl: `${host.appOrigin}/panel.html`,
      websiteUrl: `${host.appOrigin}/panel.html`,
    });

    // The manifest this deployment would ship: the saved URL sits on its validDomains, beside configurationUrl.
    const template = await readFile(new URL('../../appPackage/manifest.json', import.meta.url), 'utf8');
    const others = Object.fromEntries(placeholdersIn(template).map((name) => [name, 'placeholder']));
    const manifest = JSON.parse(
      resolvePlaceholders(template, { ...others, APP_DOMAIN: APP_HOST, PUBLIC_URL: host.appOrigin }, 'the test'),
    ) as { validDomains: string[]; configurableTabs: { configurationUrl: string; context: string[] }[] };
    const contentUrl = new URL(String(saved?.contentUrl));
    expect(manifest.validDomains).toContain(contentUrl.host);
    expect(new URL(manifest.configurableTabs[0]!.configurationUrl).origin).toBe(contentUrl.origin);
    expect(manifest.configurableTabs[0]!.context).toEqual(
      expect.arrayContaining(['meetingSidePanel', 'meetingChatTab', 'meetingStage']),
    );

    // Teams then loads what was saved in the meeting's side panel.
    const panel = await openTab(manager, contextFor(manager), String(saved?.contentUrl));
    await panel.tab.getByRole('heading', { name: series.title }).waitFor(SETTLE);
  });

  it('a save Teams refuses is reported on the page and to Teams', { timeout: 60_000 }, async () => {
    const setup = await host.openPage(ssoFor(manager));
    await setup.open({
      contentUrl: `${host.appOrigin}/config.html`,
      context: contextFor(manager, { frameContext: 'settings' }),
      // A manifest whose validDomains forgot this host: Teams refuses the settings.
      validDomains: ['other.contoso.test'],
    });
    await setup.tab.getByText('Select Save to add the tab.').waitFor(SETTLE);
    const outcome = await setup.save();
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toContain('validDomains');
    await setup.tab.getByText('The tab could not be saved').waitFor(SETTLE);
    expect((await setup.state()).settings).toBeUndefined();
  });

  it(
    'reads in Teams’ language: German for de-de, and nothing outside the catalog in the pseudo-locale',
    {
      timeout: 90_000,
    },
    async () => {
      const german = await openTab(
        manager,
        contextFor(manager, { frameContext: 'settings', locale: 'de-de' }),
        `${host.appOrigin}/config.html`,
      );
      await german.tab.getByRole('heading', { name: '1:1 Companion zu dieser Besprechung hinzufügen' }).waitFor(SETTLE);
      await german.tab.getByText('Wählen Sie „Speichern“, um die Registerkarte hinzuzufügen.').waitFor(SETTLE);

      // Outside a meeting chat the page also warns; every word of both states from the catalog.
      const pseudo = await openTab(
        manager,
        contextFor(manager, { frameContext: 'settings', locale: 'qps-ploc', meetingId: undefined }),
        `${host.appOrigin}/config.html`,
      );
      await pseudo.tab.getByText(`⟦${pseudoText('This chat is not a meeting chat')}⟧`).waitFor(SETTLE);
      await pseudo.tab.getByText(`⟦${pseudoText('Select Save to add the tab.')}⟧`).waitFor(SETTLE);
      const frame = pseudo.page.frames().find((f) => f.url().startsWith(`${host.appOrigin}/config.html`));
      expect(await unwrappedTexts(frame!, [])).toEqual([]);
    },
  );
});

describe('the Teams-only surfaces in the pseudo-locale', () => {
  /** The tab's own frame inside the host page. */
  const tabFrame = (tab: TeamsHostPage) => tab.page.frames().find((frame) => frame.url().includes('/panel.html'))!;

  it(
    'the sign-in problem, the personal-tab notice and the stage agenda all come from the catalog',
    { timeout: 90_000 },
    async () => {
      const p = await panelWords('qps-ploc');
      const state = PanelState.parse(
        (await apiClient(svc.url, await idp.signToken(manager)).get(`${seriesPath(series.id)}/state`)).body,
      );
      const seeded = [series.title, manager.name, report.name, ...state.topics.map((t) => t.text)];

      const refused = await host.openPage(async () => ({ ok: false, reason: 'resourceRequiresConsent' }));
      await refused.open({
        contentUrl: `${host.appOrigin}/panel.html`,
        context: contextFor(report, { locale: 'qps-ploc' }),
      });
      await refused.tab.getByText(p('panel.app.failed.title')).waitFor(SETTLE);
      await refused.tab.getByRole('button', { name: p('panel.app.tryAgain') }).waitFor(SETTLE);
      expect(await unwrappedTexts(tabFrame(refused), seeded)).toEqual([]);

      const personal = await openTab(
        report,
        contextFor(report, { frameContext: 'content', chatId: '', meetingId: '', locale: 'qps-ploc' }),
      );
      await personal.tab.getByText(p('panel.app.notInMeeting.title')).waitFor(SETTLE);
      expect(await unwrappedTexts(tabFrame(personal), seeded)).toEqual([]);

      const stage = await openTab(manager, contextFor(manager, { frameContext: 'meetingStage', locale: 'qps-ploc' }));
      await stage.tab
        .getByRole('list', { name: p('panel.agenda.heading') })
        .getByRole('listitem')
        .first()
        .waitFor(SETTLE);
      expect(await unwrappedTexts(tabFrame(stage), seeded)).toEqual([]);
    },
  );
});
