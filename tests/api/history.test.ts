import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryPage, PanelState } from '../../domain/api.js';
import type { ActionItem, Meeting, PrivateNote, Series, SharedNote, Topic } from '../../domain/entities.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';
import { instantFromNow } from '../support/dates.js';

/**
 * Panel load and reconnect carry the current meeting, the recent past the
 * health strip and "From last time" need, and a summary of the rest; older
 * meetings page on demand. Real service, real Cosmos protocol server, real
 * signed tokens; the past is written straight to storage, as years of use
 * would have left it.
 */
let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t?.stop();
});

const DAY = 86_400_000;
const pad = (i: number) => String(i).padStart(3, '0');

/** A 1:1 with `count` weekly meetings behind it, each with two topics, notes, an action item and private notes. */
async function withPast(count: number) {
  const series: Series = await seedSeries(t.service);
  const [manager, report] = [
    series.members.find((m) => m.role === 'manager')!,
    series.members.find((m) => m.role === 'report')!,
  ];
  const { records, privateNotes } = t.service.ctx.store;
  const base = (id: string) => ({
    id,
    seriesId: series.id,
    version: 1,
    createdAt: new Date(Date.now() - 800 * DAY).toISOString(),
    updatedAt: new Date(Date.now() - 800 * DAY).toISOString(),
  });
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = new Date(Date.now() - (1 + 7 * i) * DAY);
    const meetingId = `p-${pad(i)}`;
    const meeting: Meeting = {
      ...base(meetingId),
      type: 'meeting',
      scheduledStart: start.toISOString(),
      endedAt: new Date(start.getTime() + 1_800_000).toISOString(),
      status: 'ended',
    };
    const topics: Topic[] = ['a', 'b'].map((k) => ({
      ...base(`${meetingId}-t${k}`),
      type: 'topic',
      meetingId,
      text: `Topic ${k} of meeting ${pad(i)}`,
      category: 'work',
      addedBy: report.userId,
      order: k === 'a' ? 'a0' : 'a1',
      status: 'discussed',
      carriedOverCount: 0,
      originId: `${meetingId}-t${k}`,
    }));
    const note: SharedNote = {
      ...base(`${meetingId}-n`),
      type: 'sharedNote',
      meetingId,
      topicId: `${meetingId}-ta`,
      authorId: report.userId,
      text: `Notes of meeting ${pad(i)}`,
    };
    const item: ActionItem = {
      ...base(`${meetingId}-ai`),
      type: 'actionItem',
      meetingId,
      text: `Follow-up of meeting ${pad(i)}`,
      ownerId: report.userId,
      createdBy: manager.userId,
      dueDate: new Date(start.getTime() + 7 * DAY).toISOString().slice(0, 10),
      // One old commitment is still open: "From last time" must keep showing it.
      ...(i === 90 ? {} : { doneAt: new Date(start.getTime() + 2 * DAY).toISOString() }),
    };
    const privates: PrivateNote[] = [report, manager].map((m) => ({
      ...base(`${meetingId}-pn-${m.role}`),
      type: 'privateNote',
      meetingId,
      authorId: m.userId,
      text: `${m.role} private thoughts on ${pad(i)}`,
    }));
    writes.push(records.create(meeting), ...topics.map((x) => records.create(x)), records.create(note));
    writes.push(records.create(item), ...privates.map((x) => privateNotes.create(x)));
    if (writes.length > 60) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return {
    series,
    path: seriesPath(series.id),
    asReport: apiClient(t.url, await devToken(t.service, series.tenantId, report)),
    asManager: apiClient(t.url, await devToken(t.service, series.tenantId, manager)),
  };
}

async function stateOf(client: ReturnType<typeof apiClient>, path: string) {
  const res = await client.get(`${path}/state`);
  expect(res.status).toBe(200);
  return { state: PanelState.parse(res.body), bytes: JSON.stringify(res.body).length };
}

