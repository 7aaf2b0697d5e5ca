import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorBody } from '../../domain/api.js';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/jwks.js';
import { startTestService, type TestService } from '../support/service.js';
import { startLocalRedis, type LocalRedis } from './redisServer.js';

/**
 * Issue 12.10: with REDIS_URL the rate limits are one budget across
 * instances (rate-limiter-flexible's Redis store), not one per instance.
 */
const LIMIT = 6;

let redis: LocalRedis;
let idp: TestIdentityProvider;
let a: TestService;
let b: TestService;

beforeAll(async () => {
  [redis, idp] = await Promise.all([startLocalRedis(), startTestIdentityProvider()]);
  const env = { ...idp.env, DEV_MODE: 'false', REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
  a = await startTestService({ env });
  b = await startTestService({ env });
});

afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await Promise.allSettled([redis?.stop(), idp?.close()]);
});

async function get(svc: TestService, address: string, token: string) {
  const response = await fetch(`${svc.url}/api/me/series`, {
    headers: { 'x-forwarded-for': address, authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

it('one person’s budget is shared by both instances', async () => {
  const token = await idp.signToken({ userId: 'shared-budget-user' });
  const statuses: number[] = [];
  // Alternating instances: both serve (positive control), and together they spend one budget.
  for (let i = 0; i < LIMIT; i += 1) statuses.push((await get(i % 2 === 0 ? a : b, '198.51.100.50', token)).status);
  expect(statuses).toEqual(Array(LIMIT).fill(200));
  const onA = await get(a, '198.51.100.50', token);
  const onB = await get(b, '198.51.100.50', token);
  expect([onA.status, onB.status]).toEqual([429, 429]);
  expect(ErrorBody.parse(onB.body).error.code).toBe('rate_limited');
  // Someone else is not affected.
  expect((await get(b, '198.51.100.50', await idp.signToken({ userId: 'someone-else' }))).status).toBe(200);
});

it('failed sign-ins from one address are counted across both instances', async () => {
  const expired = await idp.invalidToken({ userId: 'guesser' }, 'expired');
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT; i += 1) statuses.push((await get(i % 2 === 0 ? a : b, '203.0.113.60', expired)).status);
  expect(statuses).toEqual(Array(LIMIT).fill(401));
  expect((await get(a, '203.0.113.60', expired)).status).toBe(429);
  expect((await get(b, '203.0.113.60', expired)).status).toBe(429);
});
