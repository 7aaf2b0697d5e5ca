import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../domain/api.js';
import type { Member } from '../../domain/entities.js';
import { TEAMS_FRAME_ANCESTORS } from '../../bot/src/http/security.js';
import { startTestIdentityProvider, TEST_TENANT_ID, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startTestService, type TestService } from '../support/service.js';

let idp: TestIdentityProvider;
let svc: TestService;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  svc = await startTestService({
    env: { ...idp.env, DEV_MODE: 'false', PUBLIC_URL: 'https://one-on-one.contoso.com' },
  });
});

afterAll(async () => {
  await svc?.stop();
  await idp?.close();
});

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts): parts is [string, ...string[]] => parts[0] !== undefined && parts[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );
}

describe('security headers', () => {
  it.each(['/healthz', '/api/me/series', '/api/no-such-route', '/panel.html'])(
    'are on every response (%s)',
    async (path) => {
      const response = await fetch(`${svc.url}${path}`, { redirect: 'manual' });
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('connect-src')).toEqual(["'self'", 'wss://one-on-one.contoso.com']);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      // X-Frame-Options would stop Teams from framing the tab.
      expect(response.headers.get('x-frame-options')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('let Teams, Microsoft 365 and Outlook frame the tab, and no one else', () => {
    expect(TEAMS_FRAME_ANCESTORS).toEqual(
      expect.arrayContaining([
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://*.cloud.microsoft',
        'https://*.office.com',
        'https://outlook.office.com',
        'https://*.microsoft365.com',
      ]),
    );
    for (const host of TEAMS_FRAME_ANCESTORS) expect(host).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+$/);
    expect(TEAMS_FRAME_ANCESTORS).not.toContain('*');
    expect(TEAMS_FRAME_ANCESTORS).not.toContain('https:');
  });

  it('keep API answers out of every cache', async () => {
    const response = await fetch(`${svc.url}/api/me/series`, {
      headers: { authorization: `Bearer ${await idp.signToken({ userId: 'someone' })}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('request limits', () => {
  it('refuses a body over the size limit with 413 and a reason, storing nothing', async () => {
    const series = await seedSeries(svc.service, { tenantId: TEST_TENANT_ID });
    const [manager] = series.members as [Member, Member];
    const token = await idp.signToken(manager);
    const response = await fetch(`${svc.url}/api/series/${series.id}/topics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'huge', text: 'x'.repeat(300_000) }),
    });
    expect(response.status).toBe(413);
    expect(ErrorBody.parse(await response.json()).error.message).toMatch(/too large/i);
    const state = await fetch(`${svc.url}/api/series/${series.id}/state`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await state.json()) as { topics: unknown[] }).topics).toEqual([]);
  });

  it('hides the dev routes when dev mode is off', async () => {
    const response = await fetch(`${svc.url}/api/dev/session`);
    expect([401, 404]).toContain(response.status);
    expect(ErrorBody.safeParse(await response.json()).success).toBe(true);
  });
});
