import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * `npm run playground`: Microsoft 365 Agents Playground against the local
 * bot, on the port the service listens on (PORT, as `npm start` uses it).
 * It listens on loopback only, and stops when this script stops.
 */
export function playgroundArgs(env: Record<string, string | undefined>): string[] {
  const port = env.PORT?.trim() || '3978';
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65_535) {
    throw new Error(`PORT must be a port number (1–65535), not "${port}".`);
  }
  return [
    '--app-endpoint',
    `http://localhost:${port}/api/messages`,
    '--channel-id',
    'msteams',
    '--disable-telemetry',
    ...(env.PLAYGROUND_PORT ? ['--port', env.PLAYGROUND_PORT] : []),
  ];
}

const PARENT_CHECK_MS = 1_000;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let args: string[];
  try {
    args = playgroundArgs(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const loopback = new URL('./playground-loopback.mjs', import.meta.url).href;
  // The Playground's own CLI in a node of ours: the preload binds it to loopback, and the IPC
  // channel ends it with this script. No browser of its own: the Playground prints its address.
  const child = spawn(process.execPath, ['--import', loopback, cli, ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
  });
  const stop = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  // `npm run` stops the shell it started, not this script: a script whose parent is gone stops too.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop('SIGTERM'), PARENT_CHECK_MS).unref();
  child.on('exit', (code) => process.exit(code ?? 0));
}
