import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState, RecordsResponse } from '../../domain/api.js';
import { AdjustableClock } from '../../bot/src/clock.js';
import { DEFAULT_REJOIN_WINDOW_MINUTES } from '../../domain/occurrence.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';

let t: TestService;
const clock = new AdjustableClock();
beforeAll(async () => {
  t = await startTestService({ clock });
});
afterAll(async () => {
  await t?.stop();
});

/** The next 1:1, not the same call rejoined: later than the rejoin window after the end. */
const laterThanARejoin = () => clock.advanceBy((DEFAULT_REJOIN_WINDOW_MINUTES + 1) * 60_000);

async function oneOnOne() {
  const series = await seedSeries(t.service);
  const report = series.members.find((m) => m.role === 'report')!;
  const api = apiClient(t.url, await devToken(t.service, series.tenantId, report));
  const path = seriesPath(series.id);
  const state = async () => PanelState.parse((await api.get(`${path}/state`)).body);
  return { series, api, path, state };
}

describe('meetings', () => {
  it('a topic not discussed carries over to the next meeting, and again to the one after', async () => {
    const { api, path, state } = await oneOnOne();
    await api.post(`${path}/topics`, { id: 'done', text: 'Project status' });
    await api.post(`${path}/topics`, { id: 'later', text: 'Conference budget', category: 'growth' });
    await api.patch(`${path}/topics/done`, { status: 'discussed' });

    const first = await state();
    expect((await api.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
    const ended = await api.post(`${path}/meetings/current/end`);
    expect(ended.status).toBe(200);
    RecordsResponse.parse(ended.body);
    const second = await state();
    expect(second.series.currentMeetingId).not.toBe(first.series.currentMeetingId);
    expect(second.meetings.find((m) => m.id === first.series.currentMeetingId)?.status).toBe('ended');
    const carried = second.topics.filter((x) => x.meetingId === second.series.currentMeetingId);
    expect(carried.map((x) => [x.text, x.carriedOverCount])).toEqual([['Conference budget', 1]]);

    laterThanARejoin();
    expect((await api.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
    await api.post(`${path}/meetings/current/end`);
    const third = await state();
    const again = third.topics.filter((x) => x.meetingId === third.series.currentMeetingId);
    expect(again.map((x) => [x.text, x.carriedOverCount, x.originId])).toEqual([['Conference budget', 2, 'later']]);
    // The past meetings keep their agendas for history.
    expect(third.topics.filter((x) => x.meetingId === first.series.currentMeetingId).map((x) => x.text)).toEqual([
      'Project status',
      'Conference budget',
    ]);
  });

  it('changing the cadence moves the upcoming meeting to the new slot', async () => {
    const { api, path, state } = await oneOnOne();
    const res = await api.put(`${path}/cadence`, {
      cadence: {
        frequency: 'biweekly',
        weekday: 'monday',
        time: '09:30',
        timeZone: 'Europe/Berlin',
        durationMinutes: 45,
      },
    });
    expect(res.status).toBe(200);
    const after = await state();
    const upcoming = after.meetings.find((m) => m.id === after.series.currentMeetingId)!;
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(upcoming.scheduledStart));
    expect(local).toBe('Monday 09:30');
  });

  it('skipping a meeting moves its open topics on and counts as skipped', async () => {
    const { api, path, state } = await oneOnOne();
    await api.post(`${path}/topics`, { id: 'open', text: 'Hiring plan' });
    const before = await state();
    expect((await api.post(`${path}/meetings/current/skip`, {})).status).toBe(200);
    const after = await state();
    expect(after.meetings.find((m) => m.id === before.series.currentMeetingId)?.status).toBe('skipped');
    expect(after.topics.filter((x) => x.meetingId === after.series.currentMeetingId).map((x) => x.text)).toEqual([
      'Hiring plan',
    ]);
    expect((await api.post(`${path}/meetings/current/skip`, { outcome: 'forgotten' })).status).toBe(400);
  });

  it('an agenda template adds its topics once, however often it is applied', async () => {
    const { api, path, state } = await oneOnOne();
    const first = await api.post(`${path}/meetings/current/template`, { templateId: 'career-conversation' });
    expect(first.status).toBe(200);
    const added = RecordsResponse.parse(first.body).records.length;
    expect(added).toBeGreaterThanOrEqual(3);
    const again = await api.post(`${path}/meetings/current/template`, { templateId: 'career-conversation' });
    // A repeat answers the topics already there (a retry after a lost answer gets them too), adding none.
    expect(RecordsResponse.parse(again.body).records).toEqual(RecordsResponse.parse(first.body).records);
    expect((await state()).topics).toHaveLength(added);
    const unknown = await api.post(`${path}/meetings/current/template`, { templateId: 'gossip-hour' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('career-conversation');
  });

  it('a template applied from a German panel adds its topics in German; applied again in English it adds nothing', async () => {
    const { series, path, state } = await oneOnOne();
    const report = series.members.find((m) => m.role === 'report')!;
    const token = await devToken(t.service, series.tenantId, report);
    const inGerman = apiClient(t.url, token, { acceptLanguage: 'de-DE,de;q=0.9,en;q=0.8' });
    const applied = await inGerman.post(`${path}/meetings/current/template`, { templateId: 'first-one-on-one' });
    expect(applied.status).toBe(200);
    expect(RecordsResponse.parse(applied.body).records.map((r) => ('text' in r ? r.text : ''))).toEqual([
      'Was erhoffen Sie sich von unseren 1:1s?',
      'Woran arbeiten Sie gerade, und was steht Ihnen dabei im Weg?',
      'Wie sieht für Sie eine gute Arbeitswoche aus?',
      'Wie bekommen Sie Feedback am liebsten: direkt im Moment, schriftlich oder hier im 1:1?',
      'Wo möchten Sie sich im nächsten Jahr weiterentwickeln?',
    ]);
    const inEnglish = apiClient(t.url, token, { acceptLanguage: 'en-US' });
    const again = await inEnglish.post(`${path}/meetings/current/template`, { templateId: 'first-one-on-one' });
    expect(RecordsResponse.parse(again.body).records).toEqual(RecordsResponse.parse(applied.body).records);
    expect((await state()).topics).toHaveLength(5);
    // Positive control: English is what a panel without Accept-Language gets.
    const other = await inEnglish.post(`${path}/meetings/current/template`, { templateId: 'regular-check-in' });
    expect(RecordsResponse.parse(other.body).records.map((r) => ('text' in r ? r.text : ''))).toContain(
      'What is on your mind this week?',
    );
  });

  it('after meetings held early, a new cadence never schedules the next one before them', async () => {
    const { api, path, state } = await oneOnOne();
    expect((await api.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
    await api.post(`${path}/meetings/current/end`);
    laterThanARejoin();
    expect((await api.post(`${path}/meetings/current/start`, { early: true })).status).toBe(200);
    await api.post(`${path}/meetings/current/end`);
    const held = (await state()).meetings.filter((m) => m.status === 'ended');
    expect(held).toHaveLength(2);
    const lastHeld = Math.max(...held.map((m) => Date.parse(m.scheduledStart)));
    await api.put(`${path}/cadence`, {
      cadence: { frequency: 'weekly', weekday: 'tuesday', time: '14:30', timeZone: 'UTC', durationMinutes: 30 },
    });
    const after = await state();
    const upcoming = after.meetings.find((m) => m.id === after.series.currentMeetingId)!;
    expect(Date.parse(upcoming.scheduledStart)).toBeGreaterThan(lastHeld);
    expect(new Date(upcoming.scheduledStart).getUTCDay()).toBe(2);
  });

  it('refuses an unknown time zone with a message that says what to send', async () => {
    const { api, path } = await oneOnOne();
    const res = await api.put(`${path}/cadence`, {
      cadence: { frequency: 'weekly', weekday: 'monday', time: '09:30', timeZone: 'Mars/Olympus', durationMinutes: 30 },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('IANA');
  });
});
