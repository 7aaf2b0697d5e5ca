import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { EVENTS, PROTOCOL_VERSION, type JoinAck, type RecordsChanged } from '../../domain/realtime.js';
import { ipcMessage, startChild, type Child } from '../lib/children.js';
import { summarize, type LatencySummary } from '../lib/stats.js';
import type { BenchPair, ChildReply, CosmosChildReply, CosmosStats, ParentRequest } from './serviceProtocol.js';
import type { AgendaEdit, Engine, Member, OnSeen, PairSession } from './types.js';

const childScript = fileURLToPath(new URL('./serviceChild.ts', import.meta.url));
const cosmosScript = fileURLToPath(new URL('./cosmosChild.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Cosmos requests and request charge of one API operation, measured alone on an idle service. */
export interface OperationCost {
  operation: string;
  cosmosRequests: number;
  requestCharge: number;
  byCosmosOperation: Record<string, number>;
}

/**
 * Our service: REST writes (zod-validated, ETag-guarded Cosmos writes) and
 * `records:changed` over Socket.IO. A change is a record id at a version:
 * the REST answer names it, and so does the other member's socket event.
 */
export class ServiceEngine implements Engine {
  readonly name: string;
  readonly description: string;
  private child: Child | undefined;
  private cosmos: Child | undefined;
  private url = '';
  private pairs: BenchPair[] = [];
  private requests = 0;

  constructor(private readonly options: { profileDir?: string; cosmosDelayMs: number; stored: number }) {
    this.name = '1:1 Companion service';
    this.description = `REST write → Cosmos (durable, ETag-guarded) → Socket.IO room broadcast; the embedded Cosmos protocol server in its own process, ${options.cosmosDelayMs} ms added to every round trip`;
  }

  get pid(): number {
    return this.child?.pid ?? -1;
  }

  /** The Cosmos child's pid, so its CPU can be told apart from the service's. */
  get cosmosPid(): number {
    return this.cosmos?.pid ?? -1;
  }

  async start(pairs: number): Promise<void> {
    let cosmosReady: CosmosChildReply | undefined;
    this.cosmos = await startChild('bench Cosmos server', ['--import', 'tsx', cosmosScript], {
      cwd: repoRoot,
      ipc: true,
      env: { BENCH_COSMOS_DELAY_MS: String(this.options.cosmosDelayMs) },
      ready: async (child) => {
        cosmosReady = await ipcMessage<Extract<CosmosChildReply, { type: 'ready' }>>(child, 'ready');
      },
    });
    if (cosmosReady?.type !== 'ready') throw new Error('the bench Cosmos server did not say it was ready');
    let ready: ChildReply | undefined;
    try {
      this.child = await startChild('bench service', ['--import', 'tsx', childScript], {
        cwd: repoRoot,
        ipc: true,
        env: {
          BENCH_PAIRS: String(pairs),
          BENCH_STORED: String(this.options.stored),
          BENCH_COSMOS_ENDPOINT: cosmosReady.endpoint,
          ...(this.options.profileDir ? { BENCH_PROFILE_DIR: this.options.profileDir } : {}),
        },
        readyTimeoutMs: 120_000 + pairs * 100 + this.options.stored * 100,
        ready: async (child) => {
          ready = await ipcMessage<Extract<ChildReply, { type: 'ready' }>>(child, 'ready');
        },
      });
    } catch (error) {
      // The Cosmos child must not outlive a service that failed to start.
      await this.cosmos.stop();
      throw error;
    }
    if (ready?.type !== 'ready') throw new Error('the bench service did not say it was ready');
    this.url = ready.url.replace('localhost', '127.0.0.1');
    this.pairs = ready.pairs;
  }

  async openPair(index: number, onSeen: OnSeen): Promise<PairSession> {
    const pair = this.pairs[index];
    if (!pair) throw new Error(`only ${this.pairs.length} 1:1s were seeded`);
    const sockets = await Promise.all(([0, 1] as const).map((member) => this.connect(pair, member, onSeen)));
    const base = `${this.url}/api/series/${encodeURIComponent(pair.seriesId)}`;
    // A panel opens with its state, as the tab does (which also fills the service's series cache);
    // a 503 is retried after its Retry-After, as the tab does (opening is not measured).
    for (const token of pair.tokens) {
      for (let attempt = 1; ; attempt++) {
        const res = await fetch(`${base}/state`, { headers: { authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (res.ok) break;
        if (res.status !== 503 || attempt >= 20) throw new Error(`GET /state → ${res.status}`);
        await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('retry-after') ?? '1')));
      }
    }
    return {
      edit: async (edit, by) => {
        const record = await this.write(base, pair.tokens[by], edit);
        return `${record.id}@${record.version}`;
      },
      close: async () => {
        for (const s of sockets) s.close();
      },
    };
  }

  private async connect(pair: BenchPair, member: Member, onSeen: OnSeen): Promise<Socket> {
    const socket = io(this.url, {
      auth: { token: pair.tokens[member], protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnection: false,
    });
    socket.on(EVENTS.changed, (message: RecordsChanged) => {
      for (const record of message.records) onSeen(`${record.id}@${record.version}`, member);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    // "Briefly unavailable" (storage busy) is retried, as the tab does; opening is not measured.
    for (let attempt = 1; ; attempt++) {
      const ack = (await socket.timeout(30_000).emitWithAck(EVENTS.join, { seriesId: pair.seriesId })) as JoinAck;
      if (ack.ok) return socket;
      if (ack.error.code !== 'unavailable' || attempt >= 20) throw new Error(`join refused: ${ack.error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  private async write(base: string, token: string, edit: AgendaEdit): Promise<{ id: string; version: number }> {
    const [method, path, body] = ((): [string, string, unknown] => {
      const topic = `${base}/topics/${encodeURIComponent(edit.topicId)}`;
      switch (edit.kind) {
        case 'add':
          return ['POST', `${base}/topics`, { id: edit.topicId, text: edit.text }];
        case 'edit':
          return ['PATCH', topic, { text: edit.text }];
        case 'move':
          return ['POST', `${topic}/move`, { afterId: edit.afterId }];
        case 'discuss':
          return ['PATCH', topic, { status: 'discussed' }];
      }
    })();
    return this.call(method, path, token, body);
  }

  private async call(
    method: string,
    url: string,
    token: string,
    body?: unknown,
  ): Promise<{ id: string; version: number }> {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${new URL(url).pathname} → ${res.status} ${text.slice(0, 200)}`);
    const parsed = JSON.parse(text) as { record?: { id: string; version: number } };
    if (!parsed.record) throw new Error(`${method} ${new URL(url).pathname} answered no record`);
    return parsed.record;
  }

  /** One request to a child over IPC, answered by the reply of `replyType` with the same id. */
  private ask<R extends ChildReply | CosmosChildReply>(
    request: ParentRequest | { type: 'cosmosStats'; id: number },
    replyType: R['type'],
    to: Child = this.child!,
  ): Promise<R> {
    const child = to.process;
    return new Promise<R>((resolve) => {
      const onMessage = (message: ChildReply | CosmosChildReply) => {
        if (message.type === replyType && 'id' in message && 'id' in request && message.id === request.id) {
          child.off('message', onMessage);
          resolve(message as R);
        }
      };
      child.on('message', onMessage);
      child.send(request);
    });
  }

  async cosmosStats(): Promise<CosmosStats> {
    const reply = await this.ask<Extract<CosmosChildReply, { type: 'cosmosStats' }>>(
      { type: 'cosmosStats', id: ++this.requests },
      'cosmosStats',
      this.cosmos!,
    );
    return reply.stats;
  }

  async beginWindow(): Promise<void> {
    await this.ask({ type: 'windowStart', id: ++this.requests }, 'windowStarted');
  }

  async endWindow(): Promise<Record<string, unknown>> {
    const reply = await this.ask<Extract<ChildReply, { type: 'windowReport' }>>(
      { type: 'windowEnd', id: ++this.requests },
      'windowReport',
    );
    return { ...reply.report };
  }

  /**
   * The panel's first load as the server answers it: GET /state over a
   * sample of 1:1s, one at a time on an idle service (loopback round trip).
   */
  async coldLoad(sample: number): Promise<LatencySummary & { sample: number }> {
    const step = Math.max(1, Math.floor(this.pairs.length / sample));
    const times: number[] = [];
    for (let i = 0; i < this.pairs.length && times.length < sample; i += step) {
      const pair = this.pairs[i]!;
      const started = performance.now();
      const res = await fetch(`${this.url}/api/series/${encodeURIComponent(pair.seriesId)}/state`, {
        headers: { authorization: `Bearer ${pair.tokens[1]}` },
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`GET /state → ${res.status}`);
      times.push(performance.now() - started);
    }
    return { ...summarize(times), sample: times.length };
  }

  /** Waits until the child has made no Cosmos request for a second (the load's backlog has drained); false if it never did. */
  async settle(maxMs = 60_000): Promise<boolean> {
    const deadline = performance.now() + maxMs;
    let last = (await this.cosmosStats()).requests;
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = (await this.cosmosStats()).requests;
      if (now === last) return true;
      last = now;
    }
    return false;
  }

  /**
   * Each API operation alone, on a fresh 1:1's agenda, with the Cosmos requests it made. Three rounds on
   * different records; the fewest requests seen per operation is kept, so background work of the service
   * (the scheduler's polls) that happens to fall inside one measurement does not count.
   */
  async operationCosts(rounds = 3): Promise<OperationCost[]> {
    const pair = this.pairs[this.pairs.length - 1]!;
    const base = `${this.url}/api/series/${encodeURIComponent(pair.seriesId)}`;
    const [manager, report] = pair.tokens;
    const best = new Map<string, OperationCost>();
    for (let round = 0; round < rounds; round++) {
      const a = `cost-${round}-a`;
      const b = `cost-${round}-b`;
      const item = `cost-${round}-i`;
      const steps: [string, () => Promise<unknown>][] = [
        ['add topic', () => this.call('POST', `${base}/topics`, report, { id: a, text: 'Growth' })],
        ['add topic', () => this.call('POST', `${base}/topics`, manager, { id: b, text: 'Planning' })],
        ['edit topic text', () => this.call('PATCH', `${base}/topics/${a}`, manager, { text: 'Growth plan' })],
        ['move topic', () => this.call('POST', `${base}/topics/${b}/move`, report, { afterId: null })],
        ['mark discussed', () => this.call('PATCH', `${base}/topics/${a}`, report, { status: 'discussed' })],
        [
          'add action item',
          () =>
            this.call('POST', `${base}/action-items`, manager, {
              id: item,
              text: 'Book a course',
              ownerId: pair.userIds[1],
            }),
        ],
        ['complete action item', () => this.call('PATCH', `${base}/action-items/${item}`, report, { done: true })],
        [
          'load panel (GET /state)',
          async () => {
            const res = await fetch(`${base}/state`, { headers: { authorization: `Bearer ${report}` } });
            await res.arrayBuffer();
          },
        ],
      ];
      for (const [operation, run] of steps) {
        const before = await this.cosmosStats();
        await run();
        const after = await this.cosmosStats();
        const byCosmosOperation: Record<string, number> = {};
        for (const [op, v] of Object.entries(after.byOperation)) {
          const delta = v.requests - (before.byOperation[op]?.requests ?? 0);
          if (delta > 0) byCosmosOperation[op] = delta;
        }
        const cost = {
          operation,
          cosmosRequests: after.requests - before.requests,
          requestCharge: after.requestCharge - before.requestCharge,
          byCosmosOperation,
        };
        const kept = best.get(operation);
        if (!kept || cost.cosmosRequests < kept.cosmosRequests) best.set(operation, cost);
      }
    }
    return [...best.values()];
  }

  async stop(): Promise<void> {
    await this.child?.stop();
    await this.cosmos?.stop();
  }
}
