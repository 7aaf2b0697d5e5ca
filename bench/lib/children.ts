import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  pid: number;
  /** The child's last lines of output, for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

/**
 * Starts a server child process. `ready` resolves when it can take traffic
 * (an IPC message or a line of output, depending on the server).
 */
export async function startChild(
  name: string,
  args: string[],
  options: {
    env?: Record<string, string>;
    cwd?: string;
    ipc?: boolean;
    ready: (child: ChildProcess, output: () => string) => Promise<void>;
    readyTimeoutMs?: number;
  },
): Promise<Child> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`${name} exited early (${code ?? signal}):\n${output}`))),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name} not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`)),
      options.readyTimeoutMs ?? 60_000,
    );
  });
  try {
    await Promise.race([options.ready(child, () => output), exited, timeout]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  exited.catch(() => {});
  return {
    process: child,
    pid: child.pid!,
    tail: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // Ask politely first (a profiled child writes its profile on a clean exit), then insist.
      if (options.ipc && child.connected) child.send({ type: 'stop' });
      else child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** Resolves when `predicate` holds for the child's output so far. */
export function outputMatches(pattern: RegExp) {
  return (child: ChildProcess, output: () => string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (pattern.test(output())) {
          child.stdout?.off('data', check);
          child.stderr?.off('data', check);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.stderr?.on('data', check);
      check();
    });
}

/** Resolves on the child's first IPC message of `type`, with that message. */
export function ipcMessage<T extends { type: string }>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type) {
        child.off('message', onMessage);
        resolve(message as T);
      }
    };
    child.on('message', onMessage);
  });
}

/** Resolves once `url` answers over HTTP; gives up after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
