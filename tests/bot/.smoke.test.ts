import { test, expect } from 'vitest';
import { startTestService } from '../support/service.js';
import { startFakeConnector } from '../support/fakeConnector.js';
import { teamsChat } from './teamsChat.js';
test('smoke', async () => {
  const svc = await startTestService();
  const fake = await startFakeConnector();
  try {
    const chat = teamsChat(svc.url, fake);
    const r = await chat.say(chat.manager, 'hello');
    console.log(r, JSON.stringify(fake.requests, null, 1).slice(0, 3000));
    expect(r.status).toBe(200);
  } finally { await svc.stop(); await fake.stop(); }
});
