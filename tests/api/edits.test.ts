import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, PanelState, RecordResponse, RecordsResponse } from '../../domain/api.js';
import { derivedId } from '../../domain/ids.js';
import { topicsFromTemplate } from '../../domain/templates.js';
import type { Series, Topic } from '../../domain/entities.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';
import { dayFromToday } from '../support/dates.js';

/** Issue 10 (conflict-safe edits, everything can be corrected) over HTTP against the real service. */

let t: TestService;
beforeAll(async () => {
  t = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => {
  await t?.stop();
});

async function oneOnOne() {
  const series: Series = await seedSeries(t.service);
  const manager = series.members.find((m) => m.role === 'manager')!;
  const report = series.members.find((m) => m.role === 'report')!;
  return {
    series,
    manager,
    report,
    managerToken: await devToken(t.service, series.tenantId, manager),
    asManager: apiClient(t.url, await devToken(t.service, series.tenantId, manager)),
    asReport: apiClient(t.url, await devToken(t.service, series.tenantId, report)),
    path: seriesPath(series.id),
  };
}

const recordOf = (body: unknown) => RecordResponse.parse(body).record;

async function stored(asMember: ReturnType<typeof apiClient>, path: string) {
  return PanelState.parse((await asMember.get(`${path}/state`)).body);
}

describe('edits with a base version (topics)', () => {
  it('a stale text edit answers 409 edit_conflict with the current topic, and the newer text stays', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    const added = recordOf((await asReport.post(`${path}/topics`, { id: 't1', text: 'Workload' })).body);
    const base = added.version;
    const first = await asManager.patch(`${path}/topics/t1`, { text: 'Workload in December', baseVersion: base });
    expect(first.status).toBe(200);

    const stale = await asReport.patch(`${path}/topics/t1`, { text: 'Workload and on-call', baseVersion: base });
    expect(stale.status).toBe(409);
    const error = ErrorBody.parse(stale.body).error;
    expect(error.code).toBe('edit_conflict');
    expect(error.message).toMatch(/changed this topic's text/);
    expect(error.current).toMatchObject({ id: 't1', text: 'Workload in December', version: base + 1 });
    expect(error.fields).toEqual(['text']);

    const topic = (await stored(asReport, path)).topics.find((x) => x.id === 't1');
    expect(topic).toMatchObject({ text: 'Workload in December', version: base + 1 });
  });

  it('edits of different fields from the same base both apply', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    const added = recordOf((await asReport.post(`${path}/topics`, { id: 't2', text: 'Trainig budget' })).body);
    const [discussed, fixed, recategorised] = await Promise.all([
      asManager.patch(`${path}/topics/t2`, { status: 'discussed', baseVersion: added.version }),
      asReport.patch(`${path}/topics/t2`, { text: 'Training budget', baseVersion: added.version }),
      asReport.patch(`${path}/topics/t2`, { category: 'growth', baseVersion: added.version }),
    ]);
    expect([discussed.status, fixed.status, recategorised.status]).toEqual([200, 200, 200]);
    const topic = (await stored(asManager, path)).topics.find((x) => x.id === 't2');
    expect(topic).toMatchObject({ text: 'Training budget', status: 'discussed', category: 'growth', version: 4 });
  });

  it('a second edit of the same field from the same base is refused, whichever arrives second', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 't3', text: 'Offsite' });
    const answers = await Promise.all([
      asManager.patch(`${path}/topics/t3`, { text: 'Offsite in March', baseVersion: 1 }),
      asReport.patch(`${path}/topics/t3`, { text: 'Offsite agenda', baseVersion: 1 }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = recordOf(answers.find((a) => a.status === 200)!.body) as Topic;
    const topic = (await stored(asManager, path)).topics.find((x) => x.id === 't3');
    expect(topic).toMatchObject({ text: winner.text, version: 2 });
  });

  it('an edit from the current version, a retried edit and an edit without baseVersion all apply', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 't4', text: 'Promotion' });
    const edit = { text: 'Promotion timeline', baseVersion: 1 };
    expect((await asManager.patch(`${path}/topics/t4`, edit)).status).toBe(200);
    // The answer was lost and the same edit is sent again: it is already applied, not a conflict.
    const retried = await asManager.patch(`${path}/topics/t4`, edit);
    expect(retried.status).toBe(200);
    expect(recordOf(retried.body)).toMatchObject({ text: 'Promotion timeline', version: 2 });
    expect((await asReport.patch(`${path}/topics/t4`, { text: 'Promotion case', baseVersion: 2 })).status).toBe(200);
    // Today's behaviour without a base version: the last write wins (cards, older clients).
    expect((await asManager.patch(`${path}/topics/t4`, { text: 'Promotion: next steps' })).status).toBe(200);
    expect((await stored(asReport, path)).topics.find((x) => x.id === 't4')).toMatchObject({
      text: 'Promotion: next steps',
      version: 4,
    });
  });

  it('a move after the base version does not make a text edit conflict', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 'm1', text: 'One' });
    await asReport.post(`${path}/topics`, { id: 'm2', text: 'Two' });
    expect((await asManager.post(`${path}/topics/m2/move`, { afterId: null })).status).toBe(200);
    const edit = await asReport.patch(`${path}/topics/m2`, { text: 'Two, reworded', baseVersion: 1 });
    expect(edit.status).toBe(200);
  });
});

