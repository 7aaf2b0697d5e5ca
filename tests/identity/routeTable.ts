import type { Series } from '../../domain/entities.js';
import { API_ROUTES, routeName as tableRouteName, type ApiRoute } from '../../bot/src/routes/apiRoutes.js';
import { dayFromToday } from '../support/dates.js';

/**
 * How to call each route of the service's route table
 * (bot/src/routes/apiRoutes.ts): ids to aim at and a valid body. The sweeps
 * enumerate the table itself, and `routes.test.ts` fails when a route of the
 * table has no case here, so a new route cannot slip past the access tests.
 */
export interface Target {
  seriesId: string;
  chatId: string;
  meetingId: string;
  topicId: string;
  itemId: string;
  ownerId: string;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RouteCase {
  method: Method;
  /** As in the route table, under /api. */
  pattern: string;
  path(t: Target): string;
  body?(t: Target): unknown;
  /** What a member gets. */
  created?: true;
  /** The caller's own view across their 1:1s (not a series address): a stranger gets an empty answer, not 403. */
  personal?: true;
}

const s = (t: Target) => `/api/series/${encodeURIComponent(t.seriesId)}`;

/** In the order a meeting goes: the last ones move the series on to its next meeting. */
const CASES: readonly RouteCase[] = [
  { method: 'GET', pattern: '/api/me/series', path: () => '/api/me/series', personal: true },
  { method: 'GET', pattern: '/api/me/home', path: () => '/api/me/home', personal: true },
  { method: 'GET', pattern: '/api/me/search', path: () => '/api/me/search?q=Workload', personal: true },
  { method: 'GET', pattern: '/api/series/:seriesId/export', path: (t) => `${s(t)}/export` },
  {
    method: 'GET',
    pattern: '/api/chats/:chatId/series',
    path: (t) => `/api/chats/${encodeURIComponent(t.chatId)}/series`,
  },
  { method: 'GET', pattern: '/api/series/:seriesId/state', path: (t) => `${s(t)}/state` },
  { method: 'GET', pattern: '/api/series/:seriesId/history', path: (t) => `${s(t)}/history?limit=5` },
  {
    method: 'GET',
    pattern: '/api/series/:seriesId/changes',
    path: (t) => `${s(t)}/changes?since=${Date.now() * 1000}`,
  },
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/topics',
    path: (t) => `${s(t)}/topics`,
    body: () => ({ id: 'topic-from-test', text: 'Where do I want to grow this year?', category: 'growth' }),
    created: true,
  },
  {
    method: 'PATCH',
    pattern: '/api/series/:seriesId/topics/:topicId',
    path: (t) => `${s(t)}/topics/${t.topicId}`,
    body: () => ({ status: 'discussed' }),
  },
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/topics/:topicId/move',
    path: (t) => `${s(t)}/topics/${t.topicId}/move`,
    body: () => ({ afterId: null }),
  },
  { method: 'DELETE', pattern: '/api/series/:seriesId/topics/:topicId', path: (t) => `${s(t)}/topics/${t.topicId}` },
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/topics/:topicId/restore',
    path: (t) => `${s(t)}/topics/${t.topicId}/restore`,
  },
  {
    method: 'PUT',
    pattern: '/api/series/:seriesId/topics/:topicId/notes/mine',
    path: (t) => `${s(t)}/topics/${t.topicId}/notes/mine`,
    body: () => ({ text: 'We agreed to pair on the design review.' }),
  },
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/action-items',
    path: (t) => `${s(t)}/action-items`,
    body: (t) => ({ id: 'item-from-test', text: 'Book the training', ownerId: t.ownerId, dueDate: dayFromToday(60) }),
    created: true,
  },
  {
    method: 'PATCH',
    pattern: '/api/series/:seriesId/action-items/:itemId',
    path: (t) => `${s(t)}/action-items/${t.itemId}`,
    body: () => ({ done: true }),
  },
  {
    method: 'DELETE',
    pattern: '/api/series/:seriesId/action-items/:itemId',
    path: (t) => `${s(t)}/action-items/${t.itemId}`,
  },
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/action-items/:itemId/restore',
    path: (t) => `${s(t)}/action-items/${t.itemId}/restore`,
  },
  {
    method: 'PUT',
    pattern: '/api/series/:seriesId/meetings/:meetingId/private-note',
    path: (t) => `${s(t)}/meetings/${t.meetingId}/private-note`,
    body: () => ({ text: 'Remember to ask about the move.' }),
  },
  {
    method: 'PUT',
    pattern: '/api/series/:seriesId/cadence',
    path: (t) => `${s(t)}/cadence`,
    body: () => ({
      cadence: {
        frequency: 'biweekly',
        weekday: 'tuesday',
        time: '09:30',
        timeZone: 'Europe/Paris',
        durationMinutes: 45,
      },
    }),
  },
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/meetings/current/template',
    path: (t) => `${s(t)}/meetings/current/template`,
    body: () => ({ templateId: 'regular-check-in' }),
  },
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/meetings/:meetingId/start',
    path: (t) => `${s(t)}/meetings/current/start`,
    // The slot is days away: confirmed as an early start (domain/occurrence.ts).
    body: () => ({ early: true }),
  },
  // These move the series on to its next meeting: last.
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/meetings/:meetingId/end',
    path: (t) => `${s(t)}/meetings/current/end`,
  },
  {
    method: 'POST',
    pattern: '/api/series/:seriesId/meetings/:meetingId/skip',
    path: (t) => `${s(t)}/meetings/current/skip`,
    body: () => ({ outcome: 'skipped' }),
  },
];

export const routeName = (r: RouteCase) => `${r.method} ${r.pattern}`;

export function targetOf(series: Series, ids: { topicId: string; itemId: string }): Target {
  return {
    seriesId: series.id,
    chatId: series.chatId,
    meetingId: series.currentMeetingId,
    ownerId: series.members[1]?.userId ?? '',
    ...ids,
  };
}

export async function call(baseUrl: string, route: RouteCase, t: Target, token?: string) {
  const body = route.body?.(t);
  const response = await fetch(`${baseUrl}${route.path(t)}`, {
    method: route.method,
    headers: {
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json, headers: response.headers };
}

/** The service's routes, each with its case; a route without a case is left out here and fails routes.test.ts. */
export const ROUTES: readonly RouteCase[] = CASES.filter((c) =>
  API_ROUTES.some((r) => tableRouteName(r) === routeName(c)),
);

/** Routes of the service's table that have no case here. */
export function routesWithoutCase(): string[] {
  return API_ROUTES.map(tableRouteName).filter((name) => !CASES.some((c) => routeName(c) === name));
}

/** Cases that name no route of the table (a route renamed or removed). */
export function casesWithoutRoute(): string[] {
  return CASES.map(routeName).filter((name) => !API_ROUTES.some((r) => tableRouteName(r) === name));
}

/** The table's body schema of a route, for the fuzzer. */
export function bodySchemaOf(route: RouteCase): ApiRoute['body'] {
  return API_ROUTES.find((r) => tableRouteName(r) === routeName(route))?.body;
}
