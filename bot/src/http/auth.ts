import type { RequestHandler, Response } from 'express';
import type { Caller, TokenVerifier } from '../identity/index.js';
import { bearerToken } from '../identity/index.js';

/** Verifies the bearer token and records the caller; the identity never comes from the request body. */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    res.locals.caller = await verifier.verify(token);
    next();
  };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('authenticate() must run before this route');
  return caller;
}
