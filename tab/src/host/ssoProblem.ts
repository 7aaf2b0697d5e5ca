import { ApiError } from '../api/http.js';

/** Teams' `authentication.getAuthToken` failed: carries the reason Teams gave. */
export class SignInError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SignInError';
  }
}

/**
 * A failed Teams sign-in, sorted by what the person can do about it. Teams
 * reports SSO failures as bare codes ("resourceRequiresConsent",
 * "invalid_grant", ...); the code stays with it for whoever helps them.
 * - consent: the person (or their admin) must agree first; trying again helps.
 * - notSetUp: the app's sign-in does not cover this address; only an admin can fix it.
 * - failed: anything else Teams said; trying again may help.
 * - rejected: the service did not accept the token (expired, wrong audience).
 */
export type SignInProblem =
  { kind: 'consent' | 'notSetUp' | 'failed'; reason: string } | { kind: 'rejected'; message: string };

export function signInProblem(error: unknown): { signIn: SignInProblem; retry: boolean } | undefined {
  if (error instanceof SignInError) {
    const reason = error.reason;
    if (/consent|interaction_required/i.test(reason)) return { signIn: { kind: 'consent', reason }, retry: true };
    if (/resource|origin/i.test(reason)) return { signIn: { kind: 'notSetUp', reason }, retry: false };
    return { signIn: { kind: 'failed', reason }, retry: true };
  }
  if (error instanceof ApiError && error.status === 401) {
    return { signIn: { kind: 'rejected', message: error.message }, retry: true };
  }
  return undefined;
}
