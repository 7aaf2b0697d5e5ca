import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestIdentityProvider, type TestIdentityProvider } from '../support/jwks.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * With a bot app id configured, /api/messages must only take activities
 * signed by the Bot Framework. Only refusals that need no network are
 * checked here: verifying a real Bot Framework token means fetching
 * Microsoft's keys, which this machine cannot reach.
 */
let idp: TestIdentityProvider;
let svc: TestService;

const activity = {
  type: 'message',
  id: 'activity-1',
  text: 'hello',
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  from: { id: '29:forged-user', aadObjectId: 'forged-oid' },
  recipient: { id: '28:00001111-aaaa-2222-bbbb-3333cccc5555' },
  conversation: { id: '19:meeting@thread.v2', conversationType: 'groupChat', tenantId: 'forged-tenant' },
  channelData: { tenant: { id: 'forged-tenant' } },
};

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  svc = await startTestService({
    env: {
      ...idp.env,
      DEV_MODE: 'false',
      // The activity's serviceUrl is allowed, so what refuses it below is the authentication.
      BOT_SERVICE_URL_HOSTS: '127.0.0.1:9',
      MicrosoftAppId: '00001111-aaaa-2222-bbbb-3333cccc5555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    },
  });
});

afterAll(async () => {
  await svc?.stop();
  await idp?.close();
});

async function postActivity(headers: Record<string, string>, baseUrl = svc.url, body: object = activity) {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

it('takes unsigned activities only when no bot app id is set (local dev), so the refusals below are the bot’s', async () => {
  // Without this, a 401 could come from the tab API's sign-in check swallowing /api/messages.
  const local = await startTestService({
    env: { ...idp.env, DEV_MODE: 'false', BOT_SERVICE_URL_HOSTS: '127.0.0.1:9' },
  });
  try {
    const response = await postActivity({}, local.url, { ...activity, type: 'typing', text: undefined });
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
  } finally {
    await local.stop();
  }
});

it('refuses an unsigned activity with 401 when a bot app id is configured', async () => {
  expect((await postActivity({})).status).toBe(401);
});

it('refuses an activity carrying a tab sign-in token instead of a Bot Framework one', async () => {
  const tabToken = await idp.signToken({ userId: 'someone' });
  expect((await postActivity({ authorization: `Bearer ${tabToken}` })).status).toBe(401);
});

it('refuses an activity with a malformed Authorization header', async () => {
  expect((await postActivity({ authorization: 'Bearer not-a-jwt' })).status).toBe(401);
});
