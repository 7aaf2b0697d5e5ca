import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/src/config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface RunResult {
  code: number | null;
  stderr: string;
  /** The start-up banner was printed: the service came up. */
  started: boolean;
}

/** Runs the real entry point until it exits or prints its "running" banner (then it is stopped). */
function runMain(env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let started = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (!started && chunk.toString().includes('is running at')) {
        started = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code) => resolve({ code, stderr, started }));
  });
}

describe('dev identities in production', () => {
  it('are refused by the configuration, naming the variable to fix', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DEV_MODE: 'true',
        AAD_APP_CLIENT_ID: '00001111-aaaa-2222-bbbb-3333cccc4444',
      }),
    ).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_MODE: 'true', AAD_APP_CLIENT_ID: 'x' })).toThrow(/DEV_MODE/);
  });

  it('stop the service from starting with DEV_MODE=true and NODE_ENV=production', { timeout: 90_000 }, async () => {
    const result = await runMain({ NODE_ENV: 'production', DEV_MODE: 'true', AAD_APP_CLIENT_ID: 'client' });
    expect(result.started).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DEV_MODE/);
  });

  it('production without a tab sign-in app registration is refused too', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AAD_APP_CLIENT_ID/);
  });
});

describe('the bot’s identity in production (the Bot Framework endpoint fails closed)', () => {
  const tabSignIn = { AAD_APP_CLIENT_ID: '00001111-aaaa-2222-bbbb-3333cccc4444' };
  const bot = {
    MicrosoftAppId: '00001111-aaaa-2222-bbbb-3333cccc5555',
    MicrosoftAppPassword: 'secret',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  };

  it('is required: without MicrosoftAppId production is refused, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...tabSignIn })).toThrow(/MicrosoftAppId/);
  });

  it('needs its secret, its type and, for a single-tenant or managed-identity bot, its tenant', () => {
    const { MicrosoftAppPassword: _password, ...noPassword } = bot;
    expect(() => loadConfig({ NODE_ENV: 'production', ...tabSignIn, ...noPassword })).toThrow(/MicrosoftAppPassword/);
    const { MicrosoftAppTenantId: _tenant, ...noTenant } = bot;
    expect(() => loadConfig({ NODE_ENV: 'production', ...tabSignIn, ...noTenant })).toThrow(/MicrosoftAppTenantId/);
    const { MicrosoftAppType: _type, ...noType } = bot;
    expect(() => loadConfig({ NODE_ENV: 'production', ...tabSignIn, ...noType })).toThrow(/MicrosoftAppType/);
    // A managed identity has no password, but still needs its tenant.
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        ...tabSignIn,
        MicrosoftAppId: bot.MicrosoftAppId,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: bot.MicrosoftAppTenantId,
      }),
    ).not.toThrow();
  });

  it('positive control: a complete production configuration loads', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...tabSignIn, ...bot }).MicrosoftAppId).toBe(bot.MicrosoftAppId);
  });

  it(
    'stops the real entry point from starting with NODE_ENV=production and no MicrosoftAppId',
    { timeout: 90_000 },
    async () => {
      const result = await runMain({ NODE_ENV: 'production', ...tabSignIn });
      expect(result.started).toBe(false);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/MicrosoftAppId/);
    },
  );
});
