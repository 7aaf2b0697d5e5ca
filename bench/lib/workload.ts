import type { AgendaEdit, EditKind, Engine, Member, PairSession } from '../engines/types.js';
import { cpuPercent, peakRssMiB, sampleCpu } from './procStats.js';
import { summarize, type LatencySummary } from './stats.js';

/**
 * The workload: N concurrent 1:1s, both members connected, each 1:1 making a
 * Poisson stream of agenda edits (add, edit, move, mark discussed) by either
 * member. Latency is from the moment the editing member's client issues the
 * change to the moment the OTHER member's client has received it.
 */
export interface WorkloadOptions {
  pairs: number;
  rate: number;
  durationSeconds: number;
  /**
   * Seconds of the same load before measuring: a fresh Node process answers
   * its first hundreds of requests slowly (JIT, lazy module and metadata
   * loads), which would otherwise dominate the tail of a short run.
   */
  warmupSeconds?: number;
  /** Longest wait for an edit to reach the other member before it counts as lost. */
  deliveryTimeoutMs?: number;
  /** Clients opened at once while connecting. */
  connectConcurrency?: number;
  /** Prefix of the topic ids this run adds, so runs on the same engine (rate steps) never reuse one. */
  idPrefix?: string;
  log?: (line: string) => void;
}

export interface WorkloadResult {
  engine: string;
  description: string;
  pairs: number;
  clients: number;
  rate: number;
  durationSeconds: number;
  connectSeconds: number;
  edits: { attempted: number; delivered: number; perSecond: number; byKind: Record<EditKind, number> };
  latencyMs: LatencySummary;
  latencyByKindMs: Record<EditKind, LatencySummary>;
  /** Writes that failed (HTTP error, exception). */
  errors: number;
  /** Writes that succeeded but never reached the other member within the timeout. */
  lost: number;
  errorSamples: string[];
  server: {
    pid: number;
    cpuPercent: number;
    /** Server CPU time per edit made in the window (user + system), ms. */
    cpuMsPerEdit: number;
    peakRssMiB: number;
    window: Record<string, unknown>;
  };
  /** The load generator itself: when it nears 100 % of a core, latencies include its own queueing. */
  generatorCpuPercent: number;
}

interface Pending {
  startedAt: number;
  by: Member;
  kind: EditKind;
}

/** What the driver knows of one 1:1's agenda, to choose the next edit. Changed only by edits that succeeded. */
class AgendaModel {
  private topics: { id: string; discussed: boolean }[] = [];
  private next = 0;
  constructor(
    private readonly pair: number,
    private readonly prefix = '',
  ) {}

  choose(random: () => number): AgendaEdit {
    const open = this.topics.filter((t) => !t.discussed);
    const roll = random();
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
    if (this.topics.length === 0 || (roll < 0.3 && this.topics.length < 12)) {
      const id = `${this.prefix}p${this.pair}-t${this.next++}`;
      return { kind: 'add', topicId: id, text: `Topic ${this.next} of 1:1 ${this.pair}` };
    }
    if (roll < 0.6)
      return { kind: 'edit', topicId: pick(this.topics).id, text: `Edited ${Math.floor(random() * 1e6)}` };
    if (roll < 0.85 || open.length === 0) {
      const topic = pick(this.topics);
      const others = this.topics.filter((t) => t !== topic);
      const after = random() < 0.3 || others.length === 0 ? null : pick(others).id;
      return { kind: 'move', topicId: topic.id, afterId: after };
    }
    return { kind: 'discuss', topicId: pick(open).id };
  }

  applied(edit: AgendaEdit): void {
    if (edit.kind === 'add') this.topics.push({ id: edit.topicId, discussed: false });
    if (edit.kind === 'discuss') this.topics.find((t) => t.id === edit.topicId)!.discussed = true;
    if (edit.kind === 'move') {
      const topic = this.topics.find((t) => t.id === edit.topicId)!;
      this.topics = this.topics.filter((t) => t !== topic);
      const at = edit.afterId === null ? 0 : this.topics.findIndex((t) => t.id === edit.afterId) + 1;
      this.topics.splice(at, 0, topic);
    }
  }
}

