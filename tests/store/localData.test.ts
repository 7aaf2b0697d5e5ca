import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DevSession, PanelState } from '../../domain/api.js';
import { apiClient, seriesPath } from '../support/api.js';

/**
 * `npm start` keeps the embedded store's data and the dev signing key in a
 * local folder. The real entry point runs as a child process on a data
 * folder of its own; it is killed (SIGKILL: no shutdown code runs) and
 * started again on the same folder.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'one-on-one-data-'));
const running = new Set<ChildProcess>();

interface Started {
  child: ChildProcess;
  url: string;
  banner: string;
}

function startMain(...flags: string[]): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bot/src/main.ts', '--dev', `--data-dir=${dataDir}`, ...flags],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'silent', SCHEDULER_INTERVAL_SECONDS: '3600' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    running.add(child);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /is running at (http:\/\/\S+)/.exec(output)?.[1];
      // The banner is one write; wait for its last line.
      if (url && output.includes('bot endpoint')) resolve({ child, url, banner: output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`service exited (${code}) before its banner:\n${output}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
    child.kill('SIGKILL');
  });
}

afterAll(async () => {
  await Promise.all([...running].map(kill));
  rmSync(dataDir, { recursive: true, force: true });
});

async function session(url: string): Promise<DevSession> {
  return DevSession.parse(await (await fetch(`${url}/api/dev/session`)).json());
}

describe('local data of npm start', { timeout: 180_000 }, () => {
  it('a topic written before a kill is there after a restart, and the old tokens still work', async () => {
    const first = await startMain();
    expect(first.banner).toContain(`local data: ${dataDir}`);
    const before = await session(first.url);
    const reportToken = before.identities.find((i) => i.role === 'report')!.token;
    const report = apiClient(first.url, reportToken);
    const added = await report.post(`${seriesPath(before.seriesId)}/topics`, {
      id: 'topic-before-kill',
      text: 'Kept across a restart',
    });
    expect(added.status).toBe(201);
    // Answered means written: the kill comes right after the answer, with no shutdown.
    await kill(first.child);

    const second = await startMain();
    expect(second.banner).toMatch(/records restored/);
    const state = await apiClient(second.url, reportToken).get(seriesPath(before.seriesId) + '/state');
    expect(state.status).toBe(200);
    const topics = PanelState.parse(state.body).topics.map((t) => t.text);
    expect(topics).toContain('Kept across a restart');
    // The same demo 1:1, not a second one.
    expect((await session(second.url)).seriesId).toBe(before.seriesId);

    // An edit after the restart is kept too (the compacted file takes appends).
    const edited = await apiClient(second.url, reportToken).patch(
      `${seriesPath(before.seriesId)}/topics/topic-before-kill`,
      { text: 'Edited after the restart' },
    );
    expect(edited.status).toBe(200);
    await kill(second.child);
    const third = await startMain();
    const again = PanelState.parse(
      (await apiClient(third.url, reportToken).get(seriesPath(before.seriesId) + '/state')).body,
    );
    expect(again.topics.map((t) => t.text)).toContain('Edited after the restart');
    expect(again.topics.map((t) => t.text)).not.toContain('Kept across a restart');
    await kill(third.child);
  });

  it('the dev signing key is readable by its owner only', () => {
    const mode = statSync(join(dataDir, 'dev-signing-key.json')).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(readFileSync(join(dataDir, 'dev-signing-key.json'), 'utf8')).toContain('privateJwk');
  });

  it('--fresh starts empty, and tokens signed before it are refused', async () => {
    const before = await startMain();
    const old = await session(before.url);
    const oldToken = old.identities[0]!.token;
    await kill(before.child);

    const fresh = await startMain('--fresh');
    expect(fresh.banner).toMatch(/0 records restored/);
    expect((await apiClient(fresh.url, oldToken).get(seriesPath(old.seriesId) + '/state')).status).toBe(401);
    const now = await session(fresh.url);
    const state = PanelState.parse(
      (await apiClient(fresh.url, now.identities[0]!.token).get(seriesPath(now.seriesId) + '/state')).body,
    );
    expect(state.topics.map((t) => t.text)).not.toContain('Edited after the restart');
    await kill(fresh.child);
  });
});
