import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/**
 * A stand-in for Microsoft Entra ID at the network boundary: a JWKS endpoint
 * on loopback plus helpers that mint tokens shaped like Entra access tokens,
 * valid ones and every kind of invalid one. Tests verify them with the real
 * verifier over real HTTP.
 */

export const TEST_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const OTHER_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
export const TEST_CLIENT_ID = '00001111-aaaa-2222-bbbb-3333cccc4444';
export const TEST_APP_ID_URI = `api://localhost/${TEST_CLIENT_ID}`;

export interface TestUser {
  userId: string;
  name?: string;
  tenantId?: string;
}

export interface SignOptions {
  /** Entra issues v1 (sts.windows.net, aud = app id URI) or v2 (login.microsoftonline.com, aud = client id) tokens. */
  version?: 'v1' | 'v2';
  /** Expired an hour ago (far beyond any clock tolerance). */
  expired?: boolean;
  /** Valid only from an hour from now. */
  notYetValid?: boolean;
  /** Signed by a key the JWKS does not publish, under the published kid. */
  wrongKey?: boolean;
  /** Signed by a key whose kid the JWKS does not know. */
  unknownKid?: boolean;
  /** One character of the payload changed after signing. */
  tampered?: boolean;
  /** Claims to leave out entirely. */
  omit?: readonly string[];
}

/**
 * Every kind of token the service must refuse (with 401). "wrong tenant"
 * comes in two forms: an issuer naming another tenant than the token's
 * `tid`, and a consistent token from a tenant outside AUTH_ALLOWED_TENANTS.
 */
export const INVALID_TOKEN_KINDS = [
  'expired',
  'not yet valid',
  'wrong audience',
  'wrong issuer',
  'issuer of another tenant',
  'tenant not allowed',
  'missing scope',
  'no scp claim',
  'no oid',
  'no expiry',
  'tampered signature',
  'signed by an unpublished key',
  'unknown kid',
  'alg none',
  'not a JWT',
] as const;
export type InvalidTokenKind = (typeof INVALID_TOKEN_KINDS)[number];

export interface InvalidTokenCase {
  kind: InvalidTokenKind;
  token: string;
}

export interface TestIdentityProvider {
  jwksUrl: string;
  tenantId: string;
  clientId: string;
  appIdUri: string;
  /** Environment for a service that trusts this provider (allowed tenant: TEST_TENANT_ID only). */
  env: Record<string, string>;
  signToken(user: TestUser, claims?: JWTPayload, options?: SignOptions): Promise<string>;
  /** A token of the given invalid kind for this user (allowed tenants: TEST_TENANT_ID only). */
  invalidToken(user: TestUser, kind: InvalidTokenKind): Promise<string>;
  /** One token of every invalid kind; pair with "no token at all" where it applies. */
  invalidTokens(user: TestUser): Promise<InvalidTokenCase[]>;
  /** How many times the JWKS was fetched. */
  readonly jwksRequests: number;
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  const published = await signingKey('test-key-1');
  const unpublishedSameKid = await signingKey('test-key-1');
  const unpublished = await signingKey('rotated-away-key');
  const jwks = JSON.stringify({ keys: [published.jwk] });

  let jwksRequests = 0;
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/keys') {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const jwksUrl = `http://127.0.0.1:${port}/keys`;

  async function signToken(user: TestUser, claims: JWTPayload = {}, options: SignOptions = {}): Promise<string> {
    const tenantId = user.tenantId ?? TEST_TENANT_ID;
    const v1 = options.version === 'v1';
    const now = Math.floor(Date.now() / 1000);
    const exp = options.expired ? now - 3600 : now + 3600;
    const nbf = options.notYetValid ? now + 3600 : now - 60;
    const payload: JWTPayload = {
      aud: v1 ? TEST_APP_ID_URI : TEST_CLIENT_ID,
      iss: v1 ? `https://sts.windows.net/${tenantId}/` : `https://login.microsoftonline.com/${tenantId}/v2.0`,
      iat: nbf,
      nbf,
      exp,
      tid: tenantId,
      oid: user.userId,
      sub: `pairwise-${user.userId}`,
      scp: 'access_as_user',
      ver: v1 ? '1.0' : '2.0',
      ...(v1
        ? { upn: `${user.userId}@contoso.test`, name: user.name }
        : { preferred_username: `${user.userId}@contoso.test`, name: user.name }),
      ...claims,
    };
    for (const claim of options.omit ?? []) delete payload[claim];
    const key = options.wrongKey ? unpublishedSameKid : options.unknownKid ? unpublished : published;
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .sign(key.privateKey);
    return options.tampered ? tamperPayload(token) : token;
  }

  function invalidToken(user: TestUser, kind: InvalidTokenKind): Promise<string> {
    switch (kind) {
      case 'expired':
        return signToken(user, {}, { expired: true });
      case 'not yet valid':
        return signToken(user, {}, { notYetValid: true });
      case 'wrong audience':
        return signToken(user, { aud: 'api://someone-else/app' });
      case 'wrong issuer':
        return signToken(user, { iss: 'https://evil.example.com/v2.0' });
      case 'issuer of another tenant':
        return signToken(user, { iss: `https://login.microsoftonline.com/${OTHER_TENANT_ID}/v2.0` });
      case 'tenant not allowed':
        return signToken({ ...user, tenantId: OTHER_TENANT_ID });
      case 'missing scope':
        return signToken(user, { scp: 'User.Read' });
      case 'no scp claim':
        return signToken(user, {}, { omit: ['scp'] });
      case 'no oid':
        return signToken(user, {}, { omit: ['oid'] });
      case 'no expiry':
        return signToken(user, {}, { omit: ['exp'] });
      case 'tampered signature':
        return signToken(user, {}, { tampered: true });
      case 'signed by an unpublished key':
        return signToken(user, {}, { wrongKey: true });
      case 'unknown kid':
        return signToken(user, {}, { unknownKid: true });
      case 'alg none':
        return signToken(user).then(unsigned);
      case 'not a JWT':
        return Promise.resolve('not-a-jwt');
    }
  }

  async function invalidTokens(user: TestUser): Promise<InvalidTokenCase[]> {
    return Promise.all(INVALID_TOKEN_KINDS.map(async (kind) => ({ kind, token: await invalidToken(user, kind) })));
  }

  return {
    jwksUrl,
    tenantId: TEST_TENANT_ID,
    clientId: TEST_CLIENT_ID,
    appIdUri: TEST_APP_ID_URI,
    env: {
      AAD_APP_CLIENT_ID: TEST_CLIENT_ID,
      AAD_APP_ID_URI: TEST_APP_ID_URI,
      AUTH_ALLOWED_TENANTS: TEST_TENANT_ID,
      AUTH_JWKS_URL: jwksUrl,
    },
    signToken,
    invalidToken,
    invalidTokens,
    get jwksRequests() {
      return jwksRequests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Changes the `oid` inside the signed payload, keeping the original signature. */
function tamperPayload(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as JWTPayload;
  claims.oid = `${String(claims.oid)}-impostor`;
  return `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
}

/** The same claims with `alg: none` and no signature: the classic downgrade attempt. */
function unsigned(token: string): string {
  const [, payload] = token.split('.') as [string, string];
  return `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
}
