import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
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
}

const WINDOW_SECONDS = 60;

/**
 * Budgets kept by rate-limiter-flexible: in Redis when a client is given
 * (one budget across instances; if Redis fails, each instance falls back to
 * its own in-memory budget rather than refusing everyone), else in memory.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const points = options.perMinute;
  const memory = () => new RateLimiterMemory({ points, duration: WINDOW_SECONDS });
  const limiter: RateLimiterAbstract = options.redis
    ? new RateLimiterRedis({
        storeClient: options.redis,
        useRedisPackage: true,
        keyPrefix: 'one-on-one:rate',
        points,
        duration: WINDOW_SECONDS,
        insuranceLimiter: memory(),
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
