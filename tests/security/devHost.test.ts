import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { loadConfig } from '../../bot/src/config.js';
import { startTestService } from '../support/service.js';

/** Issue 12.8: dev mode hands out signed tokens, so it listens on loopback unless HOST says otherwise. */
it('dev mode listens on loopback only when HOST is unset', async () => {
  const svc = await startTestService({ env: { DEV_MODE: 'true', HOST: undefined } });
  try {
    expect((svc.service.httpServer.address() as AddressInfo).address).toBe('127.0.0.1');
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  } finally {
    await svc.stop();
  }
});

it('HOST chooses the interface, in dev mode too', async () => {
  const svc = await startTestService({ env: { DEV_MODE: 'true', HOST: '0.0.0.0' } });
  try {
    expect((svc.service.httpServer.address() as AddressInfo).address).toBe('0.0.0.0');
  } finally {
    await svc.stop();
  }
});

it('outside dev mode the service listens on every interface (App Service forwards to it)', () => {
  expect(loadConfig({ NODE_ENV: 'test' }).HOST).toBeUndefined();
});
