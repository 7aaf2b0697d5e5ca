import type { Request, RequestHandler, Response } from 'express';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { ErrorBody } from '../../../domain/api.js';
import type { Caller } from '../identity/index.js';
import { requestAddress } from './clientAddress.js';
import { readerOfRequest } from './errors.js';

export interface RateLimiterOptions {
  /** Requests a caller may make per minute. */
  perMinute: number;
  /**
   * A connected `redis` (v4) client: the budgets are then shared by every
   * instance using that Redis (the scaled-out deployment). Without it they
   * live in this process.
   */
  redis?: unknown;
  /**
   * The longest a request waits for Redis (REDIS_TIMEOUT_MS): past it, or at
   * once when the connection is not ready, this instance's in-memory budget
   * decides. Default 200 ms.
   */
  redisTimeoutMs?: number;
  /** Told each time the in-memory budget decided because Redis failed or was slow (for the log and tests). */
  onFallback?: () => void;
  /** Where authentication left the verified caller; by default `res.locals.caller` (see http/auth.ts). */
  callerOf?: (req: Request, res: Response) => Caller | undefined;
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
  /** For transports other than Express (Socket.IO handshakes and events): spends one point. */
  take(key: string): Promise<TakeResult>;
  /** Whether `key` still has budget, without spending any. */
  peek(key: string): Promise<TakeResult>;
  /** How many decisions the in-memory fallback made because Redis failed or did not answer in time. */
  readonly fallbacks: number;
}

const WINDOW_SECONDS = 60;
const DEFAULT_REDIS_TIMEOUT_MS = 200;

/** The in-memory insurance limiter, telling `onUse` each time it decides (Redis failed or was too slow). */
function countedFallback(limiter: RateLimiterMemory, onUse: () => void): RateLimiterMemory {
  const consume = limiter.consume.bind(limiter);
  const get = limiter.get.bind(limiter);
  limiter.consume = (...args) => {
    onUse();
    return consume(...args);
  };
  limiter.get = (...args) => {
    onUse();
    return get(...args);
  };
  return limiter;
}

/**
 * Budgets kept by rate-limiter-flexible: in Redis when a client is given
 * (one budget across instances), else in memory. Redis is an accelerator,
 * never on the critical path: rate-limiter-flexible's own timeout wrapper
 * (RLWrapperTimeouts) bounds each Redis call, and on a timeout, an error or a
 * connection that is not ready (`rejectIfRedisNotReady`) the insurance
 * limiter — this instance's in-memory budget — decides. A stalled or refused
 * Redis therefore delays a request by at most `redisTimeoutMs`, and never
 * fails it.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const points = options.perMinute;
  const memory = () => new RateLimiterMemory({ points, duration: WINDOW_SECONDS });
  let fallbacks = 0;
  const limiter: RateLimiterAbstract = options.redis
    ? new RLWrapperTimeouts({
        limiter: new RateLimiterRedis({
          storeClient: options.redis,
          useRedisPackage: true,
          rejectIfRedisNotReady: true,
          keyPrefix: 'one-on-one:rate',
          points,
          duration: WINDOW_SECONDS,
        }),
        timeoutMs: options.redisTimeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS,
        insuranceLimiter: countedFallback(memory(), () => {
          fallbacks += 1;
          options.onFallback?.();
        }),
      })
    : memory();
  const callerOf = options.callerOf ?? ((_req: Request, res: Response) => res.locals.caller as Caller | undefined);

  async function take(key: string): Promise<TakeResult> {
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return refused(rejection);
      throw rejection;
    }
  }

  async function peek(key: string): Promise<TakeResult> {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= points ? refused(state) : { ok: true };
  }

  return {
    take,
    peek,
    get fallbacks() {
      return fallbacks;
    },
    perCaller: (req, res, next) => {
      const caller = callerOf(req, res);
      take(caller ? callerKey(caller) : addressKey(req)).then((result) => {
        if (result.ok) next();
        else tooManyRequests(res, result.retryAfterSeconds);
      }, next);
    },
    perAddress: (req, res, next) => {
      const key = addressKey(req);
      peek(key).then((result) => {
        if (!result.ok) {
          tooManyRequests(res, result.retryAfterSeconds);
          return;
        }
        res.on('finish', () => {
          // Counted after the answer: a failure to count must not fail a request already answered.
          if (res.statusCode === 401) take(key).catch(() => undefined);
        });
        next();
      }, next);
    },
  };
}

function refused(state: RateLimiterRes): TakeResult {
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
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
      message: readerOfRequest(res.req).t('bot.api.tooMany', { seconds: retryAfterSeconds }),
    },
  };
  res.status(429).setHeader('Retry-After', String(retryAfterSeconds)).json(body);
}
