import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Member, Series } from '../../domain/entities.js';
import { createSeries } from '../../domain/series.js';
import { DEFAULT_CADENCE } from '../../bot/src/commands/series.js';
import { apiClient, connectPanel, eventually, seriesPath } from '../support/api.js';
import { devToken, newMembers, seedSeries, startTestService, type TestService } from '../support/service.js';

/**
 * Issue 12.1: room names joined ids with ":" while ids may contain ":", so
 * the room of a 1:1 whose chat id was crafted as "<victim chat>:member:<user>"
 * was the victim member's private room.
 */
let svc: TestService;

beforeAll(async () => {
  svc = await startTestService();
});

afterAll(async () => {
  await svc?.stop();
});

it('a 1:1 whose id extends another’s with ":member:<user>" does not receive that member’s private notes', async () => {
  const victim = await seedSeries(svc.service);
  const [, report] = victim.members as [Member, Member];
  // Such a 1:1 can no longer be created (chat ids are checked); written directly, as one stored before the check.
  const attackers = newMembers('attacker');
  const { series: crafted, meeting } = createSeries({
    tenantId: victim.tenantId,
    chatId: `${victim.chatId}:member:${report.userId}`,
    title: 'Crafted',
    members: attackers,
    cadence: DEFAULT_CADENCE,
    now: new Date(),
  });
  await svc.service.ctx.store.records.create(meeting);
  await svc.service.ctx.store.records.create(crafted);

  const attacker = await connectPanel(svc.url, await devToken(svc.service, victim.tenantId, attackers[0]), crafted.id);
  const reportPanel = await connectPanel(svc.url, await devToken(svc.service, victim.tenantId, report), victim.id);
  try {
    const asReport = apiClient(svc.url, await devToken(svc.service, victim.tenantId, report));
    const saved = await asReport.put(`${seriesPath(victim.id)}/meetings/${victim.currentMeetingId}/private-note`, {
      text: 'I am thinking of leaving',
    });
    expect(saved.status).toBe(200);
    // Positive control: the author's own panel receives it, so the event was sent.
    await eventually(() => reportPanel.records().some((r) => r.type === 'privateNote'), 'the author’s own event');
    // A write to the attacker's own 1:1 after it proves the attacker's socket is live and in order.
    const asAttacker = apiClient(svc.url, await devToken(svc.service, victim.tenantId, attackers[0]));
    expect((await asAttacker.post(`${seriesPath(crafted.id)}/topics`, { id: 'own', text: 'Own' })).status).toBe(201);
    await eventually(() => attacker.records().some((r) => r.id === 'own'), 'the attacker’s own event');
    expect(attacker.records().filter((r) => r.type === 'privateNote')).toEqual([]);
  } finally {
    attacker.close();
    reportPanel.close();
  }
});

it('a chat id that is not a Teams chat id is refused when a 1:1 is set up', async () => {
  const victim: Series = await seedSeries(svc.service);
  await expect(seedSeries(svc.service, { chatId: `${victim.chatId}:member:someone` })).rejects.toThrow(/chat/i);
  await expect(seedSeries(svc.service, { chatId: '19:a b/c@thread.v2' })).rejects.toThrow(/chat/i);
  // Positive control: the shapes Teams uses for meeting and group chats are accepted.
  await expect(
    seedSeries(svc.service, { chatId: `19:meeting_NjE4ZTc5ZjctZWQ4Mi00${Date.now()}@thread.v2` }),
  ).resolves.toMatchObject({ type: 'series' });
});
