import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/v4';
import { ErrorBody } from '../../domain/api.js';
import { RecordId, type Member, type Series } from '../../domain/entities.js';
import { apiClient, seriesPath } from '../support/api.js';
import { startTestIdentityProvider, TEST_TENANT_ID, type TestIdentityProvider } from '../support/jwks.js';
import { seedSeries, startTestService, type TestService } from '../support/service.js';
import { bodySchemaOf, ROUTES, routeName, targetOf, type RouteCase, type Target } from './routeTable.js';

/**
 * Malformed input thrown at every write route: it must always be refused
 * with a 4xx and a readable ErrorBody (never a 500), and leave what both
 * members see exactly as it was. Bodies are sent as raw JSON text so keys
 * like "__proto__" arrive as real own keys, as an attacker would send them.
 */

const RUNS = 40;

const WRITE_ROUTES = ROUTES.filter((r) => r.method !== 'GET');
const BODY_ROUTES = WRITE_ROUTES.filter((r) => r.body);
const BODYLESS_ROUTES = WRITE_ROUTES.filter((r) => !r.body);

/** Keys an attacker would try: prototype pollution, and fields the server must set itself. */
const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '__defineGetter__',
    'toString',
    'hasOwnProperty',
    'isAdmin',
    'authorId',
    'addedBy',
    'createdBy',
    'userId',
    'tenantId',
    'seriesId',
    'version',
    'deletedAt',
    'type',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);

/** A raw JSON value: wrong types, unicode, huge strings, deep nesting, pollution payloads. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => JSON.stringify(s)),
  fc.integer({ min: 501, max: 200_000 }).map((n) => JSON.stringify('x'.repeat(n))),
  fc.integer({ min: 50, max: 3_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 50, max: 3_000 }).map((n) => '{"a":'.repeat(n) + 'null' + '}'.repeat(n)),
  fc.constantFrom(
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"isAdmin":true}',
    '"\\u0000\\u202e\\ud800"',
  ),
);

const notAnObject = fc.oneof(
  fc
    .jsonValue({ maxDepth: 2 })
    .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
    .map((v) => JSON.stringify(v)),
  fc.constantFrom('', '{', '{"text":', 'NaN', '{"text": undefined}', "{'text':'x'}", '\u0000', '{"a":1}}'),
);

function objectJson(entries: ReadonlyArray<readonly [string, string]>): string {
  return `{${entries.map(([key, raw]) => `${JSON.stringify(key)}:${raw}`).join(',')}}`;
}

/** Whether the schema accepts the body as the server parses it (an empty body is "no body", i.e. defaults). */
function isAcceptedBy(schema: z.ZodType, raw: string): boolean {
  if (raw.trim() === '') return schema.safeParse({}).success;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return false;
  }
  return schema.safeParse(parsed).success;
}

function malformedBodies(valid: Record<string, unknown>, schema: z.ZodType): fc.Arbitrary<string> {
  const entries = Object.entries(valid).map(([k, v]) => [k, JSON.stringify(v)] as const);
  const keys = entries.map(([k]) => k);
  return fc
    .oneof(
      fc.tuple(hostileKey, hostileValue).map(([k, v]) => objectJson([...entries, [k, v]])),
      fc
        .tuple(fc.constantFrom(...keys), hostileValue)
        .map(([key, v]) => objectJson(entries.map(([k, raw]) => [k, k === key ? v : raw] as const))),
      fc.subarray(keys, { minLength: 1 }).map((drop) => objectJson(entries.filter(([k]) => !drop.includes(k)))),
      notAnObject,
    )
    .filter((raw) => !isAcceptedBy(schema, raw));
}

/** Path ids the service must refuse before any look-up. */
const malformedId = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.integer({ min: 129, max: 2_000 }).map((n) => 'a'.repeat(n)),
    fc.constantFrom('ü', '💥', ' ', '<script>', 'a b', "'; DROP", '%00', '\u202e'),
  )
  .filter((id) => !RecordId.safeParse(id).success && id !== '.' && id !== '..')
  .filter((id) => {
    try {
      encodeURIComponent(id);
      return true;
    } catch {
      return false; // lone surrogates cannot be put in a URL at all
    }
  });

let idp: TestIdentityProvider;
let svc: TestService;
let series: Series;
let target: Target;
let managerToken: string;
let reportToken: string;

