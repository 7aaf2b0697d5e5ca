import { ServiceEngine } from '../engines/service.js';
import { runWorkload } from '../lib/workload.js';
const e = new ServiceEngine();
await e.start(20);
(e as any).child.process.stderr.on('data', (d: Buffer) => process.stdout.write('child: ' + d));
const r = await runWorkload(e, { pairs: 20, rate: 2, durationSeconds: 15, log: console.log });
console.log(JSON.stringify(r.latencyMs));
await e.stop(); process.exit(0);
