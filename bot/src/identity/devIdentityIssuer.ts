import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
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

export interface DevIdentityIssuerOptions {
  /**
   * A file that keeps the key pair across restarts of `npm start` (created on
   * first use), so the tokens open panels hold stay valid after a restart.
   * Unset: the key lives in this process only.
   */
  keyFile?: string;
}

/** The key pair as stored in the key file: the private JWK (it includes the public part) and its key id. */
interface StoredKey {
  kid: string;
  privateJwk: JWK;
}

async function loadOrCreateKey(
  keyFile: string | undefined,
): Promise<{ kid: string; privateKey: CryptoKey; publicJwk: JWK }> {
  if (keyFile && existsSync(keyFile)) {
    const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as StoredKey;
    const privateKey = (await importJWK(stored.privateJwk, 'RS256')) as CryptoKey;
    const { kty, n, e } = stored.privateJwk;
    return { kid: stored.kid, privateKey, publicJwk: { kty, n, e } };
  }
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: Boolean(keyFile) });
  const kid = `dev-${randomUUID()}`;
  if (keyFile) {
    const stored: StoredKey = { kid, privateJwk: await exportJWK(privateKey) };
    // Readable by this user only: anyone holding it can sign in as the dev identities of this machine.
    writeFileSync(keyFile, JSON.stringify(stored), { mode: 0o600 });
  }
  return { kid, privateKey, publicJwk: await exportJWK(publicKey) };
}

/**
 * Signs tokens shaped like Entra v2 access tokens with a local key pair. Used
 * solely in dev mode (the service refuses dev mode with NODE_ENV=production);
 * its tokens mean nothing to any other instance.
 */
export async function createDevIdentityIssuer(options: DevIdentityIssuerOptions = {}): Promise<DevIdentityIssuer> {
  const { kid, privateKey, publicJwk } = await loadOrCreateKey(options.keyFile);
  const jwk = { ...publicJwk, kid, alg: 'RS256', use: 'sig' };
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
