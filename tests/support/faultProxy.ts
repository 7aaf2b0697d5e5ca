import { createServer as createHttpServer, request as httpRequest, Agent, type IncomingMessage } from 'node:http';
import { createServer as createTcpServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Faults injected at the network boundary, by a proxy of our own — never by
 * mocking the SDK. Two proxies:
 *
 * - `startCosmosFaultProxy(target)`: an HTTP proxy in front of the Cosmos
 *   protocol server. The service is pointed at it with COSMOS_ENDPOINT. Rules
 *   pick requests (by method, container, query or not) and inject a fault
 *   either BEFORE the request reaches the server (an answer 429/449/408/503 of
 *   the proxy's own, a stall, a connection reset) or AFTER the server applied
 *   it (the answer is dropped by a reset, or withheld until the client gives up),
 *   or freeze the proxy after one write, as if the service's host died at that
 *   exact point. It logs every write it receives, for assertions.
 * - `startTcpProxy(host, port)`: a plain TCP proxy (in front of redis-server)
 *   whose live connections can be cut and whose new ones can be refused.
 */

/** What the proxy knows about one Cosmos request. */
export interface CosmosRequest {
  method: string;
  path: string;
  /** The container named in the path (`/dbs/d/colls/<container>/docs…`), if any. */
  container?: string;
  /** The partition key the request names (`x-ms-documentdb-partitionkey`, e.g. `["series-1"]`), if any. */
  partitionKey?: string;
  /** A query or a query plan (POST with `x-ms-documentdb-isquery` or the query-plan header), not a write. */
  isQuery: boolean;
  /** The SDK's query-plan request (the `x-ms-cosmos-is-query-plan-request` header). */
  isQueryPlan: boolean;
  /** A point write or create: POST (not a query), PUT, PATCH or DELETE on a document. */
  isWrite: boolean;
  /** The request body, for rules that pick one document. */
  body: string;
  /** The body parsed as a JSON object (a write's document), if it is one. */
  json: Record<string, unknown> | undefined;
  /** Bytes of the server's answer, once it has come back through the proxy. */
  answerBytes?: number;
}

export type CosmosFault =
  /** Answered by the proxy, the server never sees the request. Cosmos-shaped body and headers. */
  | { kind: 'status'; status: 408 | 429 | 449 | 503; retryAfterMs?: number }
  /** Held without an answer until the client gives up (its request timeout). */
  | { kind: 'stall' }
  /** The connection is reset before the request is forwarded. */
  | { kind: 'reset' }
  /** Forwarded and applied by the server; the connection is reset instead of the answer. */
  | { kind: 'dropAnswer' }
  /** Forwarded and applied by the server; the answer is withheld until the client gives up. */
  | { kind: 'stallAnswer' }
  /**
   * Forwarded, applied and answered; then the proxy freezes: every open
   * connection is closed and every later request's connection is reset, as if
   * the service's host died right after this write (nothing more of its work
   * reaches storage). Until `clearAll()`.
   */
  | { kind: 'freezeAfter' };

export interface FaultRule {
  match(request: CosmosRequest): boolean;
  fault: CosmosFault;
  /** How many matching requests get the fault; Infinity until cleared. Default 1. */
  times?: number;
}

export interface InjectedFault {
  /** Matching requests that got the fault so far. */
  readonly hits: number;
  /** Stops injecting this fault. */
  clear(): void;
}

export interface CosmosFaultProxy {
  /** Point COSMOS_ENDPOINT here. */
  endpoint: string;
  inject(rule: FaultRule): InjectedFault;
  /** Stops every fault, and thaws a frozen proxy. */
  clearAll(): void;
  /** Requests forwarded to the server (not faulted before it), for assertions. */
  readonly forwarded: CosmosRequest[];
  /** Every write the proxy received, in order, faulted or not (a frozen proxy resets them unread). */
  readonly writes: CosmosRequest[];
  /** The write after which a `freezeAfter` fault froze the proxy, once it has. */
  readonly frozenAt: CosmosRequest | undefined;
  close(): Promise<void>;
}

/** Matchers for the usual rules. */
export const requests = {
  writesTo: (container: string) => (r: CosmosRequest) => r.container === container && r.isWrite,
  queriesOf: (container: string) => (r: CosmosRequest) => r.container === container && r.isQuery,
  anyTo: (container: string) => (r: CosmosRequest) => r.container === container,
  /** Writes of the document with this id (a create carries it in the body, a replace in the path). */
  writeOf: (container: string, id: string) => (r: CosmosRequest) =>
    r.container === container &&
    r.isWrite &&
    (r.path.endsWith(`/docs/${encodeURIComponent(id)}`) || r.body.includes(`"id":${JSON.stringify(id)}`)),
  /** Writes, to any container, whose document (the JSON body) passes `test`. */
  writeWhere: (test: (doc: Record<string, unknown>) => boolean) => (r: CosmosRequest) =>
    r.isWrite && r.json !== undefined && test(r.json),
  /** Transactional batches (a commit of records and effects) one of whose documents passes `test`. */
  batchWith: (test: (doc: Record<string, unknown>) => boolean) => (r: CosmosRequest) =>
    r.isWrite && batchDocuments(r.body).some(test),
};

/** The documents a transactional batch's body creates, replaces or upserts. */
export function batchDocuments(body: string): Record<string, unknown>[] {
  if (!body.startsWith('[')) return [];
  try {
    const parsed = JSON.parse(body) as { resourceBody?: unknown }[];
    return parsed
      .map((op) => op?.resourceBody)
      .filter((doc): doc is Record<string, unknown> => doc !== null && typeof doc === 'object' && !Array.isArray(doc));
  } catch {
    return [];
  }
}

function parseObject(body: string): Record<string, unknown> | undefined {
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function describeRequest(req: IncomingMessage, body: string): CosmosRequest {
  const path = (req.url ?? '/').split('?')[0]!;
  const container = /\/colls\/([^/]+)/.exec(path)?.[1];
  // A query, or the query-plan request the SDK sends before one: both are reads, retried by the SDK.
  const isQueryPlan = String(req.headers['x-ms-cosmos-is-query-plan-request'] ?? '').toLowerCase() === 'true';
  const isQuery =
    String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true' ||
    isQueryPlan ||
    String(req.headers['content-type'] ?? '').includes('query+json');
  const onDocument = /\/docs(\/|$)/.test(path);
  const method = req.method ?? 'GET';
  const isWrite = onDocument && !isQuery && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
  return {
    method,
    path,
    ...(container ? { container: decodeURIComponent(container) } : {}),
    ...(typeof req.headers['x-ms-documentdb-partitionkey'] === 'string'
      ? { partitionKey: req.headers['x-ms-documentdb-partitionkey'] }
      : {}),
    isQuery,
    isQueryPlan,
    isWrite,
    body,
    json: parseObject(body),
  };
}

const COSMOS_CODES: Record<number, string> = {
  408: 'RequestTimeout',
  429: 'TooManyRequests',
  449: 'RetryWith',
  503: 'ServiceUnavailable',
};

export async function startCosmosFaultProxy(target: string): Promise<CosmosFaultProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const rules: { rule: FaultRule; left: number; hits: number }[] = [];
  const forwarded: CosmosRequest[] = [];
  const writes: CosmosRequest[] = [];
  const sockets = new Set<Socket>();
  let frozenAt: CosmosRequest | undefined;

  function faultFor(request: CosmosRequest): CosmosFault | undefined {
    for (const entry of rules) {
      if (entry.left <= 0 || !entry.rule.match(request)) continue;
      entry.left -= 1;
      entry.hits += 1;
      return entry.rule.fault;
    }
    return undefined;
  }

  const server = createHttpServer({ keepAlive: true }, (req, res) => {
    // Frozen: the service is "dead", nothing more of its work reaches storage.
    if (frozenAt) {
      req.socket.resetAndDestroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const request = describeRequest(req, raw.toString('utf8'));
      if (request.isWrite) writes.push(request);
      const fault = faultFor(request);

      if (fault?.kind === 'status') {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfterMs !== undefined) headers['x-ms-retry-after-ms'] = String(fault.retryAfterMs);
        res.writeHead(fault.status, headers);
        res.end(JSON.stringify({ code: COSMOS_CODES[fault.status], message: `injected ${fault.status}` }));
        return;
      }
      if (fault?.kind === 'stall') return; // the client's timeout ends it
      if (fault?.kind === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }

      forwarded.push(request);
      const headers = { ...req.headers, host: upstream.host };
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            // The server has applied the request by now; these faults lose only its answer.
            if (fault?.kind === 'dropAnswer') {
              req.socket.resetAndDestroy();
              return;
            }
            if (fault?.kind === 'stallAnswer') return;
            // Froze while this one was in flight: the dead service never hears back.
            if (frozenAt) {
              req.socket.resetAndDestroy();
              return;
            }
            const answered = Buffer.concat(body);
            request.answerBytes = answered.length;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(answered);
            if (fault?.kind === 'freezeAfter') {
              frozenAt = request;
              // Whatever the service had open dies with it. Closed, not reset, on the
              // next turn, so the answer just written still reaches the client.
              setImmediate(() => {
                for (const socket of sockets) socket.destroy();
              });
            }
          });
        },
      );
      out.on('error', () => req.socket.resetAndDestroy());
      out.end(raw);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    forwarded,
    writes,
    get frozenAt() {
      return frozenAt;
    },
    inject(rule) {
      const entry = { rule, left: rule.times ?? 1, hits: 0 };
      rules.push(entry);
      return {
        get hits() {
          return entry.hits;
        },
        clear: () => {
          entry.left = 0;
        },
      };
    },
    clearAll() {
      for (const entry of rules) entry.left = 0;
      frozenAt = undefined;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface TcpProxy {
  port: number;
  /** Live connections right now. */
  readonly connections: number;
  /** Resets every live connection (both sides), as a network cut does. */
  cut(): void;
  /**
   * The next time a client sends bytes matching `predicate` (say, a PUBLISH of
   * one record), that connection is reset before they are forwarded — the
   * command is in flight, never answered — and, with `thenBlock`, new
   * connections are refused until `restore()`. Resolves when it happened.
   */
  cutWhen(predicate: (chunk: Buffer) => boolean, options?: { thenBlock?: boolean }): Promise<void>;
  /** Refuses new connections (accepted and reset at once) until `restore()`. */
  block(): void;
  /**
   * Holds every byte in both directions on live and new connections — the
   * connections stay up, nothing is answered, as a stalled Redis — until
   * `restore()`, which delivers what was held, in order.
   */
  stall(): void;
  /**
   * Until `restore()`, each chunk the client sends that matches `predicate`
   * has every `from` replaced by `to` (same length, so the protocol's framing
   * holds): e.g. a PUBLISH sent to a channel nobody listens on — answered as
   * usual, lost without anyone knowing.
   */
  rewriteWhen(predicate: (chunk: Buffer) => boolean, from: string, to: string): void;
  restore(): void;
  close(): Promise<void>;
}

function replaceAll(chunk: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('rewrite must keep the length');
  return Buffer.from(chunk.toString('latin1').split(from).join(to), 'latin1');
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let blocked = false;
  let trigger: { predicate: (chunk: Buffer) => boolean; thenBlock: boolean; fired: () => void } | undefined;
  let rewrite: { predicate: (chunk: Buffer) => boolean; from: string; to: string } | undefined;
  let stalled = false;
  /** Bytes held while stalled, per destination socket, in order. */
  const held: { to: Socket; chunk: Buffer }[] = [];
  const send = (to: Socket, chunk: Buffer) => {
    if (stalled) held.push({ to, chunk });
    else if (!to.destroyed) to.write(chunk);
  };
  const server = createTcpServer((client) => {
    if (blocked) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      if (!client.destroyed) client.destroy();
      if (!upstream.destroyed) upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.on('data', (chunk: Buffer) => {
      if (trigger?.predicate(chunk)) {
        const { thenBlock, fired } = trigger;
        trigger = undefined;
        if (thenBlock) blocked = true;
        pairs.delete(pair);
        client.resetAndDestroy();
        upstream.resetAndDestroy();
        fired();
        return;
      }
      send(upstream, rewrite?.predicate(chunk) ? replaceAll(chunk, rewrite.from, rewrite.to) : chunk);
    });
    upstream.on('data', (chunk: Buffer) => send(client, chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function cut() {
    for (const [client, upstream] of [...pairs]) {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    }
    pairs.clear();
  }

  return {
    port,
    get connections() {
      return pairs.size;
    },
    cut,
    cutWhen(predicate, options = {}) {
      return new Promise<void>((fired) => {
        trigger = { predicate, thenBlock: options.thenBlock ?? false, fired };
      });
    },
    block() {
      blocked = true;
    },
    stall() {
      stalled = true;
    },
    rewriteWhen(predicate, from, to) {
      rewrite = { predicate, from, to };
    },
    restore() {
      blocked = false;
      rewrite = undefined;
      stalled = false;
      for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
