import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { TokenVerifier } from './caller.js';
import { createEntraTokenVerifier, REQUIRED_SCOPE } from './entraTokenVerifier.js';

export const DEV_CLIENT_ID = 'dev-client-id';
const TOKEN_LIFETIME = '12h';

export interface DevIdentity {
  tenantId: string;
  userId: string;
  name: string;
}

export interface DevIdentityIssuer {
  /** The Entra verifier itself, fed this issuer's public key: dev tokens pass the same checks as real ones. */
  verifier: TokenVerifier;
  issueToken(user: DevIdentity): Promise<string>;
}

/**
 * Signs tokens shaped like Entra v2 access tokens with a key pair that lives
 * only in this process. Used solely in dev mode (the service refuses dev mode
 * with NODE_ENV=production); its tokens mean nothing to any other instance.
 */
export async function createDevIdentityIssuer(): Promise<DevIdentityIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = `dev-${randomUUID()}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const verifier = createEntraTokenVerifier({ clientId: DEV_CLIENT_ID, keys: createLocalJWKSet({ keys: [jwk] }) });

  return {
    verifier,
    issueToken: (user) =>
      new SignJWT({ tid: user.tenantId, oid: user.userId, name: user.name, scp: REQUIRED_SCOPE, ver: '2.0' })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .setIssuer(`https://login.microsoftonline.com/${user.tenantId}/v2.0`)
        .setAudience(DEV_CLIENT_ID)
        .setSubject(user.userId)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(TOKEN_LIFETIME)
        .sign(privateKey),
  };
}
