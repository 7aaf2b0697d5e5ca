import { afterEach, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { seriesIdForChat } from '../../domain/series.js';
import { startBotHarness, cardTexts, expectValidCards, type BotHarness } from './harness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('adding the app to a meeting chat', () => {
  it('starts the 1:1 with the chat’s two people, learns the meeting time and welcomes them once', async () => {
    h = await startBotHarness({ install: false });
    const { chat, connector } = h;
    // Teams' meeting details: organised by the report, Tuesdays 09:30 Berlin time, 45 minutes.
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(8, 30, 0, 0);
    connector.emulator.setMeetingInfo(chat.meetingId, {
      details: {
        id: chat.meetingId,
        title: 'Sam / Alex weekly',
        type: 'Recurring',
        scheduledStartTime: start.toISOString(),
        scheduledEndTime: new Date(start.getTime() + 45 * 60_000).toISOString(),
      },
      organizer: { id: chat.report.id, aadObjectId: chat.report.aadObjectId },
    });

    const installed = await chat.post(
      chat.activity(chat.manager, { type: 'installationUpdate', action: 'add', localTimezone: 'Europe/Berlin' }),
    );
    expect(installed.status).toBe(200);
    // Teams also sends the bot's own membersAdded; it must not welcome twice.
    const added = await chat.post(
      chat.activity(chat.manager, { type: 'conversationUpdate', membersAdded: [{ id: '28:test-bot' }] }),
    );
    expect(added.status).toBe(200);

    const welcomes = connector.cards(chat.chatId).filter((c) => cardTexts(c).includes('1:1 Companion is set up'));
    expect(welcomes).toHaveLength(1);
    expect(cardTexts(welcomes[0]).join(' ')).toContain('Alex Morgan and Sam Rivera');

    const api = await h.api(chat.manager);
    const state = PanelState.parse((await api.get(`/series/${seriesIdForChat(chat.chatId)}/state`)).body);
    expect(state.series.title).toBe('Sam / Alex weekly');
    expect(state.series.members).toEqual(
      expect.arrayContaining([
        { userId: chat.report.aadObjectId, name: 'Sam Rivera', role: 'manager' },
        { userId: chat.manager.aadObjectId, name: 'Alex Morgan', role: 'report' },
      ]),
    );
    const localStart = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(start);
    const part = (type: string) => localStart.find((p) => p.type === type)?.value;
    expect(state.series.cadence).toMatchObject({
      frequency: 'weekly',
      weekday: part('weekday')?.toLowerCase(),
      time: `${part('hour')}:${part('minute')}`,
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
    });
    expect(state.meetings.find((m) => m.id === state.series.currentMeetingId)?.scheduledStart).toBe(
      start.toISOString(),
    );
    expectValidCards(connector);
  });

  describe('one welcome per install, whichever install events Teams sends', () => {
    const welcomesIn = (harness: BotHarness) =>
      harness.connector.cards(harness.chat.chatId).filter((c) => cardTexts(c).includes('1:1 Companion is set up'));
    const installed = (harness: BotHarness) =>
      harness.chat.activity(harness.chat.manager, { type: 'installationUpdate', action: 'add' });
    const botAdded = (harness: BotHarness) =>
      harness.chat.activity(harness.chat.manager, {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:test-bot' }],
      });

    it('members-added first, then the installation update, each replayed: one welcome', async () => {
      h = await startBotHarness({ install: false });
      for (const activity of [botAdded(h), installed(h), botAdded(h), installed(h)]) {
        expect((await h.chat.post(activity)).status).toBe(200);
      }
      expect(welcomesIn(h)).toHaveLength(1);
      // Positive control: the one welcome is this chat's.
      expect(cardTexts(welcomesIn(h)[0]).join(' ')).toContain('Alex Morgan and Sam Rivera');
    });

    it('both events at the same moment: one welcome', async () => {
      h = await startBotHarness({ install: false });
      const harness = h;
      const statuses = await Promise.all(
        [installed(harness), botAdded(harness), installed(harness), botAdded(harness)].map(
          async (activity) => (await harness.chat.post(activity)).status,
        ),
      );
      expect(statuses).toEqual([200, 200, 200, 200]);
      expect(welcomesIn(harness)).toHaveLength(1);
    });

    it('removed and added again is a new install: welcomed again, once', async () => {
      h = await startBotHarness({ install: false });
      await h.chat.post(installed(h));
      await h.chat.post(botAdded(h));
      expect(welcomesIn(h)).toHaveLength(1);
      // An update ("remove-upgrade") is not an uninstall.
      await h.chat.post(h.chat.activity(h.chat.manager, { type: 'installationUpdate', action: 'remove-upgrade' }));
      await h.chat.post(h.chat.activity(h.chat.manager, { type: 'installationUpdate', action: 'add-upgrade' }));
      expect(welcomesIn(h)).toHaveLength(1);

      await h.chat.post(h.chat.activity(h.chat.manager, { type: 'installationUpdate', action: 'remove' }));
      await h.chat.post(botAdded(h));
      await h.chat.post(installed(h));
      expect(welcomesIn(h)).toHaveLength(2);
    });

    it('a welcome the connector failed to take is posted by the next install event', async () => {
      h = await startBotHarness({ install: false });
      h.connector.emulator.failNext(/\/v3\/conversations\/[^/]+\/activities/, 400);
      await h.chat.post(installed(h));
      expect(welcomesIn(h)).toHaveLength(0);
      await h.chat.post(botAdded(h));
      await h.chat.post(installed(h));
      expect(welcomesIn(h)).toHaveLength(1);
    });
  });

  it('answers a stranger asking for the 1:1 with 403: membership comes from the chat, not the client', async () => {
    h = await startBotHarness();
    const stranger = { id: '29:stranger', name: 'Eve', aadObjectId: 'aad-stranger', tenantId: h.chat.tenantId };
    const api = await h.api(stranger);
    expect((await api.get(`/series/${h.seriesId}/state`)).status).toBe(403);
  });

  it('in a chat of three people, explains that it works for two and starts no 1:1', async () => {
    h = await startBotHarness({ install: false });
    const { chat, connector } = h;
    const third = { id: '29:third', name: 'Kim Lee', aadObjectId: 'aad-third', tenantId: chat.tenantId };
    connector.emulator.setMembers(chat.chatId, [chat.manager, chat.report, third]);
    expect((await chat.install()).status).toBe(200);

    expect(cardTexts(connector.cards(chat.chatId)[0]).join(' ')).toContain('exactly two people; this chat has 3');
    const api = await h.api(chat.manager);
    expect((await api.get(`/series/${h.seriesId}/state`)).status).toBe(403);
    expectValidCards(connector);
  });
});