/** A small seeded generator, so two runs make the same edits in the same order. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: EditKind[] = ['add', 'edit', 'move', 'discuss'];

async function inBatches<T>(count: number, size: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    const batch = await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => open(start + k)));
    out.push(...batch);
  }
  return out;
}

export async function runWorkload(engine: Engine, options: WorkloadOptions): Promise<WorkloadResult> {
  const log = options.log ?? (() => {});
  const timeoutMs = options.deliveryTimeoutMs ?? 10_000;
  const pending = new Map<string, Pending>();
  /** Receptions that arrived before the write's acknowledgement named its key. */
  const early = new Map<string, [number | undefined, number | undefined]>();
  const latencies: number[] = [];
  const byKind: Record<EditKind, number[]> = { add: [], edit: [], move: [], discuss: [] };
  const attemptedByKind: Record<EditKind, number> = { add: 0, edit: 0, move: 0, discuss: 0 };
  const errorSamples: string[] = [];
  let errors = 0;
  let attempted = 0;
  let measuring = false;

  const record = (p: Pending, seenAt: number) => {
    if (!measuring) return;
    const ms = seenAt - p.startedAt;
    latencies.push(ms);
    byKind[p.kind].push(ms);
  };

  const onSeen = (key: string, receiver: Member) => {
    const at = performance.now();
    const p = pending.get(key);
    if (p) {
      if (p.by !== receiver) {
        pending.delete(key);
        record(p, at);
      }
      return;
    }
    const slot = early.get(key) ?? [undefined, undefined];
    slot[receiver] ??= at;
    early.set(key, slot);
  };

  const connectStart = performance.now();
  log(`  ${engine.name}: opening ${options.pairs} 1:1s (${options.pairs * 2} clients)…`);
  const sessions: PairSession[] = await inBatches(options.pairs, options.connectConcurrency ?? 25, (i) =>
    engine.openPair(i, onSeen),
  );
  const connectSeconds = (performance.now() - connectStart) / 1000;
  log(
    `  ${engine.name}: connected in ${connectSeconds.toFixed(1)} s; edits at ${options.rate}/s per 1:1: ${options.warmupSeconds ?? 10} s warm-up, then ${options.durationSeconds} s measured…`,
  );

  const warmupMs = (options.warmupSeconds ?? 10) * 1000;
  const loopsStart = performance.now();
  const endAt = loopsStart + warmupMs + options.durationSeconds * 1000;
  let cpuFrom = sampleCpu(engine.pid);
  let genFrom = process.cpuUsage();
  let wallFrom = performance.now();
  const windowStarted = (async () => {
    await new Promise((r) => setTimeout(r, warmupMs));
    await engine.beginWindow?.();
    // Only edits started from here are counted.
    measuring = true;
    cpuFrom = sampleCpu(engine.pid);
    genFrom = process.cpuUsage();
    wallFrom = performance.now();
  })();

  const loops = sessions.map(async (session, pair) => {
    const random = mulberry32(pair + 1);
    const model = new AgendaModel(pair, options.idPrefix);
    let seq = 0;
    // Spread the first edits over one mean interval so the 1:1s do not start in lockstep.
    let wait = random() * (1000 / options.rate);
    while (performance.now() + wait < endAt) {
      await new Promise((r) => setTimeout(r, wait));
      const edit = model.choose(random);
      const by: Member = random() < 0.5 ? 0 : 1;
      const tag = `${options.idPrefix ?? ''}${pair}:${seq++}`;
      const startedAt = performance.now();
      const counted = measuring;
      if (counted) {
        attempted++;
        attemptedByKind[edit.kind]++;
      }
      // Edits of one 1:1 are sequential, as a person's are: the next waits for this write's answer.
      try {
        const key = await session.edit(edit, by, tag);
        model.applied(edit);
        const slot = early.get(key);
        const seenByOther = slot?.[by === 0 ? 1 : 0];
        early.delete(key);
        if (!counted) {
          // Warm-up edits are not measured; their receptions must not wait in `pending`.
        } else if (seenByOther !== undefined) record({ startedAt, by, kind: edit.kind }, seenByOther);
        else pending.set(key, { startedAt, by, kind: edit.kind });
      } catch (error) {
        if (counted) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${edit.kind}: ${(error as Error).message}`);
        }
      }
      wait = -Math.log(1 - random()) * (1000 / options.rate);
    }
  });
  await Promise.all(loops);
  await windowStarted;
  const wallTo = performance.now();
  const cpuTo = sampleCpu(engine.pid);
  const genUsage = process.cpuUsage(genFrom);
  const serverWindow = (await engine.endWindow?.()) ?? {};

  // Let the last edits arrive, bounded.
  const drainUntil = performance.now() + timeoutMs;
  while (pending.size > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
  measuring = false;
  const lost = pending.size;
  const peak = peakRssMiB(engine.pid);

  await inBatches(sessions.length, 100, (i) => sessions[i]!.close().catch(() => {}));

  const seconds = (wallTo - wallFrom) / 1000;
  const latencyByKindMs = Object.fromEntries(KINDS.map((k) => [k, summarize(byKind[k])])) as Record<
    EditKind,
    LatencySummary
  >;
  return {
    engine: engine.name,
    description: engine.description,
    pairs: options.pairs,
    clients: options.pairs * 2,
    rate: options.rate,
    durationSeconds: options.durationSeconds,
    connectSeconds,
    edits: { attempted, delivered: latencies.length, perSecond: latencies.length / seconds, byKind: attemptedByKind },
    latencyMs: summarize(latencies),
    latencyByKindMs,
    errors,
    lost,
    errorSamples,
    server: {
      pid: engine.pid,
      cpuPercent: cpuPercent(cpuFrom, cpuTo),
      cpuMsPerEdit: attempted > 0 ? ((cpuTo.cpuSeconds - cpuFrom.cpuSeconds) * 1000) / attempted : Number.NaN,
      peakRssMiB: peak,
      window: serverWindow,
    },
    generatorCpuPercent: ((genUsage.user + genUsage.system) / 1000 / (wallTo - wallFrom)) * 100,
  };
}
