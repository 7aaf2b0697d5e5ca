import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followChatMembers } from '../../bot/src/commands/membership.js';
import { DevSession } from '../../domain/api.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';
import { dayFromToday, panelDayInWords } from '../support/dates.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * Issue 17: the side panel in German (`?locale=de-DE`, as the local meeting
 * page passes it on): German words, German dates, and the language sent to
 * the service with every request. Photographed live for the README.
 */
describe('the side panel in German', { timeout: 180_000 }, () => {
  let browser: LaunchedBrowser;
  let service: TestService;

  beforeAll(async () => {
    await ensureTabBuilt();
    await mkdir(root('docs/screenshots'), { recursive: true });
    service = await startTestService();
    browser = await launchBrowser({ viewport: { width: 320, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('reads German, formats dates the German way, asks the service in German, and runs a 1:1', async () => {
    const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
    const identity = (role: 'report' | 'manager') => session.identities.find((i) => i.role === role)!;
    const as = (role: 'report' | 'manager') => apiClient(service.url, identity(role).token);
    const base = seriesPath(session.seriesId);
    for (const [role, text, category] of [
      ['report', 'Karriereplan: die Q1-Migration leiten', 'growth'],
      ['report', 'Arbeitslast in diesem Sprint', 'wellbeing'],
      ['manager', 'Budget für Q1', 'work'],
    ] as const) {
      expect((await as(role).post(`${base}/topics`, { id: randomUUID(), text, category })).status).toBe(201);
    }
    const item = { id: randomUUID(), text: 'Architekturkurs buchen', ownerId: identity('report').userId };
    const due = dayFromToday(7);
    expect((await as('manager').post(`${base}/action-items`, { ...item, dueDate: due })).status).toBe(201);

    const page = await browser.context.newPage();
    const languages = new Set<string>();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/'))
        languages.add(request.headers()['accept-language'] ?? '(none)');
    });
    try {
      await page.goto(`${service.url}/panel.html?dev=report&locale=de-DE`);
      await page.getByRole('heading', { name: /^Agenda · / }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de-DE');

      // German words, and German dates: "Do., 3. Dez., 10:00", "fällig am 10. Dez.".
      await page
        .getByText(/^Nächstes 1:1: [A-Z][a-z]\., \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+\.?, \d{2}:\d{2}/)
        .first()
        .waitFor();
      await page.getByText(`fällig am ${panelDayInWords(due, 'de-DE')}`).waitFor();
      await page.getByRole('heading', { name: 'Aufgaben' }).waitFor();
      await page.getByRole('heading', { name: 'So laufen Ihre 1:1s' }).waitFor();
      await page.getByRole('checkbox', { name: '„Budget für Q1“ besprochen' }).waitFor();

      // A topic added through the German form.
      await page.getByLabel('Neues Thema').fill('Urlaubsplanung');
      await page.getByLabel('Kategorie').selectOption({ label: 'Wohlbefinden' });
      await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
      await page.getByRole('listitem', { name: 'Urlaubsplanung' }).getByText('Wohlbefinden').waitFor();

      // Live: the German controls start the 1:1 and count what was discussed.
      await page.getByRole('button', { name: '1:1 starten' }).click();
      // The slot may be days away: holding it now is confirmed first, in German too.
      const early = page.getByRole('button', { name: 'Ja, jetzt abhalten' });
      const live = page.getByText('Dieses 1:1 läuft gerade');
      await early.or(live).first().waitFor();
      if (await early.isVisible()) await early.click();
      await live.waitFor();
      await page.getByText('0 von 4 besprochen').waitFor();
      await page.getByRole('checkbox', { name: '„Karriereplan: die Q1-Migration leiten“ besprochen' }).check();
      await page.getByText('1 von 4 besprochen').waitFor();
      await page.screenshot({ path: root('docs/screenshots/panel-live-de.png'), fullPage: true });

      await page.getByRole('button', { name: '1:1 beenden' }).click();
      await page.getByText(/^Das 1:1 vom .+ beenden\? Nicht besprochene Themen wandern ins nächste 1:1\.$/).waitFor();
      await page.getByRole('button', { name: 'Weitermachen' }).click();

      // The service answers in German too: the report leaves the meeting chat, and their next change is refused.
      await followChatMembers(service.service.ctx, session.seriesId, [identity('manager').userId, 'guest-user']);
      await page.getByLabel('Neues Thema').fill('Nach dem Chat');
      await page.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
      const notice = page.getByText(/^Nicht gespeichert – Thema „Nach dem Chat“ hinzufügen: /);
      await notice.waitFor();
      const refused = (await notice.textContent()) ?? '';
      console.info(`refused in German: ${refused}`);
      expect(refused).toMatch(/1:1/);
      expect(refused).not.toMatch(/\b(You|not|member|the)\b/);

      // Every request to the service asked for German (its errors and template topics come back in it).
      expect([...languages]).toEqual(['de-DE']);
    } finally {
      await page.close();
    }
  });

  it('an English-speaking panel stays English and says so to the service (positive control)', async () => {
    const page = await browser.context.newPage();
    const languages = new Set<string>();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/'))
        languages.add(request.headers()['accept-language'] ?? '(none)');
    });
    try {
      await page.goto(`${service.url}/panel.html?dev=manager&locale=en-GB`);
      await page.getByLabel('New topic').waitFor();
      expect(await page.getByText('Neues Thema').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
      expect([...languages]).toEqual(['en-GB']);
    } finally {
      await page.close();
    }
  });
});
