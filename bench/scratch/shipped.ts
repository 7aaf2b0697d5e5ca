import { ServiceEngine } from '../engines/service.js';
import { runWorkload } from '../lib/workload.js';
const e = new ServiceEngine({ partitionIndex: process.argv[2] === 'idx' });
await e.start(100);
const r = await runWorkload(e, { pairs: 100, rate: 0.2, durationSeconds: 15, warmupSeconds: 5, log: console.log });
console.log(JSON.stringify(r.latencyMs), r.edits.perSecond, JSON.stringify(r.server));
console.log(JSON.stringify(await e.cosmosStats()));
console.log((e as any).child.tail().slice(-1500));
await e.stop(); process.exit(0);
