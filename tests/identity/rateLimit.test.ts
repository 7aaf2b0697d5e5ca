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

it('counts an address once whatever source port Azure’s front end writes into X-Forwarded-For', async () => {
  const expired = await idp.invalidToken({ userId: 'port-hopper' }, 'expired');
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i += 1)
    statuses.push((await get('/api/me/series', `203.0.113.30:${50_000 + i}`, expired)).status);
  expect(statuses).toEqual(Array(LIMIT).fill(401));
  expect((await get('/api/me/series', '203.0.113.30:61000', expired)).status).toBe(429);
  expect((await get('/api/me/series', '203.0.113.30', expired)).status).toBe(429);
  // Positive control: a neighbouring address still has its own budget.
  expect((await get('/api/me/series', '203.0.113.31:50000', expired)).status).toBe(401);
});

it('counts an IPv6 address once whether written bare, bracketed with a port, or as another address in its /64', async () => {
  const expired = await idp.invalidToken({ userId: 'v6-hopper' }, 'expired');
  const forms = [
    '2001:db8:1:2::10',
    '[2001:db8:1:2::10]:443',
    '[2001:db8:1:2::11]:50001',
    '2001:0db8:0001:0002:0:0:0:12',
  ];
  const statuses: number[] = [];
  for (const form of forms) statuses.push((await get('/api/me/series', form, expired)).status);
  statuses.push((await get('/api/me/series', '2001:db8:1:2:ffff::1', expired)).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  expect((await get('/api/me/series', '[2001:db8:1:2::99]:1', expired)).status).toBe(429);
  expect((await get('/api/me/series', '2001:db8:1:3::10', expired)).status).toBe(401);
});