describe('bounded panel load and history paging', { timeout: 120_000 }, () => {
  let long: Awaited<ReturnType<typeof withPast>>;
  let short: Awaited<ReturnType<typeof withPast>>;
  beforeAll(async () => {
    [short, long] = [await withPast(12), await withPast(100)];
  }, 120_000);

  it('the state of a 1:1 with 100 past meetings is as small as one with 12', async () => {
    const a = await stateOf(short.asReport, short.path);
    const b = await stateOf(long.asReport, long.path);
    expect(a.state.history.pastMeetings).toBe(12);
    expect(b.state.history.pastMeetings).toBe(100);
    // Current meeting + 8 weeks of weekly meetings, in both.
    expect(b.state.meetings).toHaveLength(a.state.meetings.length);
    expect(b.state.meetings).toHaveLength(1 + 8);
    expect(b.state.topics).toHaveLength(a.state.topics.length);
    expect(b.state.sharedNotes).toHaveLength(a.state.sharedNotes.length);
    expect(b.state.privateNotes).toHaveLength(a.state.privateNotes.length);
    // The one extra: the open action item from meeting 90, for "From last time".
    expect(b.state.actionItems).toHaveLength(a.state.actionItems.length + 1);
    expect(b.bytes).toBeLessThan(a.bytes + 1_000);
    expect(b.bytes).toBeLessThan(20_000);
    expect(b.state.actionItems.find((i) => i.meetingId === 'p-090')?.doneAt).toBeUndefined();
    expect(b.state.history.before).toEqual({
      scheduledStart: b.state.meetings.find((m) => m.id === 'p-007')!.scheduledStart,
      id: 'p-007',
    });
  });

  it('history pages return every past meeting once, with its topics, notes and items, newest first', async () => {
    const { state } = await stateOf(long.asReport, long.path);
    // The load lists meetings oldest first; the history reads newest first (p-000 is the newest).
    const seen = state.meetings
      .filter((m) => m.status === 'ended')
      .map((m) => m.id)
      .sort();
    const topics = new Set(state.topics.map((x) => x.id));
    const privateTexts = state.privateNotes.map((n) => n.text);
    let before = state.history.before;
    let pages = 0;
    while (before) {
      const query = `before=${encodeURIComponent(before.scheduledStart)}&beforeId=${before.id}&limit=9`;
      const res = await long.asReport.get(`${long.path}/history?${query}`);
      expect(res.status).toBe(200);
      const page = HistoryPage.parse(res.body);
      expect(page.meetings.length).toBeLessThanOrEqual(9);
      expect(page.meetings.map((m) => m.scheduledStart)).toEqual(
        [...page.meetings.map((m) => m.scheduledStart)].sort().reverse(),
      );
      seen.push(...page.meetings.map((m) => m.id));
      page.topics.forEach((x) => topics.add(x.id));
      expect(page.sharedNotes).toHaveLength(page.meetings.length);
      expect(page.actionItems).toHaveLength(page.meetings.length);
      privateTexts.push(...page.privateNotes.map((n) => n.text));
      before = page.before;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil((100 - 8) / 9));
    expect(seen).toHaveLength(100);
    expect(new Set(seen)).toEqual(new Set(Array.from({ length: 100 }, (_, i) => `p-${pad(i)}`)));
    expect(seen).toEqual([...seen].sort()); // p-000 is the newest: pages continue exactly where the load stopped
    expect(topics.size).toBe(200);
    // Private notes: the caller's own, every one of them, and never the other member's.
    expect(privateTexts).toHaveLength(100);
    expect(privateTexts.every((text) => text.startsWith('report private'))).toBe(true);
  });

  it("the manager's pages carry the manager's private notes (the positive control for the report's)", async () => {
    const res = await long.asManager.get(`${long.path}/history?limit=3`);
    const page = HistoryPage.parse(res.body);
    expect(page.meetings.map((m) => m.id)).toEqual(['p-000', 'p-001', 'p-002']);
    expect(page.privateNotes.map((n) => n.text)).toEqual(
      expect.arrayContaining(['manager private thoughts on 000', 'manager private thoughts on 002']),
    );
    expect(page.privateNotes.some((n) => n.text.startsWith('report'))).toBe(false);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=21', 'limit'],
    ['limit=ten', 'limit'],
    ['before=yesterday&beforeId=p-001', 'before'],
    [`before=${instantFromNow(-30)}`, 'beforeId'],
    [`since=${instantFromNow(-30)}`, 'since'],
  ])('a history request with %s answers 400 naming the problem', async (query, named) => {
    const res = await long.asReport.get(`${long.path}/history?${query}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(named);
  });

  it('someone outside the 1:1 cannot page its history', async () => {
    const stranger = apiClient(
      t.url,
      await devToken(t.service, long.series.tenantId, { userId: 'stranger-1', name: 'Not A Member' }),
    );
    expect((await stranger.get(`${long.path}/history?limit=5`)).status).toBe(403);
    expect((await long.asReport.get(`${long.path}/history?limit=5`)).status).toBe(200);
  });
});
