import { ApiError } from '../api/http.js';

/** Teams' `authentication.getAuthToken` failed: carries the reason Teams gave. */
export class SignInError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SignInError';
  }
}

/**
 * Words a person can act on for a failed Teams sign-in. Teams reports SSO
 * failures as bare codes ("resourceRequiresConsent", "invalid_grant", ...);
 * the code stays in the text for whoever helps them.
 */
export function signInProblem(error: unknown): { message: string; retry: boolean } | undefined {
  if (error instanceof SignInError) {
    const reason = error.reason || 'no reason given';
    if (/consent|interaction_required/i.test(reason)) {
      return {
        message: `1:1 Companion needs your permission before Teams can sign you in. Select Try again; if this keeps coming back, ask your admin to grant consent for the app. (Teams said: ${reason})`,
        retry: true,
      };
    }
    if (/resource|origin/i.test(reason)) {
      return {
        message: `Teams cannot sign you in to 1:1 Companion at this address: the app's sign-in is not set up for it. Tell your Teams admin. (Teams said: ${reason})`,
        retry: false,
      };
    }
    return { message: `Teams could not sign you in to 1:1 Companion. Try again. (Teams said: ${reason})`, retry: true };
  }
  if (error instanceof ApiError && error.status === 401) {
    return { message: `The 1:1 service did not accept your Teams sign-in: ${error.message} Try again.`, retry: true };
  }
  return undefined;
}
