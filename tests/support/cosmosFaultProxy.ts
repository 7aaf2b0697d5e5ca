import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fault-injecting HTTP proxy in front of the Cosmos DB protocol server:
 * the service talks to it as its COSMOS_ENDPOINT, and a test decides, by
 * looking at each write (method, path, JSON body), where storage "breaks".
 *  - `freezeAfter(match)`: the matching write is applied and answered; from
 *    then on every request's connection is reset, as if the service's host
 *    died at that exact point (nothing more of its work reaches storage).
 *  - `loseAnswerOnce(match)`: the matching write is applied, but its answer
 *    is lost (connection reset), once.
 *  - `failOnce(match, status)`: the matching write is not applied and is
 *    answered with `status` (e.g. 503, Cosmos busy), once.
 */
export interface WriteSeen {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}
export type WriteMatch = (write: WriteSeen) => boolean;

export interface CosmosFaultProxy {
  endpoint: string;
  /** Every write forwarded, in order. */
  writes: WriteSeen[];
  /** Writes whose answer was lost, and whether the proxy is frozen. */
  faults: { lostAnswers: WriteSeen[]; failed: WriteSeen[]; frozenAt?: WriteSeen };
  freezeAfter(match: WriteMatch): void;
  loseAnswerOnce(match: WriteMatch): void;
  failOnce(match: WriteMatch, status: number): void;
  close(): Promise<void>;
}

function isWrite(req: http.IncomingMessage): boolean {
  if (req.method === 'PUT' || req.method === 'DELETE' || req.method === 'PATCH') return true;
  // Queries are POSTs too; the SDK marks them with this header.
  return req.method === 'POST' && req.headers['x-ms-documentdb-isquery'] === undefined && /\/docs$/.test(req.url ?? '');
}

export async function startCosmosFaultProxy(target: string): Promise<CosmosFaultProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  let frozen = false;
  let freezeMatch: WriteMatch | undefined;
  let loseMatch: WriteMatch | undefined;
  let failing: { match: WriteMatch; status: number } | undefined;
  const proxy: Omit<CosmosFaultProxy, 'endpoint' | 'close'> = {
    writes: [],
    faults: { lostAnswers: [], failed: [] },
    failOnce: (match, status) => {
      failing = { match, status };
    },
    freezeAfter: (match) => {
      freezeMatch = match;
    },
    loseAnswerOnce: (match) => {
      loseMatch = match;
    },
  };

  const server = http.createServer((req, res) => {
    if (frozen) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let seen: WriteSeen | undefined;
      if (isWrite(req)) {
        let body: Record<string, unknown> | undefined;
        try {
          body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : undefined;
        } catch {
          body = undefined;
        }
        seen = { method: req.method ?? '', path: req.url ?? '', body };
        proxy.writes.push(seen);
        if (failing?.match(seen)) {
          const { status } = failing;
          failing = undefined;
          proxy.faults.failed.push(seen);
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'injected by the test proxy' }));
          return;
        }
      }
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
          agent,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            if (seen && loseMatch?.(seen)) {
              loseMatch = undefined;
              proxy.faults.lostAnswers.push(seen);
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
            if (seen && freezeMatch?.(seen)) {
              frozen = true;
              proxy.faults.frozenAt = seen;
              // Whatever the service had open dies with it.
              setImmediate(() => sockets.forEach((s) => s.destroy()));
            }
          });
        },
      );
      forward.on('error', () => req.socket.destroy());
      forward.end(raw);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...proxy,
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
