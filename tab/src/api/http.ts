import type { z } from 'zod/v4';
import { ErrorBody } from '../../../domain/api.js';
import type { MessageKey } from '../../../i18n/keys.js';
import type { Translate } from '../i18n/useT.js';

/** A failed call, carrying the server's message written for the person using the panel. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly string[] = [],
    /** The server's `Retry-After`, in ms, on a 503 or 429: when sending again may succeed. */
    readonly retryAfterMs?: number,
    /** On an `edit_conflict`: the record as it is now (parsed by the caller with its own schema). */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type TokenSource = () => Promise<string>;

export interface HttpOptions {
  /** Same origin by default: the service hosts the tab. */
  baseUrl?: string;
  /** Omitted only for the dev-session call, which needs no sign-in. */
  getToken?: TokenSource;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * While the page is going away (pagehide, or hidden and maybe never shown
 * again) writes go out as keepalive requests, which the browser finishes
 * after the document is gone. The token is the last one used: asking the
 * host for a fresh one is asynchronous and would come too late.
 */
let leaving = false;
let lastToken: string | undefined;

export function setLeaving(value: boolean): void {
  leaving = value;
}

/**
 * The page's language: sent as `Accept-Language` on every request, so the
 * service words its errors (and template topics) the way the page does, and
 * used for the few messages the tab itself words here (no connection, an
 * answer it cannot read; keys `panel.error.*`, so pass a translator that has
 * the panel catalog). Set once, before the first render; pages that never
 * set it get the browser's own header and English.
 */
let language: { tag: string; translate?: Translate } | undefined;

export function setRequestLanguage(tag: string, translate?: Translate): void {
  language = { tag, ...(translate ? { translate } : {}) };
}

export function requestLanguage(): string | undefined {
  return language?.tag;
}

type TabError = 'network' | 'badResponse' | 'http' | 'unknown';

const ENGLISH: Record<TabError, (status: number) => string> = {
  network: () => 'Cannot reach the 1:1 service. Check your connection and try again.',
  badResponse: () => 'The service sent an answer this panel does not understand.',
  http: (status) => `The service could not handle the request (HTTP ${status}). Try again.`,
  unknown: () => 'Something went wrong. Try again.',
};

const TAB_ERROR_KEYS = {
  network: 'panel.error.network',
  badResponse: 'panel.error.badResponse',
  http: 'panel.error.http',
  unknown: 'panel.error.unknown',
} as const satisfies Record<TabError, MessageKey>;

function tabMessage(error: TabError, status = 0): string {
  const key = TAB_ERROR_KEYS[error];
  const worded = language?.translate?.(key, { status });
  // A page whose catalogs lack the panel's keys gets the key back from Lingui: English reads better.
  return worded && worded !== key ? worded : ENGLISH[error](status);
}

/**
 * One JSON request. Every response is parsed with the shared schema, so a
 * contract drift shows up as a clear error here instead of a broken panel.
 */
export async function request<S extends z.ZodType>(
  options: HttpOptions,
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (language) headers['Accept-Language'] = language.tag;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const keepalive = leaving && method !== 'GET';
  if (options.getToken) {
    // Leaving: no await before fetch, so the request starts inside the pagehide handler itself.
    const token = keepalive && lastToken !== undefined ? lastToken : await options.getToken();
    lastToken = token;
    headers.Authorization = `Bearer ${token}`;
  }

  let response: Response;
  try {
    response = await fetch(`${options.baseUrl ?? ''}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      ...(keepalive ? { keepalive: true } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', tabMessage('network'));
  }

  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFrom(response.status, payload, retryAfterMs(response.headers.get('Retry-After')));
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(response.status, 'bad_response', tabMessage('badResponse'));
  }
  return parsed.data;
}

function errorFrom(status: number, payload: unknown, retryAfter: number | undefined): ApiError {
  const parsed = ErrorBody.safeParse(payload);
  if (parsed.success) {
    const { code, message, details, current } = parsed.data.error;
    return new ApiError(status, code, message, details, retryAfter, current);
  }
  return new ApiError(status, 'http', tabMessage('http', status), [], retryAfter);
}

/** `Retry-After` as seconds (what the service sends) or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Text to show a person for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    return error.details.length > 0 ? `${error.message} ${error.details.join(' ')}` : error.message;
  }
  return error instanceof Error ? error.message : tabMessage('unknown');
}
