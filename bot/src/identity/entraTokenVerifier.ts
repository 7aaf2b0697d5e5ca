import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { Unauthenticated } from '../../../domain/errors.js';
import type { Caller, TokenVerifier } from './caller.js';

/** The scope the app registration exposes for the Teams tab's SSO token. */
export const REQUIRED_SCOPE = 'access_as_user';

/** Entra access tokens are a few KB; anything far larger is not one, so refuse it before parsing. */
const MAX_TOKEN_LENGTH = 16_384;

/** Tenant ids are GUIDs in Entra; the dev issuer uses readable ids of the same character set. */
const TENANT_ID = /^[A-Za-z0-9-]{1,64}$/;

interface EntraVerifierCommonOptions {
  /** The app registration's client id: the `aud` of v2 tokens. */
  clientId: string;
  /** The exposed API's URI (`api://<host>/<client-id>`): the `aud` of v1 tokens. */
  appIdUri?: string;
  /** Tenants allowed to use the app; empty or absent means any tenant (multi-tenant app). */
  allowedTenants?: readonly string[];
  clockToleranceSeconds?: number;
}

/**
 * Where the signing keys come from: Entra's JWKS URL in production, or a key
 * set function (`createLocalJWKSet`) for the dev issuer and tests, so both
 * run exactly the same checks.
 */
export type EntraVerifierOptions = EntraVerifierCommonOptions & ({ jwksUrl: string } | { keys: JWTVerifyGetKey });

/**
 * Verifies Entra ID access tokens obtained by the tab with
 * `authentication.getAuthToken()`: RS256 signature against the JWKS, issuer
 * bound to the token's own tenant (v1 or v2 form), audience, allowed tenant,
 * the `access_as_user` scope, expiry and the presence of `oid`.
 * https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens
 */
export function createEntraTokenVerifier(options: EntraVerifierOptions): TokenVerifier {
  const keys =
    'keys' in options
      ? options.keys
      : // jose caches the key set and refetches (with a cooldown) when a token names an unknown kid: key rotation.
        createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5_000 });
  const audience = [options.clientId, options.appIdUri].filter((a): a is string => typeof a === 'string' && a !== '');
  if (audience.length === 0) throw new Error('createEntraTokenVerifier needs a clientId');
  const allowedTenants = new Set(options.allowedTenants ?? []);
  const clockTolerance = options.clockToleranceSeconds ?? 60;

  return {
    async verify(token: string): Promise<Caller> {
      if (typeof token !== 'string' || token === '') throw new Unauthenticated('Sign-in is required.');
      if (token.length > MAX_TOKEN_LENGTH) throw new Unauthenticated('The sign-in token is too long to be valid.');

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          audience,
          clockTolerance,
          requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
        }));
      } catch (error) {
        throw toUnauthenticated(error);
      }
      return callerFrom(payload, allowedTenants);
    },
  };
}

function callerFrom(payload: JWTPayload, allowedTenants: ReadonlySet<string>): Caller {
  const { tid, oid, iss, scp } = payload;
  if (typeof tid !== 'string' || !TENANT_ID.test(tid)) {
    throw new Unauthenticated('The sign-in token has no valid tenant id (tid).');
  }
  // Multi-tenant apps cannot pin one issuer: the issuer must name the very tenant the token claims to be from.
  const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
  if (typeof iss !== 'string' || !issuers.includes(iss)) {
    throw new Unauthenticated('The sign-in token was not issued by Microsoft Entra ID for its tenant.');
  }
  if (allowedTenants.size > 0 && !allowedTenants.has(tid)) {
    throw new Unauthenticated('Your organisation is not allowed to use this app.');
  }
  const scopes = typeof scp === 'string' ? scp.split(' ') : [];
  if (!scopes.includes(REQUIRED_SCOPE)) {
    throw new Unauthenticated(`The sign-in token lacks the "${REQUIRED_SCOPE}" scope.`);
  }
  if (typeof oid !== 'string' || oid.trim() === '' || oid.length > 128) {
    throw new Unauthenticated('The sign-in token does not identify a user (oid).');
  }
  const name = displayName(payload);
  return name === undefined ? { tenantId: tid, userId: oid } : { tenantId: tid, userId: oid, name };
}

/** v2 tokens carry `preferred_username`, v1 tokens `upn` or `unique_name`. */
function displayName(payload: JWTPayload): string | undefined {
  for (const claim of ['name', 'preferred_username', 'upn', 'unique_name']) {
    const value = payload[claim];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 200);
  }
  return undefined;
}

function toUnauthenticated(error: unknown): Error {
  if (error instanceof errors.JWTExpired) {
    return new Unauthenticated('Your sign-in has expired: reload the app to sign in again.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return new Unauthenticated('The sign-in token was issued for a different app (audience).');
    if (error.claim === 'nbf') return new Unauthenticated('The sign-in token is not valid yet: check the clock.');
    if (error.reason === 'missing') return new Unauthenticated(`The sign-in token lacks the "${error.claim}" claim.`);
    return new Unauthenticated(`The sign-in token's "${error.claim}" claim is invalid.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new Unauthenticated('The sign-in token signature is invalid.');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new Unauthenticated('The sign-in token was signed with an unknown key.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new Unauthenticated('The sign-in token uses a signing algorithm other than RS256.');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new Unauthenticated('The sign-in token is malformed.');
  }
  // Key set unreachable, timed out or malformed: an outage, not a bad token, so it must not read as "sign in again".
  return new Error('Could not verify the sign-in token: the signing keys are unavailable.', { cause: error });
}
