import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, PROTOCOL_VERSION, type JoinAck } from '../../domain/realtime.js';
import { apiClient, seriesPath } from '../support/api.js';
import { devToken, seedSeries, startTestService, type TestService } from '../support/service.js';

/**
 * Error messages a person reads come in the language the tab sends as
 * Accept-Language; the code a program reads never changes. English stays
 * the default, word for word.
 */

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t?.stop();
});

async function clients() {
  const series = await seedSeries(t.service);
  const report = series.members.find((m) => m.role === 'report')!;
  const token = await devToken(t.service, series.tenantId, report);
  return {
    path: seriesPath(series.id),
    german: apiClient(t.url, token, { acceptLanguage: 'de-DE,de;q=0.9,en;q=0.5' }),
    english: apiClient(t.url, token, { acceptLanguage: 'en-US' }),
    plain: apiClient(t.url, token),
    stranger: apiClient(t.url, await devToken(t.service, series.tenantId, { userId: 'u-stranger', name: 'Eve' }), {
      acceptLanguage: 'de',
    }),
  };
}

type ErrorAnswer = { error: { code: string; message: string; details?: string[] } };
const errorOf = (body: unknown) => (body as ErrorAnswer).error;

describe('API errors in the reader’s language', () => {
  it('a 400 with Accept-Language: de has a German message and the same code as in English', async () => {
    const { path, german, english, plain } = await clients();
    expect((await plain.post(`${path}/topics`, { id: 't-a', text: 'Urlaub planen' })).status).toBe(201);
    const move = { afterId: 't-a' };
    const inGerman = await german.post(`${path}/topics/t-a/move`, move);
    const inEnglish = await english.post(`${path}/topics/t-a/move`, move);
    const withoutHeader = await plain.post(`${path}/topics/t-a/move`, move);
    expect(inGerman.status).toBe(400);
    expect(errorOf(inGerman.body)).toEqual({
      code: 'invalid',
      message: 'Ein Thema kann nicht hinter sich selbst verschoben werden.',
    });
    expect(errorOf(inEnglish.body)).toEqual({ code: 'invalid', message: 'A topic cannot be moved after itself.' });
    expect(errorOf(withoutHeader.body)).toEqual(errorOf(inEnglish.body));
  });

  it('a refused body reads German at the top, its field details kept for the fix, and the code unchanged', async () => {
    const { path, german, english } = await clients();
    const inGerman = errorOf((await german.post(`${path}/topics`, { id: 't-b', text: '' })).body);
    const inEnglish = errorOf((await english.post(`${path}/topics`, { id: 't-b', text: '' })).body);
    expect(inGerman.code).toBe('invalid');
    expect(inEnglish.code).toBe('invalid');
    expect(inGerman.message).toBe('Diese Eingabe ist nicht gültig. Bitte prüfen Sie sie und versuchen Sie es erneut.');
    expect(inEnglish.message).toMatch(/^The topic is not valid: /);
    expect(inGerman.details).toEqual(inEnglish.details);
  });

  it('a non-member, an unknown route and broken JSON are answered in German too', async () => {
    const { path, stranger, german } = await clients();
    const refused = await stranger.get(`${path}/state`);
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body)).toEqual({ code: 'forbidden', message: 'Sie gehören nicht zu diesem 1:1.' });
    const noRoute = await german.get('/no-such-route');
    expect(noRoute.status).toBe(404);
    expect(errorOf(noRoute.body)).toEqual({
      code: 'not_found',
      message: 'Es gibt keine API-Route GET /no-such-route.',
    });
    const broken = await german.post(`${path}/topics`, '{"id": ');
    expect(broken.status).toBe(400);
    expect(errorOf(broken.body)).toEqual({
      code: 'invalid',
      message: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
    });
  });

  it('an English-first browser that also lists German reads English (issue 23.3), even on a 401', async () => {
    const series = await seedSeries(t.service);
    const report = series.members.find((m) => m.role === 'report')!;
    const header = 'en-US,en;q=0.9,de;q=0.8';
    const englishFirst = apiClient(t.url, await devToken(t.service, series.tenantId, report), {
      acceptLanguage: header,
    });
    const answer = await englishFirst.post(`${seriesPath(series.id)}/topics/nope/move`, { afterId: 'nope' });
    expect(errorOf(answer.body)).toEqual({ code: 'invalid', message: 'A topic cannot be moved after itself.' });
    const signedOut = apiClient(t.url, 'not-a-token', { acceptLanguage: header });
    const refused = await signedOut.get(`${seriesPath(series.id)}/state`);
    expect(refused.status).toBe(401);
    expect(errorOf(refused.body).message).not.toBe('Bitte melden Sie sich an.');
    // Positive control: German first reads German on the same route.
    const germanFirst = apiClient(t.url, 'not-a-token', { acceptLanguage: 'de-AT,de;q=0.9,en;q=0.8' });
    expect(errorOf((await germanFirst.get(`${seriesPath(series.id)}/state`)).body).message).toBe(
      'Bitte melden Sie sich an.',
    );
  });

  it('a language without a catalog reads English', async () => {
    const series = await seedSeries(t.service);
    const report = series.members.find((m) => m.role === 'report')!;
    const french = apiClient(t.url, await devToken(t.service, series.tenantId, report), { acceptLanguage: 'fr-FR' });
    const answer = await french.post(`${seriesPath(series.id)}/topics/nope/move`, { afterId: 'nope' });
    expect(errorOf(answer.body)).toEqual({ code: 'invalid', message: 'A topic cannot be moved after itself.' });
  });
});