describe('edits with a base version (action items)', () => {
  it('a stale text edit answers 409 edit_conflict with the current item, and the newer text stays', async () => {
    const { asReport, asManager, path, report } = await oneOnOne();
    const body = { id: 'a1', text: 'Draft plan', ownerId: report.userId };
    const added = recordOf((await asManager.post(`${path}/action-items`, body)).body);
    expect(
      (await asReport.patch(`${path}/action-items/a1`, { text: 'Draft the growth plan', baseVersion: 1 })).status,
    ).toBe(200);
    const stale = await asManager.patch(`${path}/action-items/a1`, {
      text: 'Draft the plan by Friday',
      baseVersion: added.version,
    });
    expect(stale.status).toBe(409);
    const error = ErrorBody.parse(stale.body).error;
    expect(error.code).toBe('edit_conflict');
    expect(error.current).toMatchObject({ id: 'a1', type: 'actionItem', text: 'Draft the growth plan' });
    expect((await stored(asManager, path)).actionItems[0]).toMatchObject({ text: 'Draft the growth plan', version: 2 });
  });

  it('owner, due date and done from the same base all apply', async () => {
    const inTenDays = dayFromToday(10);
    const { asReport, asManager, path, report, manager } = await oneOnOne();
    await asManager.post(`${path}/action-items`, { id: 'a2', text: 'Book training', ownerId: report.userId });
    const answers = await Promise.all([
      asManager.patch(`${path}/action-items/a2`, { ownerId: manager.userId, baseVersion: 1 }),
      asReport.patch(`${path}/action-items/a2`, { dueDate: inTenDays, baseVersion: 1 }),
      asReport.patch(`${path}/action-items/a2`, { done: true, baseVersion: 1 }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((await stored(asReport, path)).actionItems[0]).toMatchObject({
      ownerId: manager.userId,
      dueDate: inTenDays,
      doneAt: expect.any(String),
      version: 4,
    });
  });

  it('a stale due date change conflicts with a newer due date, not with a newer text', async () => {
    const inFourDays = dayFromToday(4);
    const { asReport, asManager, path, report } = await oneOnOne();
    await asManager.post(`${path}/action-items`, {
      id: 'a3',
      text: 'Ship',
      ownerId: report.userId,
      dueDate: dayFromToday(2),
    });
    await asReport.patch(`${path}/action-items/a3`, { text: 'Ship the beta', baseVersion: 1 });
    expect((await asManager.patch(`${path}/action-items/a3`, { dueDate: inFourDays, baseVersion: 1 })).status).toBe(
      200,
    );
    const clash = await asReport.patch(`${path}/action-items/a3`, { dueDate: null, baseVersion: 2 });
    expect(clash.status).toBe(409);
    expect(ErrorBody.parse(clash.body).error.fields).toEqual(['dueDate']);
    expect((await stored(asReport, path)).actionItems[0]).toMatchObject({
      text: 'Ship the beta',
      dueDate: inFourDays,
    });
  });
});

describe('deleting and restoring an action item', () => {
  it('a delete leaves a tombstone, repeats change nothing, and restore brings it back; both panels see each', async () => {
    const { asReport, asManager, path, report, series, managerToken } = await oneOnOne();
    await asReport.post(`${path}/action-items`, { id: 'd1', text: 'Send notes', ownerId: report.userId });
    const managerPanel = await connectPanel(t.url, managerToken, series.id);
    try {
      const deleted = await asReport.delete(`${path}/action-items/d1`);
      expect(deleted.status).toBe(200);
      const tombstone = recordOf(deleted.body);
      expect(tombstone).toMatchObject({ id: 'd1', deletedAt: expect.any(String), version: 2 });
      const again = await asManager.delete(`${path}/action-items/d1`);
      expect(recordOf(again.body)).toEqual(tombstone);
      await eventually(
        () => managerPanel.records().find((r) => r.id === 'd1' && r.deletedAt !== undefined),
        'the tombstone on the manager panel',
      );
      // A deleted item cannot be edited or ticked until it is restored.
      expect((await asManager.patch(`${path}/action-items/d1`, { done: true })).status).toBe(404);

      const restored = await asManager.post(`${path}/action-items/d1/restore`);
      expect(restored.status).toBe(200);
      expect(recordOf(restored.body)).not.toHaveProperty('deletedAt');
      expect(recordOf((await asManager.post(`${path}/action-items/d1/restore`)).body).version).toBe(3);
      await eventually(
        () => managerPanel.records().find((r) => r.id === 'd1' && r.version === 3 && r.deletedAt === undefined),
        'the restored item on the manager panel',
      );
      const item = (await stored(asReport, path)).actionItems.find((a) => a.id === 'd1');
      expect(item).toMatchObject({ text: 'Send notes', version: 3 });
      expect(item).not.toHaveProperty('deletedAt');
    } finally {
      managerPanel.close();
    }
  });

  it('deleting an item that does not exist answers 404 and a topic id is not an action item', async () => {
    const { asReport, path } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 'topic-x', text: 'Hello' });
    expect((await asReport.delete(`${path}/action-items/nope`)).status).toBe(404);
    expect((await asReport.delete(`${path}/action-items/topic-x`)).status).toBe(404);
    expect((await stored(asReport, path)).topics[0]).not.toHaveProperty('deletedAt');
  });
});

describe('over-long text is refused with a message, never cut', () => {
  it('a 5,000-character topic answers 400 with its length and the limit, and nothing is stored', async () => {
    const { asReport, path } = await oneOnOne();
    const res = await asReport.post(`${path}/topics`, { id: 'long', text: 'x'.repeat(5000) });
    expect(res.status).toBe(400);
    const error = ErrorBody.parse(res.body).error;
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/at most 500 characters \(it has 5000\)/);
    expect((await stored(asReport, path)).topics).toEqual([]);
  });

  it('every text field of every route refuses text over its limit and keeps what was stored', async () => {
    const { asReport, path, report, series } = await oneOnOne();
    await asReport.post(`${path}/topics`, { id: 't', text: 'Short topic' });
    await asReport.post(`${path}/action-items`, { id: 'a', text: 'Short item', ownerId: report.userId });
    await asReport.put(`${path}/topics/t/notes/mine`, { text: 'Short note' });
    const before = await stored(asReport, path);
    const refused = [
      await asReport.patch(`${path}/topics/t`, { text: 'y'.repeat(501) }),
      await asReport.post(`${path}/action-items`, { id: 'b', text: 'z'.repeat(501), ownerId: report.userId }),
      await asReport.patch(`${path}/action-items/a`, { text: 'z'.repeat(2000) }),
      await asReport.put(`${path}/topics/t/notes/mine`, { text: 'n'.repeat(10_001) }),
      await asReport.put(`${path}/meetings/${series.currentMeetingId}/private-note`, { text: 'p'.repeat(20_001) }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(400);
      expect(ErrorBody.parse(res.body).error.message).toMatch(/at most [\d,]+ characters \(it has \d+\); shorten it/);
    }
    const after = await stored(asReport, path);
    expect(after.topics).toEqual(before.topics);
    expect(after.actionItems).toEqual(before.actionItems);
    expect(after.sharedNotes).toEqual(before.sharedNotes);
    expect(after.privateNotes).toEqual([]);
    // Positive control: text at the limit is stored whole.
    const atLimit = await asReport.patch(`${path}/topics/t`, { text: 'w'.repeat(500) });
    expect(recordOf(atLimit.body)).toMatchObject({ text: 'w'.repeat(500) });
  });
});

describe('a retried create is published too (issue 11.4)', () => {
  /**
   * The first attempt was stored, then its answer and its event were lost (the
   * service died between the write and the publish): written here straight to
   * the store. The client retries with the same id; the other panel must see it.
   */
  it('topics, action items, notes and templates: the retry answers the stored record and the other panel sees it', async () => {
    const { asReport, path, report, series, managerToken } = await oneOnOne();
    const records = t.service.ctx.store.records;
    const at = new Date().toISOString();
    const base = { seriesId: series.id, version: 1, createdAt: at, updatedAt: at };
    const meetingId = series.currentMeetingId;
    await records.create({
      ...base,
      id: 'lost-topic',
      type: 'topic',
      meetingId,
      text: 'Stored, never seen',
      category: 'work',
      addedBy: report.userId,
      order: 'a0',
      status: 'open',
      carriedOverCount: 0,
      originId: 'lost-topic',
    });
    await records.create({
      ...base,
      id: 'lost-item',
      type: 'actionItem',
      meetingId,
      text: 'Stored item',
      ownerId: report.userId,
      createdBy: report.userId,
    });
    await records.create({
      ...base,
      id: derivedId('note', 'lost-topic', report.userId),
      type: 'sharedNote',
      meetingId,
      topicId: 'lost-topic',
      authorId: report.userId,
      text: 'Stored note',
    });
    const templated = topicsFromTemplate('first-one-on-one', {
      series,
      agenda: [],
      addedBy: report.userId,
      meetingId,
      now: new Date(),
    });
    for (const topic of templated) await records.create({ ...topic, order: `b${templated.indexOf(topic)}` });

    const managerPanel = await connectPanel(t.url, managerToken, series.id);
    try {
      const retries = [
        await asReport.post(`${path}/topics`, { id: 'lost-topic', text: 'Stored, never seen' }),
        await asReport.post(`${path}/action-items`, { id: 'lost-item', text: 'Stored item', ownerId: report.userId }),
        await asReport.put(`${path}/topics/lost-topic/notes/mine`, { text: 'Stored note' }),
        await asReport.post(`${path}/meetings/current/template`, { templateId: 'first-one-on-one' }),
      ];
      expect(retries.map((r) => r.status)).toEqual([201, 201, 200, 200]);
      expect(RecordsResponse.parse(retries[3]!.body).records.map((r) => r.id)).toEqual(templated.map((x) => x.id));
      const wanted = [
        'lost-topic',
        'lost-item',
        derivedId('note', 'lost-topic', report.userId),
        ...templated.map((x) => x.id),
      ];
      await eventually(
        () => wanted.every((id) => managerPanel.records().some((r) => r.id === id)),
        'every retried create on the manager panel',
      );
      // Nothing was created twice.
      const state = await stored(asReport, path);
      expect(state.topics).toHaveLength(1 + templated.length);
      expect(state.actionItems).toHaveLength(1);
      expect(state.sharedNotes).toHaveLength(1);
    } finally {
      managerPanel.close();
    }
  });

  it('positive control: a record stored without a request reaches no panel until someone asks for it', async () => {
    const { series, managerToken, report } = await oneOnOne();
    const managerPanel = await connectPanel(t.url, managerToken, series.id);
    try {
      const at = new Date().toISOString();
      await t.service.ctx.store.records.create({
        id: 'silent',
        seriesId: series.id,
        version: 1,
        createdAt: at,
        updatedAt: at,
        type: 'actionItem',
        meetingId: series.currentMeetingId,
        text: 'Silent',
        ownerId: report.userId,
        createdBy: report.userId,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(managerPanel.records()).toEqual([]);
    } finally {
      managerPanel.close();
    }
  });
});

describe('where a topic came from', () => {
  it('a topic records its source: member by default, question bank when picked there, template when applied', async () => {
    const { asReport, asManager, path } = await oneOnOne();
    expect(recordOf((await asReport.post(`${path}/topics`, { id: 'own', text: 'My own topic' })).body)).toMatchObject({
      source: 'member',
    });
    const picked = await asReport.post(`${path}/topics`, {
      id: 'asked',
      text: 'Which skill do you think I should build next?',
      category: 'growth',
      source: 'question',
    });
    expect(recordOf(picked.body)).toMatchObject({ source: 'question' });
    const applied = await asManager.post(`${path}/meetings/current/template`, { templateId: 'regular-check-in' });
    expect(
      RecordsResponse.parse(applied.body).records.every((r) => r.type === 'topic' && r.source === 'template'),
    ).toBe(true);
    // A client cannot claim a template origin for its own topic: templates are applied by the service.
    expect((await asReport.post(`${path}/topics`, { id: 'x', text: 'Sneaky', source: 'template' })).status).toBe(400);
  });
});
