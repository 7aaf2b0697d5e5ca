import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorBody } from '../../domain/api.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/jwks.js';
import { startTestService, type TestService } from '../support/service.js';

const LIMIT = 5;

let idp: TestIdentityProvider;
let svc: TestService;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  svc = await startTestService({ env: { ...idp.env, DEV_MODE: 'false', RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
});

afterAll(async () => {
  await svc?.stop();
  await idp?.close();
});

/** Each test speaks from its own client address (the service trusts one proxy hop, as behind App Service). */
async function get(path: string, address: string, token?: string) {
  const response = await fetch(`${svc.url}${path}`, {
    headers: { 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
}

it('answers 429 with Retry-After and a readable reason once a person goes past the limit', async () => {
  const token = await idp.signToken({ userId: 'busy-user', name: 'Busy' });
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i += 1) statuses.push((await get('/api/me/series', '198.51.100.1', token)).status);
  expect(statuses).toEqual(Array(LIMIT).fill(200));

  const refused = await get('/api/me/series', '198.51.100.1', token);
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
  const body = ErrorBody.parse(refused.body);
  expect(body.error.code).toBe('rate_limited');
  expect(body.error.message).toMatch(/try again/i);
});

it('counts per person: someone else at the same address is not slowed down', async () => {
  const first = await idp.signToken({ userId: 'colleague-1' });
  const second = await idp.signToken({ userId: 'colleague-2' });
  for (let i = 0; i < LIMIT; i += 1) await get('/api/me/series', '198.51.100.2', first);
  expect((await get('/api/me/series', '198.51.100.2', first)).status).toBe(429);
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i += 1) statuses.push((await get('/api/me/series', '198.51.100.2', second)).status);
  expect(statuses).toEqual(Array(LIMIT).fill(200));
});

it('the same person is limited whichever address they call from', async () => {
  const token = await idp.signToken({ userId: 'roaming-user' });
  for (let i = 0; i < LIMIT; i += 1) await get('/api/me/series', `198.51.100.${10 + i}`, token);
  expect((await get('/api/me/series', '198.51.100.99', token)).status).toBe(429);
});

it('throttles repeated failed sign-ins from one address, before any token is checked', async () => {
  const expired = await idp.invalidToken({ userId: 'guesser' }, 'expired');
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i += 1) statuses.push((await get('/api/me/series', '203.0.113.7', expired)).status);
  expect(statuses).toEqual(Array(LIMIT).fill(401));
  const refused = await get('/api/me/series', '203.0.113.7', await idp.signToken({ userId: 'guesser' }));
  expect(refused.status).toBe(429);
  expect(ErrorBody.parse(refused.body).error.code).toBe('rate_limited');
  // Another address is unaffected.
  expect((await get('/api/me/series', '203.0.113.8', expired)).status).toBe(401);
});
