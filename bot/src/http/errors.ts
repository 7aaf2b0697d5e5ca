import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '../../../domain/api.js';
import { DomainError, EditConflict, type DomainErrorCode } from '../../../domain/errors.js';
import type { Logger } from '../logger.js';

const STATUS: Record<DomainErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  edit_conflict: 409,
  rate_limited: 429,
};

export function errorBody(code: string, message: string, details?: readonly string[]): ErrorBody {
  return { error: { code, message, ...(details && details.length > 0 ? { details: [...details] } : {}) } };
}

/** body-parser marks its own failures with `type` and `status`. */
function bodyParserError(error: unknown): { status: number; body: ErrorBody } | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch ((error as { type: unknown }).type) {
    case 'entity.too.large':
      return { status: 413, body: errorBody('too_large', 'The request is too large. Shorten the text and try again.') };
    case 'entity.parse.failed':
      return { status: 400, body: errorBody('invalid', 'The request body is not valid JSON.') };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, body: errorBody('invalid', 'Send the request body as UTF-8 JSON.') };
    default:
      return undefined;
  }
}

/** Maps typed errors to statuses once; unknown errors are logged and answered without internals. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof EditConflict) {
      const body = errorBody(error.code, error.message);
      res
        .status(STATUS[error.code])
        .json({ error: { ...body.error, current: error.current, fields: [...error.fields] } });
      return;
    }
    if (error instanceof DomainError) {
      res.status(STATUS[error.code]).json(errorBody(error.code, error.message, error.details));
      return;
    }
    const known = bodyParserError(error);
    if (known) {
      res.status(known.status).json(known.body);
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json(errorBody('internal', 'Something went wrong on our side. Please try again.'));
  };
}

export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('not_found', `There is no API route ${req.method} ${req.path}.`));
};
