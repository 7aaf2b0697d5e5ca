import { parseArgs } from 'node:util';

export const PEERS = ['yjs', 'fluid'] as const;
export type Peer = (typeof PEERS)[number];

export interface BenchOptions {
  /** Concurrent 1:1s; each has two connected members. */
  series: number;
  /** Offered load steps, in agenda edits per second per 1:1, run one after the other on the same engine. */
  rates: number[];
  /** Seconds measured per step. */
  duration: number;
  /** Seconds of the same load before each step is measured. */
  warmup: number;
  peers: Peer[];
  /** Per-peer cap on concurrent 1:1s, for engines that cannot hold `series` on this machine. */
  peerSeries: Partial<Record<Peer, number>>;
  /** Milliseconds the Cosmos child adds to every round trip (a same-region Azure figure by default). */
  cosmosDelayMs: number;
  /** 1:1s stored in all (the active ones and idle ones), for the panel-load target. */
  stored: number;
  /** Write a V8 CPU profile of the service child (of each step's window). */
  profile: boolean;
  /** Skip our service (peers only), mostly for working on the harness. */
  skipService: boolean;
  outDir: string;
}

export const DEFAULT_RATES = [0.2, 0.5, 1, 2];

const USAGE = `npm run bench -- [--series N] [--rates R,R,…] [--duration S] [--warmup S] [--peers yjs,fluid|none]
                     [--yjs-series N] [--fluid-series N] [--cosmos-delay 0|3|10] [--stored N]
                     [--profile] [--skip-service]
  --series N        concurrent 1:1s (two socket clients each), default 1000
  --rates LIST      offered load steps in edits/s per 1:1, default ${DEFAULT_RATES.join(',')}
  --duration S      seconds measured per step, default 20
  --warmup S        seconds of the same load before each step, default 5
  --peers LIST      reference engines run on the same steps, default yjs (fluid: opt-in, see docs/bench.md)
  --yjs-series N    cap for Yjs (default: --series)
  --fluid-series N  cap for Fluid/tinylicious (default: min(--series, 100))
  --cosmos-delay MS round trip added by the Cosmos child to every request, default 3 (same-region Azure)
  --stored N        1:1s stored in all, idle ones beside the active ones (panel-load target), default 10000
  --profile         write a V8 CPU profile of the service and print its hot spots`;

function positive(name: string, raw: string | undefined, fallback: number, allowZero = false): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0))
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got "${raw}"\n${USAGE}`);
  return value;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      series: { type: 'string' },
      rates: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      peers: { type: 'string' },
      'yjs-series': { type: 'string' },
      'fluid-series': { type: 'string' },
      'cosmos-delay': { type: 'string' },
      stored: { type: 'string' },
      profile: { type: 'boolean', default: false },
      'skip-service': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const series = Math.round(positive('series', values.series, 1000));
  const peersRaw = values.peers ?? 'yjs';
  const peers = peersRaw === 'none' ? [] : peersRaw.split(',').map((p) => p.trim());
  for (const p of peers) {
    if (!(PEERS as readonly string[]).includes(p)) throw new Error(`unknown peer "${p}"\n${USAGE}`);
  }
  const ratesRaw = values.rates ?? values.rate;
  const rates = ratesRaw ? ratesRaw.split(',').map((r) => positive('rates', r.trim(), 0)) : DEFAULT_RATES;
  return {
    series,
    rates: [...rates].sort((a, b) => a - b),
    duration: positive('duration', values.duration, 20),
    warmup: positive('warmup', values.warmup, 5, true),
    peers: peers as Peer[],
    peerSeries: {
      yjs: Math.round(positive('yjs-series', values['yjs-series'], series)),
      fluid: Math.round(positive('fluid-series', values['fluid-series'], Math.min(series, 100))),
    },
    cosmosDelayMs: positive('cosmos-delay', values['cosmos-delay'], 3, true),
    stored: Math.max(series, Math.round(positive('stored', values.stored, 10_000, true))),
    profile: values.profile,
    skipService: values['skip-service'],
    outDir: values.out ?? new URL('../results/', import.meta.url).pathname,
  };
}
