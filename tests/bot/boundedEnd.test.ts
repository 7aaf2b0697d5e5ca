import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionItem, Meeting, Series, SharedNote, Topic } from '../../domain/entities.js';
import { seriesIdForChat } from '../../domain/series.js';
import { startCosmosFaultProxy, type CosmosFaultProxy } from '../support/faultProxy.js';
import { startCosmosServer } from '../support/service.js';
import { cardTexts, startBotHarness, type BotHarness } from './harness.js';
import { teamsChat } from './teamsChat.js';

/**
 * Issue 23, point 7: the end of a meeting (the close and the summary card it
 * posts) reads what it shows, bounded by the health window — not the whole
 * series. Two 1:1s, one with a year of weekly meetings behind it and one with
 * two years, each ended in Teams; the bytes the service read from storage
 * for that 1:1 during the end are counted by a proxy of our own between the
 * service and the Cosmos protocol server.
 */

const DAY = 86_400_000;
let cosmos: Awaited<ReturnType<typeof startCosmosServer>>;
let proxy: CosmosFaultProxy;
let h: BotHarness;

beforeAll(async () => {
  cosmos = await startCosmosServer();
  proxy = await startCosmosFaultProxy(cosmos.endpoint);
  h = await startBotHarness({ env: { COSMOS_ENDPOINT: proxy.endpoint, COSMOS_KEY: 'local' }, install: false });
}, 120_000);
afterAll(async () => {
  await h?.stop();
  await proxy?.close();
  await cosmos?.close();
});

/** A meeting chat with the bot installed and `weeks` weekly 1:1s behind it, each with topics, a note and an item. */
async function withPast(weeks: number) {
  const chat = teamsChat(h.svc.url, h.connector);
  const firstStart = new Date(Math.ceil((Date.now() + 3 * DAY) / 3_600_000) * 3_600_000);
  h.connector.emulator.setMeetingInfo(chat.meetingId, {
    details: {
      id: chat.meetingId,
      title: '',
      scheduledStartTime: firstStart.toISOString(),
      scheduledEndTime: new Date(firstStart.getTime() + 30 * 60_000).toISOString(),
    },
    organizer: { id: chat.manager.id, aadObjectId: chat.manager.aadObjectId },
  });
  expect((await chat.install()).status).toBe(200);
  const seriesId = seriesIdForChat(chat.chatId);
  const { records } = h.svc.service.ctx.store;
  const series = (await records.read(seriesId, seriesId))?.record as Series;
  const report = series.members.find((m) => m.role === 'report')!;
  const base = (id: string, at: number) => ({
    id,
    seriesId,
    version: 1,
    createdAt: new Date(at).toISOString(),
    updatedAt: new Date(at).toISOString(),
  });
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < weeks; i += 1) {
    const start = Date.now() - (4 + 7 * i) * DAY;
    const meetingId = `past-${i}`;
    const meeting: Meeting = {
      ...base(meetingId, start),
      type: 'meeting',
      scheduledStart: new Date(start).toISOString(),
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(start + 1_800_000).toISOString(),
      status: 'ended',
    };
    const topics: Topic[] = ['a', 'b'].map((k) => ({
      ...base(`${meetingId}-${k}`, start),
      type: 'topic',
      meetingId,
      text: `Topic ${k} of a meeting ${i} weeks ago, with a sentence or two of detail to weigh like a real one`,
      category: k === 'a' ? 'growth' : 'work',
      addedBy: report.userId,
      order: k === 'a' ? 'a0' : 'a1',
      status: 'discussed',
      carriedOverCount: 0,
      originId: `${meetingId}-${k}`,
    }));
    const note: SharedNote = {
      ...base(`${meetingId}-n`, start),
      type: 'sharedNote',
      meetingId,
      topicId: `${meetingId}-a`,
      authorId: report.userId,
      text: `What we said ${i} weeks ago, in a note long enough to be a real note about growth`,
    };
    const item: ActionItem = {
      ...base(`${meetingId}-i`, start),
      type: 'actionItem',
      meetingId,
      text: `Follow-up of the meeting ${i} weeks ago`,
      ownerId: report.userId,
      createdBy: report.userId,
      dueDate: new Date(start + 7 * DAY).toISOString().slice(0, 10),
      doneAt: new Date(start + 2 * DAY).toISOString(),
    };
    writes.push(records.create(meeting), ...topics.map((t) => records.create(t)), records.create(note));
    writes.push(records.create(item));
    if (writes.length > 60) await Promise.all(writes.splice(0));
  }
  // Something on today's agenda, so the end posts a summary rather than "nothing was recorded".
  writes.push(
    records.create({
      ...base('today', Date.now()),
      type: 'topic',
      meetingId: series.currentMeetingId,
      text: 'How the quarter went',
      category: 'feedback',
      addedBy: report.userId,
      order: 'a0',
      status: 'discussed',
      carriedOverCount: 0,
      originId: 'today',
    }),
  );
  await Promise.all(writes);
  return { chat, seriesId };
}

/** Starts and ends the 1:1 in Teams; answers the bytes read from storage for it until its summary card was posted. */
async function endAndCount({ chat, seriesId }: Awaited<ReturnType<typeof withPast>>) {
  const from = proxy.forwarded.length;
  expect((await chat.meetingEvent('start')).status).toBe(200);
  expect((await chat.meetingEvent('end')).status).toBe(200);
  const summaries = () => h.connector.cards(chat.chatId).filter((c) => cardTexts(c).includes('1:1 summary'));
  await vi.waitFor(
    () => expect(summaries(), JSON.stringify(h.connector.cards(chat.chatId).map(cardTexts))).toHaveLength(1),
    { timeout: 20_000, interval: 50 },
  );
  const ofSeries = proxy.forwarded
    .slice(from)
    .filter((r) => r.partitionKey === JSON.stringify([seriesId]) && !r.isWrite);
  await vi.waitFor(() => expect(ofSeries.every((r) => r.answerBytes !== undefined)).toBe(true));
  if (process.env.DEBUG_END)
    for (const r of ofSeries) console.info(r.answerBytes, r.method, r.path, r.body.slice(0, 160));
  return {
    bytes: ofSeries.reduce((sum, r) => sum + (r.answerBytes ?? 0), 0),
    card: cardTexts(summaries()[0]).join('\n'),
  };
}

describe('the end of a meeting reads bounded data', { timeout: 240_000 }, () => {
  it('reads as much after two years of weekly 1:1s as after one, and its card shows the same figures', async () => {
    const oneYear = await endAndCount(await withPast(52));
    const twoYears = await endAndCount(await withPast(104));
    console.info(`storage read per end: one year ${oneYear.bytes} B, two years ${twoYears.bytes} B`);
    // Positive control: the card was built, with the health figures the history gives.
    expect(oneYear.card).toContain('1:1s held');
    const undated = (card: string) => card.replace(/\{\{(DATE|TIME)\([^)]*\)\}\}/g, '…');
    expect(undated(twoYears.card)).toBe(undated(oneYear.card));
    // A year more of history (52 meetings, 260 records, some 100 KB) adds nothing to the end's reads.
    expect(twoYears.bytes).toBeLessThan(oneYear.bytes * 1.05 + 1_000);
    expect(oneYear.bytes).toBeLessThan(60_000);
  });
});
