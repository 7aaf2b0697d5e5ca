import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { playgroundArgs } from '../../scripts/playground.js';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run playground', () => {
  it('points the Playground at the bot on PORT (3978 when unset)', () => {
    expect(playgroundArgs({ PORT: '4321' })).toContain('http://localhost:4321/api/messages');
    expect(playgroundArgs({})).toContain('http://localhost:3978/api/messages');
    expect(() => playgroundArgs({ PORT: 'eighty' })).toThrow('PORT must be a port number');
  });

  // The service, not a stand-in: what the Playground shows is what the bot answered.
  let service: TestService | undefined;
  let playground: ChildProcess | undefined;
  let browser: LaunchedBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
    // Its own process group: the script and the Playground it started stop together.
    if (playground?.pid) process.kill(-playground.pid, 'SIGTERM');
    await service?.stop();
  });

  it(
    'the Playground on PORT installs the bot in a personal chat, and the bot answers there',
    { timeout: 120_000 },
    async () => {
      service = await startTestService();
      const port = new URL(service.url).port;
      playground = spawn(process.execPath, ['--import', 'tsx', 'scripts/playground.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: port,
          PLAYGROUND_PORT: '0',
          PATH: `${ROOT}node_modules/.bin:${process.env.PATH ?? ''}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const playgroundPort = await new Promise<string>((resolve, reject) => {
        playground?.stdout?.on('data', (chunk: Buffer) => {
          const match = /Listening on (\d+)/.exec(chunk.toString('utf8'));
          if (match?.[1]) resolve(match[1]);
        });
        playground?.on('exit', (code) => reject(new Error(`the Playground exited (${code})`)));
      });
      browser = await launchBrowser();
      const page = await browser.context.newPage();
      await page.goto(`http://localhost:${playgroundPort}/`);
      // The Playground opens a personal chat and installs the bot there; the bot's answer shows in its UI
      // (the Playground's mock user has no 1:1s: none of its chats is a two-person meeting chat).
      await page.getByText('You have no 1:1s with me yet').first().waitFor({
        timeout: 60_000,
      });
    },
  );
});
