import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import type { Meeting, Member, Series, Topic, TopicCategory } from '../../domain/entities.js';
import { SearchResults } from '../../domain/home.js';
import { occurrencesBetween } from '../../domain/schedule.js';
import { meetingIdFor, seriesIdForChat } from '../../domain/series.js';
import { DEMO_TEAM } from '../../bot/src/commands/series.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { devToken, startTestService, type TestService } from '../support/service.js';

const SETTLE = { timeout: 15_000, interval: 100 };
const DAY = 86_400_000;
const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url);

/**
 * "My 1:1s" of the demo manager, Alex, with three reports in different
 * states. Their past meetings are written as records (factories), the rest
 * goes through the REST API as each person, and the page is driven in
 * Chromium by role and accessible name.
 */
describe('My 1:1s', () => {
  let service: TestService;
  let browser: LaunchedBrowser;
  let page: Page;
  let session: DevSession;
  const ids = { sam: '', priya: '', jordan: '' };

  const manager = () => apiClient(service.url, session.identities.find((i) => i.role === 'manager')!.token);
  const asMember = async (seriesId: string, role: 'manager' | 'report') => {
    const series = (await service.service.ctx.store.records.read(seriesId, seriesId))!.record as Series;
    const member = series.members.find((m) => m.role === role)!;
    return { member, api: apiClient(service.url, await devToken(service.service, series.tenantId, member)) };
  };

  /** The series' past cadence slots, marked held or skipped (oldest first), with topics in the held ones. */
  async function pastMeetings(
    seriesId: string,
    statuses: Meeting['status'][],
    topicsOf: (index: number) => { text: string; by: Member; category: TopicCategory }[] = () => [],
  ) {
    const series = (await service.service.ctx.store.records.read(seriesId, seriesId))!.record as Series;
    const current = (await service.service.ctx.store.records.read(seriesId, series.currentMeetingId))!
      .record as Meeting;
    const now = service.service.clock.now();
    // The current meeting anchors a biweekly rhythm, as the health rules read it.
    const slots = occurrencesBetween(
      series.cadence,
      new Date(now.getTime() - 120 * DAY),
      now,
      new Date(current.scheduledStart),
    ).slice(-statuses.length);
    for (const [i, start] of slots.entries()) {
      const stamp = start.toISOString();
      const status = statuses[i]!;
      const meeting: Meeting = {
        id: meetingIdFor(start),
        seriesId,
        version: 1,
        createdAt: stamp,
        updatedAt: stamp,
        type: 'meeting',
        scheduledStart: stamp,
        status,
        ...(status === 'ended'
          ? { startedAt: stamp, endedAt: new Date(start.getTime() + 30 * 60_000).toISOString() }
          : {}),
      };
      await service.service.ctx.store.records.create(meeting);
      for (const [j, t] of topicsOf(i).entries()) {
        const topic: Topic = {
          id: `${meeting.id}-t${j}`,
          seriesId,
          version: 1,
          createdAt: stamp,
          updatedAt: stamp,
          type: 'topic',
          meetingId: meeting.id,
          text: t.text,
          category: t.category,
          addedBy: t.by.userId,
          order: `a${j}`,
          status: 'discussed',
          carriedOverCount: 0,
          originId: `${meeting.id}-t${j}`,
        };
        await service.service.ctx.store.records.create(topic);
      }
    }
  }

  const rowNames = () =>
    page
      .getByRole('list', { name: /My 1:1s, the one needing most attention first/ })
      .getByRole('heading', { level: 3 })
      .allTextContents();

  beforeAll(async () => {
    await ensureTabBuilt();
    service = await startTestService();
    session = DevSession.parse(await (await fetch(`${service.url}/api/dev/home-session`)).json());
    ids.sam = session.seriesId;
    ids.priya = seriesIdForChat(DEMO_TEAM[0]!.chatId);
    ids.jordan = seriesIdForChat(DEMO_TEAM[1]!.chatId);

    // Sam: held every week, leads the agenda, half of it about growth: on track.
    const sam = await asMember(ids.sam, 'report');
    await pastMeetings(ids.sam, ['ended', 'ended', 'ended', 'ended', 'ended', 'ended'], () => [
      { text: 'Career path', by: sam.member, category: 'growth' },
      { text: 'Release plan', by: sam.member, category: 'work' },
    ]);
    // Priya: held every week, but Alex raised 3 of 5 recent topics.
    const priya = await asMember(ids.priya, 'report');
    const alex = (await asMember(ids.priya, 'manager')).member;
    await pastMeetings(ids.priya, ['ended', 'ended', 'ended', 'ended'], (i) =>
      i === 3
        ? [
            { text: 'Status of the migration', by: alex, category: 'work' },
            { text: 'Learning goals', by: priya.member, category: 'growth' },
            { text: 'Hiring plan', by: alex, category: 'work' },
          ]
        : i === 2
          ? [
              { text: 'Budget review', by: alex, category: 'work' },
              { text: 'Mentoring', by: priya.member, category: 'growth' },
            ]
          : [],
    );
    // Jordan: the last two 1:1s were skipped.
    const jordan = await asMember(ids.jordan, 'report');
    await pastMeetings(ids.jordan, ['ended', 'ended', 'skipped', 'skipped'], () => [
      { text: 'Conference talk', by: jordan.member, category: 'growth' },
    ]);

    // Alex owes an action item in Sam's 1:1; notes in Jordan's current meeting.
    const due = new Date(service.service.clock.now().getTime() + 5 * DAY).toISOString().slice(0, 10);
    expect(
      (
        await manager().post(`${seriesPath(ids.sam)}/action-items`, {
          id: 'alex-owes-sam',
          text: 'Send Sam the promotion criteria',
          ownerId: alex.userId,
          dueDate: due,
        })
      ).status,
    ).toBe(201);
    const jordanSeries = (await service.service.ctx.store.records.read(ids.jordan, ids.jordan))!.record as Series;
    const topicPath = `${seriesPath(ids.jordan)}/topics`;
    expect((await jordan.api.post(topicPath, { id: 'offsite', text: 'Team offsite', category: 'work' })).status).toBe(
      201,
    );
    expect(
      (await jordan.api.put(`${topicPath}/offsite/notes/mine`, { text: 'The offsite agenda draft is ready' })).status,
    ).toBe(200);
    const privatePath = `${seriesPath(ids.jordan)}/meetings/${jordanSeries.currentMeetingId}/private-note`;
    expect((await manager().put(privatePath, { text: 'Offsite: ask Jordan to present' })).status).toBe(200);
    expect((await jordan.api.put(privatePath, { text: 'The offsite makes me nervous' })).status).toBe(200);

    browser = await launchBrowser({ viewport: { width: 1100, height: 1300 } });
    page = await browser.context.newPage();
    await page.goto(`${service.url}/home.html?dev=manager`);
    await page.getByRole('heading', { name: 'My 1:1s', level: 1 }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it(
    'lists the three reports with the worst signal first, each with its nudge and trends',
    { timeout: 60_000 },
    async () => {
      await expect.poll(rowNames, SETTLE).toEqual(['Jordan Lee', 'Priya Patel', 'Sam Rivera']);
      const rows = page.getByRole('list', { name: /needing most attention first/ }).getByRole('listitem');
      await rows.nth(0).getByText('Skipped twice').waitFor();
      await rows
        .nth(0)
        .getByText(/skipping tells your report they are not a priority/)
        .waitFor();
      await rows.nth(1).getByText('You raised 60% of topics lately').waitFor();
      await rows.nth(2).getByText('On track').waitFor();
      // The sparkline carries its numbers in its accessible name.
      await rows
        .nth(2)
        .getByRole('img', {
          name: 'Cadence after the last 6 meetings and now: 100%, 100%, 100%, 100%, 100%, 100%, 100%',
        })
        .waitFor();
      await rows
        .nth(0)
        .getByText(/^Next 1:1: /)
        .waitFor();

      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: new URL('home-light.png', SCREENSHOTS).pathname, fullPage: true });
    },
  );

  it('marks one of my action items done from the list, in its 1:1', { timeout: 60_000 }, async () => {
    const list = page.getByRole('list', { name: 'My open action items' });
    const box = list.getByRole('checkbox', { name: 'Mark done: Send Sam the promotion criteria' });
    const row = list.getByRole('listitem', { name: 'Send Sam the promotion criteria' });
    const doneAt = async () =>
      PanelState.parse((await manager().get(`${seriesPath(ids.sam)}/state`)).body).actionItems.find(
        (i) => i.id === 'alex-owes-sam',
      )?.doneAt;
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

    // Ticked away, the item leaves; focus moves to Undo, one Enter brings it back open, focused, and it is said.
    await box.check();
    await row.waitFor({ state: 'detached' });
    await page.getByText('Marked done: “Send Sam the promotion criteria”').waitFor();
    await expect.poll(focusedText).toBe('Undo');
    await page.keyboard.press('Enter');
    await row.waitFor();
    await page.getByRole('status').getByText('Undone: “Send Sam the promotion criteria” is open again').waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent))
      .toBe('Mark done: Send Sam the promotion criteria');
    expect(await doneAt()).toBeUndefined();

    // A double click counts once, and Ctrl+Z undoes while the notice shows.
    await box.dblclick();
    await row.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await row.waitFor();
    expect(await doneAt()).toBeUndefined();

    await box.check();
    await row.waitFor({ state: 'detached' });
    expect(await doneAt()).toBeDefined();
  });

  it('adds a topic to one 1:1 that appears live in that 1:1’s open panel', { timeout: 60_000 }, async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`${service.url}/panel.html?dev=manager&series=${encodeURIComponent(ids.priya)}`);
    await panel.getByRole('heading', { name: /^Agenda/ }).waitFor();

    const text = 'Feedback on the design review';
    await page.getByRole('button', { name: 'Add a topic for Priya Patel' }).click();
    await page.getByLabel('Topic for the next 1:1 with Priya Patel').fill(text);
    await page
      .getByRole('form', { name: 'Add a topic to the 1:1 with Priya Patel' })
      .getByRole('button', { name: 'Add topic' })
      .click();
    await page.getByRole('status').getByText(`Added to the next 1:1 with Priya Patel: ${text}`).waitFor();

    await panel.getByRole('listitem', { name: text }).waitFor({ timeout: 15_000 });
    await panel.close();
  });

  it(
    'finds a shared note and my private note, but not the other person’s private note',
    { timeout: 60_000 },
    async () => {
      await page.getByRole('textbox', { name: 'Search my 1:1s' }).fill('offsite');
      await page.getByRole('button', { name: 'Search' }).click();
      const results = page.getByRole('list', { name: 'Search results' });
      await results.getByRole('listitem', { name: 'Shared note: The offsite agenda draft is ready' }).waitFor();
      await results.getByRole('listitem', { name: 'My private note: Offsite: ask Jordan to present' }).waitFor();
      await results.getByRole('listitem', { name: 'Topic: Team offsite' }).waitFor();
      await expect.poll(() => results.getByRole('listitem').count(), SETTLE).toBe(3);
      await expect(results.getByText(/nervous/).count()).resolves.toBe(0);
      // Each result opens the 1:1 it belongs to, as its row does.
      const open = results
        .getByRole('listitem', { name: 'Topic: Team offsite' })
        .getByRole('link', { name: /^Open in / });
      expect(await open.getAttribute('href')).toMatch(/\/panel\.html\?/);

      // Positive control: Jordan's own search does find the note, so it was there to be found.
      const jordan = await asMember(ids.jordan, 'report');
      const theirs = SearchResults.parse((await jordan.api.get('/me/search?q=offsite')).body);
      expect(theirs.hits.map((h) => h.excerpt)).toContain('The offsite makes me nervous');
      await page.screenshot({ path: new URL('home-search.png', SCREENSHOTS).pathname, fullPage: true });
    },
  );

  it('reads in the dark theme', { timeout: 60_000 }, async () => {
    const dark = await browser.context.newPage();
    await dark.goto(`${service.url}/home.html?dev=manager&theme=dark`);
    await dark.getByRole('heading', { name: 'Jordan Lee' }).waitFor();
    await dark.screenshot({ path: new URL('home-dark.png', SCREENSHOTS).pathname, fullPage: true });
    await dark.close();
  });

  it('has no WCAG 2 A/AA violations that axe-core can find, in light and dark', { timeout: 60_000 }, async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const theme of ['default', 'dark']) {
      const checked = await browser.context.newPage();
      await checked.goto(`${service.url}/home.html?dev=manager&theme=${theme}`);
      await checked.getByRole('heading', { name: 'Jordan Lee' }).waitFor();
      // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays as it is.
      await checked.evaluate(axeSource);
      const violations = await checked.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, theme).toEqual([]);
      await checked.close();
    }
  });

  it('opens a 1:1’s panel from its row', async () => {
    const link = page.getByRole('link', { name: 'Open the 1:1 with Jordan Lee' });
    expect(await link.getAttribute('href')).toBe(`/panel.html?dev=manager&series=${encodeURIComponent(ids.jordan)}`);
  });

  it('exports one relationship as a Markdown file with my private notes marked', { timeout: 60_000 }, async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export history with Jordan Lee' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^alex-jordan-1-1-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readFile((await file.path())!, 'utf8');
    expect(markdown).toContain('### Private — only Alex Morgan can read this');
    expect(markdown).toContain('Offsite: ask Jordan to present');
    expect(markdown).not.toContain('nervous');
  });
});
