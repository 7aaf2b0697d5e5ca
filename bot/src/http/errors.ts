import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { ErrorBody } from '../../../domain/api.js';
import { DomainError, EditConflict, type DomainErrorCode } from '../../../domain/errors.js';
import { errorMessage } from '../i18n/errorWords.js';
import { translatorForRequest, type Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import { asStorageUnavailable, type StorageUnavailable } from '../store/errors.js';

const STATUS: Record<DomainErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  edit_conflict: 409,
  rate_limited: 429,
  meeting_not_live: 409,
  meeting_ended: 409,
  early_start: 409,
};

export function errorBody(code: string, message: string, details?: readonly string[]): ErrorBody {
  return { error: { code, message, ...(details && details.length > 0 ? { details: [...details] } : {}) } };
}

/**
 * The words of the person who sent the request: the tab sends the locale it
 * shows as `Accept-Language`; without one, English. Codes never change.
 */
export function readerOfRequest(req: Pick<Request, 'headers'> | undefined): Translator {
  return translatorForRequest(req?.headers['accept-language']);
}

/** body-parser marks its own failures with `type` and `status`. */
function bodyParserError(error: unknown, t: Translator): { status: number; body: ErrorBody } | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch ((error as { type: unknown }).type) {
    case 'entity.too.large':
      return { status: 413, body: errorBody('too_large', t.t('bot.api.tooLarge')) };
    case 'entity.parse.failed':
      return { status: 400, body: errorBody('invalid', t.t('bot.api.badJson')) };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, body: errorBody('invalid', t.t('bot.api.utf8')) };
    default:
      return undefined;
  }
}

/**
 * 503 with `Retry-After` (whole seconds, at least 1): storage is briefly
 * unavailable or the request ran past its deadline. The write may or may not
 * have been applied; retrying it with the same ids gives the same outcome.
 */
export function answerUnavailable(res: Response, retryAfterMs: number): void {
  res.set('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  res.status(503).json(errorBody('unavailable', readerOfRequest(res.req).t('bot.api.unavailable')));
}

/** Maps typed errors to statuses once; unknown errors are logged and answered without internals. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // The deadline already answered (http/deadline.ts); what the handler did after it is only logged.
    if (res.headersSent) {
      logger.debug({ err: error, method: req.method, path: req.path }, 'request failed after it was answered');
      return;
    }
    const unavailable: StorageUnavailable | undefined = asStorageUnavailable(error);
    if (unavailable) {
      logger.warn({ reason: unavailable.reason, method: req.method, path: req.path }, 'storage unavailable');
      answerUnavailable(res, unavailable.retryAfterMs);
      return;
    }
    const t = readerOfRequest(req);
    if (error instanceof EditConflict) {
      const body = errorBody(error.code, errorMessage(t, error));
      res
        .status(STATUS[error.code])
        .json({ error: { ...body.error, current: error.current, fields: [...error.fields] } });
      return;
    }
    if (error instanceof DomainError) {
      res.status(STATUS[error.code]).json(errorBody(error.code, errorMessage(t, error), error.details));
      return;
    }
    const known = bodyParserError(error, t);
    if (known) {
      res.status(known.status).json(known.body);
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json(errorBody('internal', t.t('bot.error.internal')));
  };
}

export const apiNotFound: RequestHandler = (req, res) => {
  res
    .status(404)
    .json(errorBody('not_found', readerOfRequest(req).t('bot.api.noRoute', { method: req.method, path: req.path })));
};
