import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession } from '../../domain/api.js';
import type { Meeting, Series, Topic } from '../../domain/entities.js';
import { HomeView } from '../../domain/home.js';
import { occurrencesBetween } from '../../domain/schedule.js';
import { meetingIdFor, seriesIdForChat } from '../../domain/series.js';
import { DEMO_TEAM } from '../../bot/src/commands/series.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { unwrappedTexts } from '../support/pseudoText.js';
import { startTestService, type TestService } from '../support/service.js';

const SETTLE = { timeout: 15_000, interval: 100 };
const DAY = 86_400_000;
const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);

/**
 * The pages around the side panel in the reader's language: "My 1:1s" in
 * German, "My 1:1s" and the set-up page in the pseudo-locale (any text that
 * bypassed the catalogs shows up unwrapped), and the local meeting page's
 * language switcher, which hands its choice to both panels and to the bot.
 */
describe('the pages in the reader’s language', () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  let session: DevSession;
  /** What the test seeded or the dev seed holds: people, 1:1 titles, topics, notes, action items. */
  const seeded: string[] = [];
  const ACTION_ITEM = 'Send Sam the promotion criteria';
  let due = '';

  const manager = () => apiClient(service.url, session.identities.find((i) => i.role === 'manager')!.token);

  /** Jordan's last four 1:1s as records: two held with a topic each, then two skipped (a signal worth a look). */
  async function jordanHistory(seriesId: string): Promise<void> {
    const records = service.service.ctx.store.records;
    const series = (await records.read(seriesId, seriesId))!.record as Series;
    const current = (await records.read(seriesId, series.currentMeetingId))!.record as Meeting;
    const now = service.service.clock.now();
    const slots = occurrencesBetween(
      series.cadence,
      new Date(now.getTime() - 120 * DAY),
      now,
      new Date(current.scheduledStart),
    ).slice(-4);
    const statuses: Meeting['status'][] = ['ended', 'ended', 'skipped', 'skipped'];
    for (const [i, start] of slots.entries()) {
      const stamp = start.toISOString();
      const status = statuses[i]!;
      const id = meetingIdFor(start);
      const base = { seriesId, version: 1, createdAt: stamp, updatedAt: stamp };
      await records.create({
        ...base,
        id,
        type: 'meeting',
        scheduledStart: stamp,
        status,
        ...(status === 'ended'
          ? { startedAt: stamp, endedAt: new Date(start.getTime() + 30 * 60_000).toISOString() }
          : {}),
      } satisfies Meeting);
      if (status !== 'ended') continue;
      const report = series.members.find((m) => m.role === 'report')!;
      await records.create({
        ...base,
        id: `${id}-talk`,
        type: 'topic',
        meetingId: id,
        text: 'Conference talk',
        category: 'growth',
        addedBy: report.userId,
        order: 'a0',
        status: 'discussed',
        carriedOverCount: 0,
        originId: `${id}-talk`,
      } satisfies Topic);
    }
  }

  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${service.url}${path}`);
    return page;
  }

  beforeAll(async () => {
    await ensureTabBuilt();
    service = await startTestService();
    session = DevSession.parse(await (await fetch(`${service.url}/api/dev/home-session`)).json());
    const alex = session.identities.find((i) => i.role === 'manager')!;
    due = new Date(service.service.clock.now().getTime() + 5 * DAY).toISOString().slice(0, 10);
    const added = await manager().post(`${seriesPath(session.seriesId)}/action-items`, {
      id: 'alex-owes-sam',
      text: ACTION_ITEM,
      ownerId: alex.userId,
      dueDate: due,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const jordan = seriesIdForChat(DEMO_TEAM[1]!.chatId);
    expect(
      (await manager().post(`${seriesPath(jordan)}/topics`, { id: 'offsite', text: 'Team offsite', category: 'work' }))
        .status,
    ).toBe(201);

    await jordanHistory(jordan);

    const home = HomeView.parse((await manager().get('/me/home')).body);
    seeded.push(alex.name, ACTION_ITEM, 'Team offsite', 'Conference talk', 'offsite', 'nothing-like-this');
    for (const row of home.rows) seeded.push(row.other.name, row.title);
    for (const entry of home.actionItems) seeded.push(entry.seriesTitle, entry.item.text);

    browser = await launchBrowser({ viewport: { width: 1100, height: 1300 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('My 1:1s reads in German with ?locale=de-DE, its dates in the German format', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    // The service hears the page's language too, so its own messages can follow it.
    const homeRequest = page.waitForRequest((r) => r.url().endsWith('/api/me/home'));
    await page.goto(`${service.url}/home.html?dev=manager&locale=de-DE`);
    try {
      expect((await homeRequest).headers()['accept-language']).toBe('de-DE');
      await page.getByRole('heading', { name: 'Meine 1:1s', level: 1 }).waitFor(SETTLE);
      await page.getByRole('heading', { name: 'Mein Team', level: 2 }).waitFor(SETTLE);
      await page.getByRole('heading', { name: 'Meine Aufgaben', level: 2 }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
        'de-DE',
        'Meine 1:1s – 1:1 Companion',
      ]);
      // A due date as Germans write it ("6. Dez. 2026"), the same words Intl gives for de-DE.
      const german = new Intl.DateTimeFormat('de-DE', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
      const dueText = `Fällig am ${german.format(new Date(`${due}T12:00:00Z`))}`;
      await page.getByRole('list', { name: 'Meine offenen Aufgaben' }).getByText(dueText).waitFor();
      await page.getByRole('checkbox', { name: `Als erledigt markieren: ${ACTION_ITEM}` }).waitFor();
      const next = page.getByText(/^Nächstes 1:1: /).first();
      await next.waitFor();
      // Weekday and month in German ("Fr., 4. Dez., 09:30 UTC"), not the English "Fri, Dec 4".
      expect(await next.textContent()).toMatch(/^Nächstes 1:1: (Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. /);
      await page.getByRole('button', { name: 'Verlauf mit Jordan Lee exportieren' }).waitFor();
      // The health in German too, its trend's accessible name with German numbers and plural.
      const jordan = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jordan Lee' }) });
      await jordan.getByText('Zweimal ausgefallen').waitFor();
      await jordan
        .getByRole('img', { name: /^Rhythmus nach den letzten 2 Besprechungen und jetzt: \d+\s%, \d+\s% und \d+\s%$/ })
        .waitFor();
      await page.getByRole('textbox', { name: 'Meine 1:1s durchsuchen' }).waitFor();

      await mkdir(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 1100, height: 720 });
      await page.screenshot({ path: new URL('home-de.png', SCREENSHOTS).pathname, fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('the pseudo-locale check finds text that bypassed the catalog (positive control)', async () => {
    const page = await open('/home.html?dev=manager&locale=qps-ploc');
    try {
      await page.getByRole('heading', { name: 'Jordan Lee' }).waitFor(SETTLE);
      const before = new Set(await unwrappedTexts(page, seeded));
      await page.evaluate(() => {
        const plain = Object.assign(document.createElement('p'), { textContent: 'Plain English' });
        const labelled = Object.assign(document.createElement('button'), { textContent: '⟦Ŵŕáƥƥéđ⟧' });
        labelled.setAttribute('aria-label', 'Close');
        const seededName = Object.assign(document.createElement('p'), { textContent: 'Jordan Lee' });
        document.body.append(plain, labelled, seededName);
      });
      // Exactly the two strings added outside the catalog; the wrapped text and the seeded name pass.
      const added = (await unwrappedTexts(page, seeded)).filter((text) => !before.has(text));
      expect(added).toEqual(['<p>: Plain English', '<button> aria-label: Close']);
    } finally {
      await page.close();
    }
  });

  it(
    'My 1:1s in the pseudo-locale shows no text outside the catalogs: the list, a topic being added, search, a finished item',
    { timeout: 90_000 },
    async () => {
      const page = await open('/home.html?dev=manager&locale=qps-ploc');
      // Each offender once, with the first state it showed in.
      const offenders = new Map<string, string>();
      const check = async (state: string) => {
        for (const text of await unwrappedTexts(page, seeded)) if (!offenders.has(text)) offenders.set(text, state);
      };
      try {
        await page.getByRole('heading', { name: 'Jordan Lee' }).waitFor(SETTLE);
        await page.getByRole('checkbox').first().waitFor();
        await check('[list]');

        await page
          .getByRole('button', { name: /Jordan Lee/ })
          .filter({ hasText: /^⟦/ })
          .first()
          .click();
        await page.getByRole('form').waitFor();
        await check('[adding a topic]');

        const search = page.getByRole('search');
        await search.getByRole('textbox').fill('offsite');
        await search.getByRole('button').click();
        await page.getByRole('listitem', { name: /Team offsite/ }).waitFor(SETTLE);
        await check('[search found]');
        await search.getByRole('textbox').fill('nothing-like-this');
        await search.getByRole('button').click();
        await page.getByText(/nothing-like-this/).waitFor(SETTLE);
        await check('[search found nothing]');

        await page.getByRole('checkbox', { name: new RegExp(ACTION_ITEM) }).check();
        await page.getByRole('status').waitFor(SETTLE);
        await check('[item done]');
      } finally {
        await page.close();
      }
      const list = [...offenders].map(([text, state]) => `${state} ${text}`);
      console.log(list.length ? `Unwrapped on My 1:1s:\n${list.join('\n')}` : 'My 1:1s: all wrapped');
      expect(list).toEqual([]);
    },
  );

  it('the set-up page in the pseudo-locale shows no text outside the catalog', { timeout: 60_000 }, async () => {
    const page = await open('/config.html?locale=qps-ploc');
    try {
      await page.getByRole('definition').first().waitFor(SETTLE);
      // What Teams would save is data: the tab's name, its addresses and its entity id.
      const saved = ['1:1 Companion', `${service.url}/panel.html`, 'one-on-one-companion'];
      const offenders = await unwrappedTexts(page, saved);
      console.log(
        offenders.length ? `Unwrapped on the set-up page:\n${offenders.join('\n')}` : 'set-up page: all wrapped',
      );
      expect(offenders).toEqual([]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^⟦.+⟧$/);
    } finally {
      await page.close();
    }
  });

  it(
    'the local page’s language switcher: Deutsch reloads both panels with locale=de, turns the page German and the bot is addressed in it',
    { timeout: 90_000 },
    async () => {
      const page = await open('/');
      try {
        await page.getByRole('heading', { name: 'Meeting chat' }).waitFor(SETTLE);
        const frameSources = () => page.locator('iframe').evaluateAll((all) => all.map((f) => f.getAttribute('src')));
        // Positive control: with no language picked, the panels get none and follow the browser.
        expect((await frameSources()).every((src) => !src?.includes('locale='))).toBe(true);

        await page.getByLabel('Language').selectOption({ label: 'Deutsch' });
        await page.getByRole('heading', { name: '1:1 Companion – lokale Besprechung', level: 1 }).waitFor(SETTLE);
        await page.getByRole('heading', { name: 'Besprechungschat' }).waitFor();
        await page.getByRole('heading', { name: 'Sam Rivera (Mitarbeiter:in)' }).waitFor();
        await page.getByRole('button', { name: 'Besprechung beginnen' }).waitFor();
        expect(new URL(page.url()).searchParams.get('locale')).toBe('de');
        await expect
          .poll(frameSources, SETTLE)
          .toEqual(['/panel.html?dev=report&locale=de', '/panel.html?dev=manager&locale=de']);
        // The frames really loaded the new addresses (a changed src reloads the panel).
        await expect
          .poll(
            () =>
              page.frames().filter((f) => f.url().includes('/panel.html?dev=') && f.url().endsWith('locale=de')).length,
            SETTLE,
          )
          .toBe(2);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

        // A message written on the German page reaches the bot as a German activity.
        await page.getByLabel('Dem Bot schreiben als Sam Rivera').fill('Hallo');
        await page.getByRole('button', { name: 'Senden' }).click();
        await expect
          .poll(async () => {
            const chat = (await (await fetch(`${service.url}/api/dev/chat`)).json()) as {
              activities: { activity: { locale?: string; from?: { name?: string } } }[];
            };
            return chat.activities.at(-1)?.activity.locale;
          }, SETTLE)
          .toBe('de');

        // The right-to-left pseudo-locale mirrors the page, and the panels get it too.
        await page.getByLabel('Sprache').selectOption({ value: 'qps-plocm' });
        await expect.poll(() => page.evaluate(() => document.documentElement.dir), SETTLE).toBe('rtl');
        expect(await page.locator('.fui-FluentProvider').first().getAttribute('dir')).toBe('rtl');
        await expect
          .poll(frameSources, SETTLE)
          .toEqual(['/panel.html?dev=report&locale=qps-plocm', '/panel.html?dev=manager&locale=qps-plocm']);

        // A reload keeps the language picked (it lives in the address).
        await page.goto(`${service.url}/?locale=de`);
        await page.getByRole('heading', { name: 'Besprechungschat' }).waitFor(SETTLE);
        expect(await page.getByRole('link', { name: /Meine 1:1s/ }).getAttribute('href')).toBe(
          '/home.html?dev=manager&locale=de',
        );
      } finally {
        await page.close();
      }
    },
  );
  it(
    'the local page’s card renderer formats {{DATE()}} and {{TIME()}} in the page’s language, as Teams does in the reader’s',
    { timeout: 90_000 },
    async () => {
      const page = await open('/?locale=de');
      // The welcome card's "next 1:1" line, whatever language the card itself is in.
      const nextLine = () =>
        page
          .getByRole('log')
          .getByText(/^(Next|Nächstes) 1:1: /)
          .first();
      try {
        await page.getByRole('heading', { name: 'Besprechungschat' }).waitFor(SETTLE);
        await nextLine().waitFor(SETTLE);
        expect(await nextLine().innerText()).toMatch(
          /1:1: (Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4} \d{2}:\d{2}$/,
        );
        // Positive control: the same card on the English page has its date in English.
        await page.goto(`${service.url}/?locale=en`);
        await page.getByRole('heading', { name: 'Meeting chat' }).waitFor(SETTLE);
        await nextLine().waitFor(SETTLE);
        expect(await nextLine().innerText()).toMatch(
          /1:1: (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/,
        );
      } finally {
        await page.close();
      }
    },
  );
});
