import { parseArgs } from 'node:util';

export const PEERS = ['yjs', 'fluid'] as const;
export type Peer = (typeof PEERS)[number];

export interface BenchOptions {
  /** Concurrent 1:1s; each has two connected members. */
  series: number;
  /** Agenda edits per second per 1:1 (a person edits every few seconds at most). */
  rate: number;
  /** Seconds of steady load per engine. */
  duration: number;
  peers: Peer[];
  /** Per-peer cap on concurrent 1:1s, for engines that cannot hold `series` on this machine. */
  peerSeries: Partial<Record<Peer, number>>;
  /** Write a V8 CPU profile of the service child. */
  profile: boolean;
  /** Which embedded-Cosmos set-ups the service runs on (see engines/partitionIndex.ts). */
  cosmos: ('as-shipped' | 'partition-index')[];
  /** Skip our service (peers only), mostly for working on the harness. */
  skipService: boolean;
  outDir: string;
}

const USAGE = `npm run bench -- [--series N] [--rate R] [--duration S] [--peers yjs,fluid|none]
                     [--yjs-series N] [--fluid-series N] [--cosmos both|as-shipped|partition-index]
                     [--profile] [--skip-service]
  --series N        concurrent 1:1s (two socket clients each), default 1000
  --rate R          agenda edits per second per 1:1, default 0.2
  --duration S      seconds of steady load per engine, default 30
  --peers LIST      reference engines run on the same workload, default yjs,fluid
  --yjs-series N    cap for Yjs (default: --series)
  --fluid-series N  cap for Fluid/tinylicious (default: min(--series, 100); see docs/bench.md)
  --cosmos WHICH    the service on the embedded Cosmos protocol server as shipped (every query scans the
                    whole container), with queries served from their partition only (as Azure Cosmos DB
                    does), or both (default)
  --profile         write a V8 CPU profile of the service and print its hot spots`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`--${name} must be a positive number, got "${raw}"\n${USAGE}`);
  return value;
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      series: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      peers: { type: 'string' },
      'yjs-series': { type: 'string' },
      'fluid-series': { type: 'string' },
      cosmos: { type: 'string' },
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
  const peersRaw = values.peers ?? 'yjs,fluid';
  const peers = peersRaw === 'none' ? [] : peersRaw.split(',').map((p) => p.trim());
  for (const p of peers) {
    if (!(PEERS as readonly string[]).includes(p)) throw new Error(`unknown peer "${p}"\n${USAGE}`);
  }
  const cosmosRaw = values.cosmos ?? 'both';
  if (!['both', 'as-shipped', 'partition-index'].includes(cosmosRaw))
    throw new Error(`unknown --cosmos "${cosmosRaw}"\n${USAGE}`);
  const cosmos =
    cosmosRaw === 'both'
      ? (['as-shipped', 'partition-index'] as const)
      : [cosmosRaw as 'as-shipped' | 'partition-index'];
  return {
    series,
    cosmos: [...cosmos],
    rate: positive('rate', values.rate, 0.2),
    duration: positive('duration', values.duration, 30),
    peers: peers as Peer[],
    peerSeries: {
      yjs: Math.round(positive('yjs-series', values['yjs-series'], series)),
      fluid: Math.round(positive('fluid-series', values['fluid-series'], Math.min(series, 100))),
    },
    profile: values.profile,
    skipService: values['skip-service'],
    outDir: values.out ?? new URL('../results/', import.meta.url).pathname,
  };
}
