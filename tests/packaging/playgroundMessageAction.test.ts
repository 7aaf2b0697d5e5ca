import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { seedSeries, startTestService, type TestService } from '../support/service.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SETTLE = { timeout: 30_000, interval: 200 };

/**
 * The Playground's checks of a message action's answers, as its client declares them
 * (@microsoft/m365agentsplayground 0.2.28, dist/client/static/js/main.*.js: the schema it
 * parses `task` with after composeExtension/fetchTask, and after submitAction). An answer
 * outside them is what its log shows as "Invalid response returned from your app".
 */
const ContinueTask = z.object({
  type: z.literal('continue'),
  value: z.object({
    card: z
      .object({ contentType: z.literal('application/vnd.microsoft.card.adaptive'), content: z.unknown() })
      .optional(),
    url: z.string().optional(),
    title: z.string().optional(),
  }),
});
const MessageTask = z.object({ type: z.literal('message'), value: z.string() });
const FetchAnswer = z.object({ task: ContinueTask });
const SubmitAnswer = z.object({ task: z.union([ContinueTask, MessageTask]) });

/** Who the Playground says is pressing (its default config: /_internal/v1/config). */
const PlaygroundConfig = z.object({
  config: z.object({
    tenantId: z.string(),
    currentUser: z.object({ id: z.string(), name: z.string(), aadObjectId: z.string() }),
    personalChat: z.object({ id: z.string() }),
  }),
});

/** Waits until `port` on `host` answers (true) or refuses (false). */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm run playground` as a person starts it, in a process group of its own (so cleanup can reach all of it). */
async function startPlayground(servicePort: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('npm', ['run', 'playground'], {
    cwd: ROOT,
    env: { ...process.env, PORT: servicePort, PLAYGROUND_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /Listening on (\d+)/.exec(chunk.toString('utf8'));
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the Playground exited (${code})`)));
  });
  return { child, port };
}

describe('npm run playground and "Add to 1:1 agenda"', { timeout: 180_000 }, () => {
  let service: TestService;
  let playground: { child: ChildProcess; port: number };

  beforeAll(async () => {
    service = await startTestService();
    playground = await startPlayground(new URL(service.url).port);
  }, 120_000);
  afterAll(async () => {
    const pgid = playground?.child.pid;
    if (pgid && groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    await service?.stop();
  });

  it('answers the Playground’s own requests with a valid dialog or message: no 1:1s, one, several', async () => {
    const base = `http://127.0.0.1:${playground.port}`;
    const { config } = PlaygroundConfig.parse(await (await fetch(`${base}/_internal/v1/config`)).json());
    // What the Playground's client posts when a message's action is started, and when its dialog is submitted.
    const messagePayload = {
      id: '1765000000000',
      createdDateTime: new Date().toISOString(),
      deleted: false,
      importance: 'normal',
      locale: 'en-us',
      from: { user: { userIdentityType: 'aadUser', id: config.currentUser.id, displayName: config.currentUser.name } },
      body: { contentType: 'html', content: '<p>Can we talk about the on-call rota?</p>' },
      attachments: [],
      mentions: [],
      reactions: [],
      linkToMessage: '',
    };
    const invoke = async (name: string, extra: Record<string, unknown> = {}) => {
      const response = await fetch(`${base}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name,
          value: {
            commandId: 'addToAgenda',
            commandContext: 'message',
            context: { theme: 'default' },
            messagePayload,
            ...extra,
          },
          from: { id: config.currentUser.id },
          conversation: { id: config.personalChat.id },
        }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as unknown;
    };
    const opened = async () => FetchAnswer.parse(await invoke('composeExtension/fetchTask')).task.value;
    const choicesIn = (card: unknown) =>
      (
        (card as { body: { id?: string; choices?: { value: string }[] }[] }).body.find((e) => e.id === 'seriesId')
          ?.choices ?? []
      ).map((c) => c.value);

    // No 1:1s: still a dialog, saying why.
    const none = await opened();
    expect(JSON.stringify(none.card?.content)).toContain('You have no 1:1s yet');

    const member = (role: 'manager' | 'report', n: number) =>
      role === 'manager'
        ? { userId: config.currentUser.aadObjectId, name: config.currentUser.name, role }
        : { userId: `playground-report-${n}-${process.pid}`, name: `Report ${n}`, role };
    const first = await seedSeries(service.service, {
      tenantId: config.tenantId,
      members: [member('manager', 1), member('report', 1)],
    });
    await expect.poll(async () => choicesIn((await opened()).card?.content), SETTLE).toEqual([first.id]);

    const second = await seedSeries(service.service, {
      tenantId: config.tenantId,
      members: [member('manager', 2), member('report', 2)],
    });
    await expect
      .poll(async () => choicesIn((await opened()).card?.content).sort(), SETTLE)
      .toEqual([first.id, second.id].sort());

    const added = SubmitAnswer.parse(
      await invoke('composeExtension/submitAction', {
        data: { seriesId: second.id, category: 'work', text: 'The on-call rota' },
      }),
    ).task;
    expect(added).toEqual({ type: 'message', value: 'Added to the agenda of your next 1:1: The on-call rota' });
    const refused = SubmitAnswer.parse(
      await invoke('composeExtension/submitAction', { data: { seriesId: second.id, category: 'work', text: ' ' } }),
    ).task;
    expect(refused.type).toBe('continue');
  });

  it('listens on loopback only, and stopping npm run playground stops the Playground with it', async () => {
    const { child, port } = playground;
    expect(await reachable('127.0.0.1', port)).toBe(true);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (outside) {
      // A server listening as the Playground did (every interface) is reachable on that address…
      const open = createServer().listen(0);
      await new Promise((resolve) => open.once('listening', resolve));
      expect(await reachable(outside, (open.address() as AddressInfo).port)).toBe(true);
      open.close();
      // …and the Playground is not.
      expect(await reachable(outside, port)).toBe(false);
    }

    // Stopping npm (as a terminal or a process manager does) stops what it started: nothing keeps the port.
    process.kill(child.pid!, 'SIGTERM');
    await expect.poll(() => groupAlive(child.pid!), SETTLE).toBe(false);
    expect(await reachable('127.0.0.1', port)).toBe(false);
  });
});
