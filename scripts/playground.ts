import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm run playground`: Microsoft 365 Agents Playground against the local
 * bot, on the port the service listens on (PORT, as `npm start` uses it).
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let args: string[];
  try {
    args = playgroundArgs(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  // No browser of its own: the playground prints its address.
  const child = spawn('agentsplayground', args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
  });
  // Stopping this script stops the Playground too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}
