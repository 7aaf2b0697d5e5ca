import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { seriesIdForChat } from '../../domain/series.js';
import { apiClient } from '../support/api.js';
import type { EmulatedMember } from '../support/fakeConnector.js';
import { devToken } from '../support/service.js';
import { cardTexts, expectValidCards, startBotHarness, type BotHarness } from './harness.js';
import { teamsChat } from './teamsChat.js';

/**
 * A Teams call that drops and is rejoined, as Teams reports it (a new start
 * event after an end), against the real service and the fake connector: it
 * stays one 1:1, and its one summary card is updated in place at the final end.
 */
let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ install: false });
});
afterAll(() => h?.stop());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function meetingChat() {
  // The slot is three days after the service's now; Teams' events say when the call really was.
  const firstStart = new Date(Math.ceil((h.clock.now().getTime() + 3 * 24 * HOUR) / HOUR) * HOUR);
  const chat = teamsChat(h.svc.url, h.connector);
  h.connector.emulator.setMeetingInfo(chat.meetingId, {
    details: {
      id: chat.meetingId,
      title: '',
      scheduledStartTime: firstStart.toISOString(),
      scheduledEndTime: new Date(firstStart.getTime() + 30 * MINUTE).toISOString(),
    },
    organizer: { id: chat.manager.id, aadObjectId: chat.manager.aadObjectId },
  });
  expect((await chat.install()).status).toBe(200);
  const seriesId = seriesIdForChat(chat.chatId);
  const api = async (member: EmulatedMember) =>
    apiClient(
      h.svc.url,
      await devToken(h.svc.service, chat.tenantId, { userId: member.aadObjectId, name: member.name }),
    );
  const manager = await api(chat.manager);
  const report = await api(chat.report);
  const path = `/series/${seriesId}`;
  const state = async () => PanelState.parse((await manager.get(`${path}/state`)).body);
  const isSummary = (card: Record<string, unknown>) =>
    /1:1 summary|nothing was recorded/.test(cardTexts(card).join('\n'));
  /** Summary cards as the chat shows them now: each message once, with its latest update. */
  const summaries = () =>
    h.connector
      .chat(chat.chatId)
      .filter((entry) =>
        (entry.activity.attachments ?? []).some((a) => isSummary(a.content as Record<string, unknown>)),
      );
  const summaryRequests = (method: 'POST' | 'PUT') =>
    h.connector.requests.filter(
      (r) =>
        r.conversationId === chat.chatId &&
        r.method === method &&
        (r.activity.attachments ?? []).some((a) => isSummary(a.content as Record<string, unknown>)),
    );
  /** Moves the service's clock on and answers the new now: when Teams says the next event happened. */
  const after = (ms: number) => {
    h.clock.advanceBy(ms);
    return h.clock.now();
  };
  return { chat, manager, report, path, state, summaries, summaryRequests, after };
}