async function panels(): Promise<unknown[]> {
  const views = await Promise.all(
    [managerToken, reportToken].map((t) => apiClient(svc.url, t).get(`${seriesPath(series.id)}/state`)),
  );
  for (const view of views) expect(view.status).toBe(200);
  return views.map((v) => v.body);
}

async function send(method: string, path: string, token: string, raw?: string) {
  const response = await fetch(`${svc.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(raw !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(raw !== undefined ? { body: raw } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text for the failure message
  }
  return { status: response.status, body };
}

function expectRefusedWithReason(answer: { status: number; body: unknown }, sent: string): void {
  const context = `${answer.status} for ${sent.slice(0, 200)}`;
  expect(answer.status, context).toBeGreaterThanOrEqual(400);
  expect(answer.status, context).toBeLessThan(500);
  const parsed = ErrorBody.safeParse(answer.body);
  expect(parsed.success, context).toBe(true);
  expect(parsed.data?.error.message.trim().length ?? 0, context).toBeGreaterThan(0);
}

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  // Hundreds of requests a minute from one member: lift the rate limit, which has its own tests.
  svc = await startTestService({ env: { ...idp.env, DEV_MODE: 'false', RATE_LIMIT_PER_MINUTE: '1000000' } });
  series = await seedSeries(svc.service, { tenantId: TEST_TENANT_ID });
  const [manager, report] = series.members as [Member, Member];
  managerToken = await idp.signToken(manager);
  reportToken = await idp.signToken(report);
  const asManager = apiClient(svc.url, managerToken);
  const base = seriesPath(series.id);
  const seeded = [
    await asManager.post(`${base}/topics`, { id: 'topic-1', text: 'Workload this sprint' }),
    await asManager.post(`${base}/action-items`, { id: 'item-1', text: 'Share the roadmap', ownerId: report.userId }),
    await asManager.put(`${base}/topics/topic-1/notes/mine`, { text: 'Shared words' }),
    await asManager.put(`${base}/meetings/${series.currentMeetingId}/private-note`, { text: 'Only mine' }),
  ];
  expect(seeded.map((s) => s.status)).toEqual([201, 201, 200, 200]);
  target = targetOf(series, { topicId: 'topic-1', itemId: 'item-1' });
});

afterAll(async () => {
  await svc?.stop();
  await idp?.close();
});

it('fuzzes every write route whose table entry takes a body', () => {
  expect(BODY_ROUTES.map(routeName)).toEqual(WRITE_ROUTES.filter((r) => bodySchemaOf(r)).map(routeName));
  expect(BODY_ROUTES.length).toBeGreaterThan(0);
});

describe.each(BODY_ROUTES.map((r) => [routeName(r), r] as const))('%s', (name, route: RouteCase) => {
  it('refuses malformed bodies with a 4xx and a reason, and changes nothing', async () => {
    const schema = bodySchemaOf(route)?.schema;
    if (!schema) throw new Error(`no schema for ${name}`);
    const before = await panels();
    const valid = route.body?.(target) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(malformedBodies(valid, schema), async (raw) => {
        expectRefusedWithReason(await send(route.method, route.path(target), managerToken, raw), raw);
      }),
      { numRuns: RUNS },
    );
    expect(await panels()).toEqual(before);
  });
});

describe.each(WRITE_ROUTES.map((r) => [routeName(r), r] as const))('%s', (_name, route: RouteCase) => {
  it('refuses malformed ids in the address with a 4xx and a reason, and changes nothing', async () => {
    const before = await panels();
    // Only ids the sweep's path really carries (a meeting route is swept through its `current` alias).
    const marker = encodeURIComponent('\u0001');
    const params = (['seriesId', 'topicId', 'itemId', 'meetingId'] as const).filter(
      (p) => route.pattern.includes(`:${p}`) && route.path({ ...target, [p]: '\u0001' }).includes(marker),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...params), malformedId, async (param, id) => {
        const path = route.path({ ...target, [param]: '\u0001' }).replace(marker, encodeURIComponent(id));
        const raw = route.body ? JSON.stringify(route.body(target)) : undefined;
        expectRefusedWithReason(await send(route.method, path, managerToken, raw), path);
      }),
      { numRuns: BODYLESS_ROUTES.includes(route) ? RUNS : RUNS / 2 },
    );
    expect(await panels()).toEqual(before);
  });
});

it('leaves Object.prototype of the service process unpolluted', () => {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
});