describe('live-update refusals in the panel’s language', () => {
  /** Connects with the locale a panel sends in its handshake; answers the refusal or the socket. */
  function connect(auth: Record<string, unknown>) {
    const socket = io(t.url, { auth, transports: ['websocket'], reconnection: false });
    const outcome = new Promise<string | undefined>((resolve) => {
      socket.once('connect', () => resolve(undefined));
      socket.once('connect_error', (error) => resolve(error.message));
    });
    return { socket, outcome };
  }

  it('a refused sign-in and an outdated panel read German with locale de-DE, English without one', async () => {
    const german = connect({ token: 'not-a-token', protocol: PROTOCOL_VERSION, locale: 'de-DE' });
    const english = connect({ token: 'not-a-token', protocol: PROTOCOL_VERSION });
    try {
      expect(await german.outcome).toBe('Bitte melden Sie sich an.');
      expect(await english.outcome).not.toBe('Bitte melden Sie sich an.');
    } finally {
      german.socket.close();
      english.socket.close();
    }
    const series = await seedSeries(t.service);
    const token = await devToken(t.service, series.tenantId, series.members[0]!);
    const outdated = connect({ token, protocol: 1, locale: 'de' });
    try {
      expect(await outdated.outcome).toMatch(/^Eine neuere Version von 1:1 Companion ist verfügbar/);
    } finally {
      outdated.socket.close();
    }
  });

  it('a refused join reads German, with the same code', async () => {
    const series = await seedSeries(t.service);
    const stranger = await devToken(t.service, series.tenantId, { userId: 'u-stranger-2', name: 'Eve' });
    const panel = connect({ token: stranger, protocol: PROTOCOL_VERSION, locale: 'de-DE' });
    try {
      expect(await panel.outcome).toBeUndefined();
      const refusal = (await panel.socket.timeout(5000).emitWithAck(EVENTS.join, { seriesId: series.id })) as JoinAck;
      expect(refusal).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const invalid = (await panel.socket.timeout(5000).emitWithAck(EVENTS.join, {})) as JoinAck;
      expect(invalid).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: 'Senden Sie { seriesId }, um einem 1:1 beizutreten.' },
      });
      expect(refusal.ok ? '' : refusal.error.message).not.toMatch(/[Yy]ou|only/);
    } finally {
      panel.socket.close();
    }
  });
});
