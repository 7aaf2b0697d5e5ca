import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { Unauthenticated } from '../../domain/errors.js';
import {
  bearerToken,
  createDevIdentityIssuer,
  createEntraTokenVerifier,
  DEV_CLIENT_ID,
  type TokenVerifier,
} from '../../bot/src/identity/index.js';
import {
  INVALID_TOKEN_KINDS,
  OTHER_TENANT_ID,
  startTestIdentityProvider,
  TEST_TENANT_ID,
  type TestIdentityProvider,
} from '../support/jwks.js';

const alice = { userId: 'a1b2c3d4-0000-4000-8000-00000000a11c', name: 'Alice Manager' };

let idp: TestIdentityProvider;
let verifier: TokenVerifier;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  verifier = createEntraTokenVerifier({
    clientId: idp.clientId,
    appIdUri: idp.appIdUri,
    allowedTenants: [TEST_TENANT_ID],
    jwksUrl: idp.jwksUrl,
  });
});
afterAll(async () => {
  await idp.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the token to be refused');
    },
    (error: unknown) => error,
  );
}

describe('Entra token verifier', () => {
  it('accepts a v2 token and identifies the caller by tenant and object id', async () => {
    const caller = await verifier.verify(await idp.signToken(alice));
    expect(caller).toEqual({ tenantId: TEST_TENANT_ID, userId: alice.userId, name: 'Alice Manager' });
  });

  it('accepts a v1 token (sts.windows.net issuer, app id URI audience)', async () => {
    const token = await idp.signToken(alice, {}, { version: 'v1' });
    expect(decodeJwt(token).iss).toBe(`https://sts.windows.net/${TEST_TENANT_ID}/`);
    expect(await verifier.verify(token)).toEqual({
      tenantId: TEST_TENANT_ID,
      userId: alice.userId,
      name: 'Alice Manager',
    });
  });

  it('accepts a v2 token addressed to the app id URI as well', async () => {
    const caller = await verifier.verify(await idp.signToken(alice, { aud: idp.appIdUri }));
    expect(caller.userId).toBe(alice.userId);
  });

  it('falls back to preferred_username for display when the token has no name', async () => {
    const caller = await verifier.verify(await idp.signToken({ userId: alice.userId }, {}, { omit: ['name'] }));
    expect(caller.name).toBe(`${alice.userId}@contoso.test`);
  });

  it('finds access_as_user among several scopes', async () => {
    const caller = await verifier.verify(await idp.signToken(alice, { scp: 'User.Read access_as_user openid' }));
    expect(caller.userId).toBe(alice.userId);
  });

  it('takes the identity from oid, not from sub or any other claim', async () => {
    const caller = await verifier.verify(await idp.signToken(alice, { sub: 'someone-else', userId: 'someone-else' }));
    expect(caller.userId).toBe(alice.userId);
  });

  it.each(INVALID_TOKEN_KINDS)('refuses a token with defect "%s" as unauthenticated', async (kind) => {
    const error = await rejection(verifier.verify(await idp.invalidToken(alice, kind)));
    expect(error).toBeInstanceOf(Unauthenticated);
    expect((error as Unauthenticated).message).toMatch(/\S/);
  });

  it('says an expired token has expired, so the person knows to sign in again', async () => {
    const error = await rejection(verifier.verify(await idp.invalidToken(alice, 'expired')));
    expect((error as Error).message).toMatch(/expired/i);
  });

  it('says which app a wrong-audience token was meant for is not this one', async () => {
    const error = await rejection(verifier.verify(await idp.invalidToken(alice, 'wrong audience')));
    expect((error as Error).message).toMatch(/different app/i);
  });

  it('refuses an empty token', async () => {
    expect(await rejection(verifier.verify(''))).toBeInstanceOf(Unauthenticated);
  });

  it('refuses an oversized token before parsing it', async () => {
    expect(await rejection(verifier.verify('a'.repeat(20_000)))).toBeInstanceOf(Unauthenticated);
  });

  it('tolerates a small clock skew on expiry but not a large one', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await idp.signToken(alice, { exp: now - 30 }))).resolves.toMatchObject({
      userId: alice.userId,
    });
    expect(await rejection(verifier.verify(await idp.signToken(alice, { exp: now - 120 })))).toBeInstanceOf(
      Unauthenticated,
    );
  });

  it('accepts any tenant when no tenant list is configured', async () => {
    const anyTenant = createEntraTokenVerifier({ clientId: idp.clientId, jwksUrl: idp.jwksUrl });
    const caller = await anyTenant.verify(await idp.signToken({ ...alice, tenantId: OTHER_TENANT_ID }));
    expect(caller.tenantId).toBe(OTHER_TENANT_ID);
  });

  it('fetches the key set once and reuses it for later tokens', async () => {
    const fresh = await startTestIdentityProvider();
    try {
      const v = createEntraTokenVerifier({ clientId: fresh.clientId, jwksUrl: fresh.jwksUrl });
      for (let i = 0; i < 5; i += 1) await v.verify(await fresh.signToken(alice));
      expect(fresh.jwksRequests).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('reports unreachable signing keys as an outage, not as a sign-in problem', async () => {
    const gone = await startTestIdentityProvider();
    const token = await gone.signToken(alice);
    const v = createEntraTokenVerifier({ clientId: gone.clientId, jwksUrl: gone.jwksUrl });
    await gone.close();
    const error = await rejection(v.verify(token));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(Unauthenticated);
  });
});

describe('dev identity issuer', () => {
  it('issues Entra-shaped v2 tokens that its verifier accepts', async () => {
    const dev = await createDevIdentityIssuer();
    const token = await dev.issueToken({ tenantId: 'dev-tenant', userId: 'dev-manager', name: 'Dana Manager' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: 'https://login.microsoftonline.com/dev-tenant/v2.0',
      aud: DEV_CLIENT_ID,
      scp: 'access_as_user',
      tid: 'dev-tenant',
      oid: 'dev-manager',
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(12 * 3600);
    expect(await dev.verifier.verify(token)).toEqual({
      tenantId: 'dev-tenant',
      userId: 'dev-manager',
      name: 'Dana Manager',
    });
  });

  it('refuses tokens it did not sign, even when they are shaped correctly', async () => {
    const dev = await createDevIdentityIssuer();
    const other = await createDevIdentityIssuer();
    const foreign = await other.issueToken({ tenantId: 'dev-tenant', userId: 'dev-manager', name: 'Dana' });
    expect(await rejection(dev.verifier.verify(foreign))).toBeInstanceOf(Unauthenticated);
    const entra = await idp.signToken(alice, { aud: DEV_CLIENT_ID });
    expect(await rejection(dev.verifier.verify(entra))).toBeInstanceOf(Unauthenticated);
  });

  it('gives dev tokens no shortcut: a verifier of the real app refuses them', async () => {
    const dev = await createDevIdentityIssuer();
    const token = await dev.issueToken({ tenantId: 'dev-tenant', userId: 'dev-report', name: 'Riley' });
    const strict = createEntraTokenVerifier({ clientId: 'some-other-client', jwksUrl: idp.jwksUrl });
    expect(await rejection(strict.verify(token))).toBeInstanceOf(Unauthenticated);
  });
});

describe('bearer token header', () => {
  it('extracts the token from "Bearer <token>", whatever the scheme case', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it.each([undefined, '', '   ', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer a b', 'abc.def.ghi'])(
    'refuses the header %j as unauthenticated',
    (header) => {
      expect(() => bearerToken(header)).toThrow(Unauthenticated);
    },
  );
});
