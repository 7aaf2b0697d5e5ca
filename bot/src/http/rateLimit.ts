import type { Request, RequestHandler, Response } from 'express';
import type { ErrorBody } from '../../../domain/api.js';
import type { Caller } from '../identity/index.js';
import { requestAddress } from './clientAddress.js';

export interface RateLimiterOptions {
  /** Requests a caller may make per minute, with bursts up to the same number. */
  perMinute: number;
  /** Where authentication left the verified caller; by default `res.locals.caller` (see http/auth.ts). */
  callerOf?: (req: Request, res: Response) => Caller | undefined;
  /** Milliseconds; injectable so tests need not wait. */
  now?: () => number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Place after authentication: every request of a verified caller counts against tenant + oid. */
  perCaller: RequestHandler;
  /**
   * Place before authentication: only requests that end unauthenticated count,
   * per client address, so token guessing is throttled while colleagues behind
   * one office address never share a budget for their real work.
   */
  perAddress: RequestHandler;
  /** For transports other than Express (the Socket.IO handshake). */
  take(key: string): TakeResult;
  peek(key: string): TakeResult;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Full buckets are indistinguishable from absent ones; drop them now and then so memory stays bounded. */
const SWEEP_EVERY = 1_000;

/**
 * In-memory token buckets. With several instances each keeps its own budget,
 * so the effective limit is per instance: acceptable for abuse protection,
 * not meant as a quota.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const capacity = options.perMinute;
  const refillPerMs = options.perMinute / 60_000;
  const now = options.now ?? Date.now;
  const callerOf = options.callerOf ?? ((_req: Request, res: Response) => res.locals.caller as Caller | undefined);
  const buckets = new Map<string, Bucket>();
  let sinceSweep = 0;

  function current(key: string): Bucket {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: t };
    bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = t;
    return bucket;
  }

  function verdict(bucket: Bucket): TakeResult {
    if (bucket.tokens >= 1) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
  }

  function sweep(): void {
    sinceSweep += 1;
    if (sinceSweep < SWEEP_EVERY) return;
    sinceSweep = 0;
    for (const key of [...buckets.keys()]) {
      if (current(key).tokens >= capacity) buckets.delete(key);
    }
  }

  function take(key: string): TakeResult {
    sweep();
    const bucket = current(key);
    const result = verdict(bucket);
    if (result.ok) bucket.tokens -= 1;
    buckets.set(key, bucket);
    return result;
  }

  function peek(key: string): TakeResult {
    return buckets.has(key) ? verdict(current(key)) : { ok: true };
  }

  return {
    take,
    peek,
    perCaller: (req, res, next) => {
      const caller = callerOf(req, res);
      const result = caller ? take(callerKey(caller)) : take(addressKey(req));
      if (result.ok) next();
      else tooManyRequests(res, result.retryAfterSeconds);
    },
    perAddress: (req, res, next) => {
      const key = addressKey(req);
      const result = peek(key);
      if (!result.ok) {
        tooManyRequests(res, result.retryAfterSeconds);
        return;
      }
      res.on('finish', () => {
        if (res.statusCode === 401) take(key);
      });
      next();
    },
  };
}

export function callerKey(caller: Caller): string {
  return `user:${caller.tenantId}:${caller.userId}`;
}

export function addressKey(req: Pick<Request, 'ip' | 'socket'>): string {
  return `ip:${requestAddress(req)}`;
}

function tooManyRequests(res: Response, retryAfterSeconds: number): void {
  const body: ErrorBody = {
    error: {
      code: 'rate_limited',
      message: `Too many requests: wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} and try again.`,
    },
  };
  res.status(429).setHeader('Retry-After', String(retryAfterSeconds)).json(body);
}
