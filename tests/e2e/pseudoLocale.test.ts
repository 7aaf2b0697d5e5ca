import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import { followChatMembers } from '../../bot/src/commands/membership.js';
import { apiClient, seriesPath } from '../support/api.js';
import { ensureTabBuilt, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService } from '../support/service.js';
import { bypassedCatalog, panelWords, unwrappedTexts } from '../support/pseudoText.js';
import { dayFromToday } from '../support/dates.js';

/**
 * Issue 17: every word of the side panel comes from the catalog. In the
 * pseudo-locale `qps-ploc` every catalog message is accented and wrapped in
 * ⟦ ⟧; the panel is walked through its states and any text a person can
 * meet (text nodes, aria-labels, titles, placeholders, menus and toasts in
 * portals) that is not wrapped, and is not what the test itself seeded,
 * bypassed the catalog.
 */

const TOPICS = ['Career plan: lead the Q1 migration', 'Workload this sprint', 'Budget for Q1'] as const;
const ITEM = 'Book the architecture course';
const OFFLINE_TOPIC = 'Written on the train';
const REFUSED_TOPIC = 'Added after leaving the chat';

async function freshOneOnOne() {
  const service = await startTestService();
  const session = DevSession.parse(await (await fetch(`${service.url}/api/dev/session`)).json());
  const identity = (role: 'report' | 'manager') => session.identities.find((i) => i.role === role)!;
  const as = (role: 'report' | 'manager') => apiClient(service.url, identity(role).token);
  const base = seriesPath(session.seriesId);
  const addTopic = async (role: 'report' | 'manager', text: string, category = 'work') =>
    expect((await as(role).post(`${base}/topics`, { id: randomUUID(), text, category })).status).toBe(201);
  const addItem = async (text: string) =>
    expect(
      (await as('manager').post(`${base}/action-items`, { id: randomUUID(), text, ownerId: identity('report').userId }))
        .status,
    ).toBe(201);
  const devMeeting = async (step: 'start' | 'end') =>
    expect(
      (
        await fetch(`${service.url}/api/dev/meeting/${step}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).ok,
    ).toBe(true);
  const state = PanelState.parse((await as('report').get(`${base}/state`)).body);
  return { service, session, identity, addTopic, addItem, devMeeting, title: state.series.title };
}

/** English weekday names: the schedule form lists them as `Intl` formats them (dates are not catalog text). */
const WEEKDAYS = Array.from({ length: 7 }, (_, i) =>
  new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
);

describe('the side panel in the pseudo-locale', { timeout: 300_000 }, () => {
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    await ensureTabBuilt();
    browser = await launchBrowser({ viewport: { width: 320, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the check finds text that bypassed the catalog, and lets seeded text through (positive control)', async () => {
    // The pure rule first: wrapped text passes, nested or not; seeded text passes; anything else is caught.
    expect(bypassedCatalog('⟦Ñéŵ ŧóƥíç⟧', [])).toBeNull();
    expect(bypassedCatalog('⟦Ŵáš ñóŧ šáṽéđ: ⟦Áđđ “Budget”⟧⟧', ['Budget'])).toBeNull();
    expect(bypassedCatalog('Budget · ⟦Ŵóŕķ⟧ · 10:00', ['Budget'])).toBeNull();
    expect(bypassedCatalog('by Sam · ⟦Ŵóŕķ⟧', ['Sam'])).toBe('by Sam · ⟦Ŵóŕķ⟧');

    // And on the real page: an English word slipped into the panel is reported.
    const { service } = await freshOneOnOne();
    const page = await browser.context.newPage();
    try {
      await page.goto(`${service.url}/panel.html?dev=report&locale=qps-ploc`);
      await page.locator('#agenda-heading').waitFor();
      await page.evaluate(() => {
        const slipped = document.createElement('span');
        slipped.textContent = 'Not from the catalog';
        document.querySelector('main')?.append(slipped);
        document.querySelector('#new-topic-input')?.setAttribute('placeholder', 'Type here');
      });
      const found = await unwrappedTexts(page, []);
      expect(found).toContain('<span>: Not from the catalog');
      expect(found).toContain('<input#new-topic-input> placeholder: Type here');
    } finally {
      await page.close();
      await service.stop();
    }
  });

  it('right to left (qps-plocm): the document, Fluent and each row are mirrored; left to right they are not', async () => {
    const { service, session, addTopic } = await freshOneOnOne();
    await addTopic('report', TOPICS[2]);
    const page = await browser.context.newPage();
    const manager = session.identities.find((i) => i.role === 'manager')!.name;
    const layout = async (locale: 'qps-ploc' | 'qps-plocm') => {
      const p = await panelWords(locale);
      await page.goto(`${service.url}/panel.html?dev=report&locale=${locale}`);
      const row = page.locator('li[data-topic-id]').first();
      await row.getByText(TOPICS[2], { exact: true }).click();
      const theirNotes = row.getByRole('group', { name: p('panel.notes.theirs', { name: manager }) });
      await theirNotes.waitFor();
      return {
        dir: await page.evaluate(() => ({
          document: document.documentElement.dir,
          fluent: document.querySelector('.fui-FluentProvider')?.getAttribute('dir'),
        })),
        // Where the title's words sit in its line: at the start side (Fluent styles its provider left-aligned).
        title: await page.locator('h1').evaluate((heading) => {
          const range = document.createRange();
          range.selectNodeContents(heading);
          const words = range.getBoundingClientRect();
          const box = heading.getBoundingClientRect();
          return { atLeft: Math.abs(words.left - box.left) < 2, atRight: Math.abs(words.right - box.right) < 2 };
        }),
        // A row leads with its drag handle and ends with its "More" button.
        handle: (await row.locator('[draggable="true"]').boundingBox())!,
        more: (await row.locator('[data-topic-menu]').boundingBox())!,
        // The other person's notes are set off by a border on the side where lines start.
        border: await theirNotes.evaluate((el) => {
          const style = getComputedStyle(el);
          return { left: style.borderLeftStyle, right: style.borderRightStyle };
        }),
      };
    };
    try {
      const ltr = await layout('qps-ploc');
      expect(ltr.dir).toEqual({ document: 'ltr', fluent: 'ltr' });
      expect(ltr.title).toEqual({ atLeft: true, atRight: false });
      expect(ltr.handle.x).toBeLessThan(ltr.more.x);
      expect(ltr.border).toEqual({ left: 'solid', right: 'none' });

      const rtl = await layout('qps-plocm');
      expect(rtl.dir).toEqual({ document: 'rtl', fluent: 'rtl' });
      expect(rtl.title).toEqual({ atLeft: false, atRight: true });
      expect(rtl.handle.x).toBeGreaterThan(rtl.more.x);
      expect(rtl.border).toEqual({ left: 'none', right: 'solid' });
    } finally {
      await page.close();
      await service.stop();
    }
  });

  it('every state of the panel shows only catalog text (pseudo-localized) besides what the test seeded', async () => {
    const p = await panelWords('qps-ploc');
    const { service, session, identity, addTopic, addItem, devMeeting, title } = await freshOneOnOne();
    const allowed = [
      ...TOPICS,
      ITEM,
      OFFLINE_TOPIC,
      REFUSED_TOPIC,
      title,
      ...session.identities.map((i) => i.name),
      ...WEEKDAYS,
    ];
    const page: Page = await browser.context.newPage();
    const failures: string[] = [];
    const check = async (state: string) => {
      const found = await unwrappedTexts(page, allowed);
      for (const text of found) failures.push(`${state} → ${text}`);
    };
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const row = (text: string) => page.locator(`li[data-topic-id][aria-label="${text}"]`);
    try {
      await page.goto(`${service.url}/panel.html?dev=report&locale=qps-ploc`);
      // The sections that load after first paint, all of them: the check sees the whole panel.
      for (const id of ['agenda-heading', 'health-heading', 'action-items-heading', 'past-meetings-heading'])
        await page.locator(`#${id}`).waitFor();
      await page.locator('#private-notes-heading').waitFor();
      await page.getByText(p('panel.agenda.empty', { role: 'report' })).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await check('preparing, no topics (templates open)');

      await addTopic('report', TOPICS[0], 'growth');
      await addTopic('report', TOPICS[1], 'wellbeing');
      await addTopic('manager', TOPICS[2]);
      await addItem(ITEM);
      await row(TOPICS[2]).waitFor();
      await page.locator('li[data-item-id]').waitFor();
      await check('preparing, with topics and an action item');

      await button(p('panel.topic.more', { text: TOPICS[1] })).click();
      await page.getByRole('menuitem', { name: p('panel.topic.menu.delete') }).waitFor();
      await check('a topic’s menu open');
      await page.keyboard.press('Escape');

      await row(TOPICS[2]).getByText(TOPICS[2], { exact: true }).click();
      await page.keyboard.press('e');
      await row(TOPICS[2]).getByLabel(p('panel.topic.textLabel')).waitFor();
      await check('a topic open: details, notes and the text editor');
      await page.keyboard.press('Escape');

      // On a busy machine a click can land while the menu is still opening: open it again until the editor shows.
      const due = page.getByLabel(p('panel.item.due'), { exact: true });
      await vi.waitFor(
        async () => {
          if (!(await due.isVisible())) {
            await button(p('panel.topic.more', { text: ITEM })).click({ timeout: 5_000 });
            await page.getByRole('menuitem', { name: p('panel.item.menu.edit') }).click({ timeout: 5_000 });
          }
          await due.waitFor({ timeout: 5_000 });
        },
        { timeout: 45_000, interval: 100 },
      );
      await due.fill(dayFromToday(-30));
      await button(p('panel.edit.save')).click();
      await page.locator('li[data-item-id] [role="alert"]').waitFor();
      await check('the action item editor, asking about a past date');
      await button(p('panel.edit.cancel')).click();

      await button(p('panel.shortcuts.title')).click();
      await page.locator('#keyboard-shortcuts').waitFor();
      await check('keyboard shortcuts');
      await button(p('panel.shortcuts.close')).click();

      await button(p('panel.cadence.change')).click();
      await page.getByLabel(p('panel.cadence.zone')).waitFor();
      await check('the schedule form');
      await button(p('panel.edit.cancel')).click();

      await button(p('panel.topic.more', { text: TOPICS[1] })).click();
      await page.getByRole('menuitem', { name: p('panel.topic.menu.delete') }).click();
      await page.getByText(p('panel.undo.deleted', { kind: 'topic', text: TOPICS[1] }), { exact: true }).waitFor();
      await check('the undo toast');
      await button(p('panel.undo.undo')).click();
      await row(TOPICS[1]).waitFor();

      await devMeeting('start');
      await page.locator('main[data-mode="live"]').waitFor();
      await page.getByRole('checkbox', { name: p('panel.topic.discussedBox', { text: TOPICS[0] }) }).check();
      await page.getByText(p('panel.agenda.progress', { discussed: 1, total: 3 })).waitFor();
      await button(p('panel.live.healthAndQuestion')).click();
      // The other person's change, said in the live region.
      await addTopic('manager', 'Offsite dates');
      allowed.push('Offsite dates');
      await page
        .getByTestId('announcements')
        .getByText(p('panel.said.added', { kind: 'topic', name: identity('manager').name, text: 'Offsite dates' }))
        .waitFor();
      await check('live, with the health figures open and an announcement');

      await button(p('panel.meeting.end')).click();
      await button(p('panel.meeting.confirmYes', { asking: 'end' })).waitFor();
      await check('the End confirmation');
      await button(p('panel.meeting.confirmYes', { asking: 'end' })).click();
      await page.locator('#wrap-up-heading').waitFor();
      await check('just after the 1:1');

      await page
        .getByRole('list', { name: p('panel.history.heading') })
        .getByRole('button')
        .first()
        .click();
      await page.locator('#past-meeting-heading').waitFor();
      await check('a past meeting');
      await button(p('panel.history.back')).click();

      await browser.context.setOffline(true);
      for (const socket of service.service.io.of('/').sockets.values()) socket.conn.close();
      await page.getByText(p('panel.live.paused.title')).waitFor();
      await page.locator('#new-topic-input').fill(OFFLINE_TOPIC);
      await button(p('panel.agenda.addTopic')).click();
      await page.getByText(p('panel.unsent.count', { count: 1 })).waitFor();
      await check('offline, with a change not saved yet');
      await browser.context.setOffline(false);
      await page.getByText(p('panel.unsent.count', { count: 1 })).waitFor({ state: 'hidden' });

      // The report leaves the meeting chat: sharing pauses, and the service refuses the report's next change.
      await followChatMembers(service.service.ctx, session.seriesId, [identity('manager').userId, 'guest-user']);
      await page.locator('#new-topic-input').fill(REFUSED_TOPIC);
      await button(p('panel.agenda.addTopic')).click();
      await button(p('panel.notice.dismiss')).waitFor();
      await check('an error notice for a refused change');

      console.info(
        failures.length === 0
          ? 'pseudo-locale: every text came from a catalog'
          : `not from a catalog:\n${failures.join('\n')}`,
      );
      expect(failures).toEqual([]);
    } finally {
      await browser.context.setOffline(false);
      await page.close();
      await service.stop();
    }
  });
});
