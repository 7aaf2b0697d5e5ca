/**
 * Who is calling, as established from a verified Entra ID token. `tenantId`
 * and `userId` come from the token's `tid` and `oid` claims only: the service
 * never takes a user id from a request body, query or header.
 */
export interface Caller {
  tenantId: string;
  /** The Entra object id (`oid`): stable across apps and display-name changes. */
  userId: string;
  /** For display only; never used to decide access. */
  name?: string;
}

export interface TokenVerifier {
  /**
   * Resolves the caller of a bearer token, or throws `Unauthenticated` with a
   * message saying what was wrong. Failures to reach the signing keys are not
   * the caller's fault and surface as plain errors (a 5xx, not a 401).
   */
  verify(token: string): Promise<Caller>;
}
