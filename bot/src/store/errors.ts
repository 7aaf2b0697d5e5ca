/** Cosmos answers with HTTP status codes on the error's `code`. */
export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

/** The record changed since it was read (412 on IfMatch); the caller re-reads and re-applies. */
export class StaleWrite extends Error {
  constructor() {
    super('record changed since it was read');
    this.name = 'StaleWrite';
  }
}

/**
 * Storage could not answer now, but may in a moment: the request was
 * throttled (429), the service was busy or unreachable (503, 449, 408), the
 * request timed out or its connection was reset. Whether a write that failed
 * this way was applied is unknown; every write is idempotent (client ids,
 * ETag re-application), so the caller retries it as it was. Transports answer
 * 503 with `Retry-After` (bot/src/http/errors.ts).
 */
export class StorageUnavailable extends Error {
  constructor(
    /** How long to wait before retrying: Cosmos's own hint on a 429, else a second. */
    readonly retryAfterMs: number,
    readonly reason: string,
  ) {
    super(`storage unavailable (${reason})`);
    this.name = 'StorageUnavailable';
  }
}

/** Cosmos statuses that mean "try again": throttled, retry-with, request timeout, service unavailable. */
// Not 500: the embedded server answers 500 for a query it cannot run, and retrying a bug never helps.
const TRANSIENT_STATUSES = new Set([408, 429, 449, 502, 503, 504]);
/**
 * Errors below HTTP: the SDK's own request timeout (`connectionPolicy.requestTimeout`)
 * and sockets that were reset, refused or broke mid-request.
 */
const TRANSIENT_CODES = new Set([
  'TimeoutError',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'REQUEST_SEND_ERROR',
]);
const DEFAULT_RETRY_AFTER_MS = 1_000;
/** A Retry-After longer than this is not worth a person's wait; they can press again. */
const MAX_RETRY_AFTER_MS = 30_000;

/** The transient fault this error stands for, or undefined when it is not one (a bug, a 4xx). */
export function asStorageUnavailable(error: unknown): StorageUnavailable | undefined {
  if (error instanceof StorageUnavailable) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, name, retryAfterInMs } = error as { code?: unknown; name?: unknown; retryAfterInMs?: unknown };
  const status = typeof code === 'number' ? code : undefined;
  const transient =
    (status !== undefined && TRANSIENT_STATUSES.has(status)) ||
    (typeof code === 'string' && TRANSIENT_CODES.has(code)) ||
    // The SDK's abort of a request (its timeout), whatever code it carries.
    name === 'AbortError' ||
    name === 'TimeoutError';
  if (!transient) return undefined;
  const hint = typeof retryAfterInMs === 'number' && retryAfterInMs > 0 ? retryAfterInMs : DEFAULT_RETRY_AFTER_MS;
  const reason = status !== undefined ? `cosmos ${status}` : typeof code === 'string' ? code : String(name);
  return new StorageUnavailable(Math.min(hint, MAX_RETRY_AFTER_MS), reason);
}

/** Runs one storage call and turns a transient fault into StorageUnavailable; everything else passes as it is. */
export async function storageCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asStorageUnavailable(error) ?? error;
  }
}