describe('a Teams call dropped and rejoined within the window', () => {
  it('is one 1:1 held, its summary card updated in place at the final end, its open topics carried once', async () => {
    const m = await meetingChat();
    await m.report.post(`${m.path}/topics`, { id: 'dr-open', text: 'Still open after the call' });
    await m.report.post(`${m.path}/topics`, { id: 'dr-late', text: 'Picked up after the rejoin' });
    const first = (await m.state()).series.currentMeetingId;

    expect((await m.chat.meetingEvent('start', m.after(0))).status).toBe(200);
    const dropped = m.after(10 * MINUTE);
    expect((await m.chat.meetingEvent('end', dropped)).status).toBe(200);
    expect(m.summaryRequests('POST')).toHaveLength(1);
    const posted = m.summaryRequests('POST')[0]!;

    // Rejoined two minutes later: Teams sends a new start.
    expect((await m.chat.meetingEvent('start', m.after(2 * MINUTE))).status).toBe(200);
    const rejoined = await m.state();
    expect(rejoined.series.currentMeetingId).toBe(first);
    expect(rejoined.meetings.find((x) => x.id === first)?.status).toBe('live');

    await m.manager.patch(`${m.path}/topics/dr-late`, { status: 'discussed' });
    expect((await m.chat.meetingEvent('end', m.after(15 * MINUTE))).status).toBe(200);

    const final = await m.state();
    expect(final.meetings.filter((x) => x.status === 'ended').map((x) => x.id)).toEqual([first]);
    const next = final.series.currentMeetingId;
    expect(next).not.toBe(first);
    const carried = final.topics.filter((x) => x.meetingId === next && !x.deletedAt);
    expect(carried.map((x) => [x.text, x.carriedOverCount])).toEqual([['Still open after the call', 1]]);

    // One card in the chat: the first one, updated (PUT to its id) to the final state; never a second post.
    expect(m.summaryRequests('POST')).toHaveLength(1);
    const updates = m.summaryRequests('PUT');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.activityId).toBe(posted.activityId);
    const shown = m.summaries();
    expect(shown).toHaveLength(1);
    expect(shown[0]!.updatedAt).toBeDefined();
    const finalText = cardTexts(shown[0]!.activity.attachments![0]!.content as Record<string, unknown>).join('\n');
    const firstText = cardTexts(posted.activity.attachments![0]!.content as Record<string, unknown>).join('\n');
    // Positive control: the first card showed the topic still to discuss; the update shows it discussed.
    expect(firstText).toContain('No topic was marked discussed.');
    expect(firstText).toContain('• Picked up after the rejoin');
    expect(finalText).toContain('Picked up after the rejoin (Work)');
    expect(finalText).not.toContain('• Picked up after the rejoin');
    expect(finalText).toContain('• Still open after the call');
    expectValidCards(h.connector);

    // Replayed events of the whole call change nothing and post nothing.
    const settled = JSON.stringify((await m.state()).meetings);
    expect((await m.chat.meetingEvent('start', new Date(Date.parse(dropped.toISOString()) + 2 * MINUTE))).status).toBe(
      200,
    );
    expect((await m.chat.meetingEvent('end', dropped)).status).toBe(200);
    await h.svc.service.bot.scheduler.tick();
    expect(JSON.stringify((await m.state()).meetings)).toBe(settled);
    expect(m.summaryRequests('POST')).toHaveLength(1);
    expect(m.summaryRequests('PUT')).toHaveLength(1);
  });

  it('the dropped call’s end event arriving late does not end the rejoined call', async () => {
    const m = await meetingChat();
    const first = (await m.state()).series.currentMeetingId;
    await m.chat.meetingEvent('start', m.after(0));
    const dropped = m.after(5 * MINUTE);
    await m.chat.meetingEvent('end', dropped);
    await m.chat.meetingEvent('start', m.after(MINUTE));
    expect((await m.state()).series.currentMeetingId).toBe(first);

    expect((await m.chat.meetingEvent('end', dropped)).status).toBe(200);
    expect((await m.state()).meetings.find((x) => x.id === first)?.status).toBe('live');
    // Positive control: the rejoined call's own end does end it.
    await m.chat.meetingEvent('end', m.after(10 * MINUTE));
    expect((await m.state()).meetings.find((x) => x.id === first)?.status).toBe('ended');
  });

  it('a start later than the window is the next 1:1, with a card of its own', async () => {
    const m = await meetingChat();
    await m.chat.meetingEvent('start', m.after(0));
    await m.chat.meetingEvent('end', m.after(5 * MINUTE));
    const next = (await m.state()).series.currentMeetingId;
    await m.chat.meetingEvent('start', m.after(31 * MINUTE));
    expect((await m.state()).meetings.find((x) => x.id === next)?.status).toBe('live');
    await m.chat.meetingEvent('end', m.after(10 * MINUTE));
    expect(m.summaryRequests('POST')).toHaveLength(2);
    expect(m.summaryRequests('PUT')).toHaveLength(0);
  });
});
