import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logger.js';
import { answerUnavailable } from './errors.js';

/** What a client is told to wait after a request ran out of time. */
const RETRY_AFTER_DEADLINE_MS = 1_000;

/**
 * An overall deadline per API request: however storage stalls (each Cosmos
 * request is bounded by COSMOS_REQUEST_TIMEOUT_MS, but a request makes
 * several, and the SDK retries reads), the caller hears back within
 * `deadlineMs` — 503 with Retry-After. The command keeps running: if its write
 * lands after all, it is stored and broadcast like any other, and the client's
 * retry with the same ids answers the stored result without applying it twice.
 * Its late answer is dropped here rather than written to a finished response.
 */
export function requestDeadline(deadlineMs: number, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logger.warn({ method: req.method, path: req.path, deadlineMs }, 'request deadline passed');
      answerUnavailable(res, RETRY_AFTER_DEADLINE_MS);
      silenceLateAnswers(res);
    }, deadlineMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}

/** After the deadline answered, the handler's own `res.json(...)` must not throw "headers already sent". */
function silenceLateAnswers(res: Response): void {
  const late = () => res;
  res.json = late;
  res.send = late;
  res.status = late;
}
