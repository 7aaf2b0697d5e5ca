import { YjsEngine } from '../engines/yjs.js';
import { FluidEngine } from '../engines/fluid.js';
import { runWorkload } from '../lib/workload.js';
for (const e of [new YjsEngine(), new FluidEngine()]) {
  await e.start(10);
  const r = await runWorkload(e, { pairs: 10, rate: 2, durationSeconds: 5, log: console.log });
  console.log(JSON.stringify({ ...r, latencyByKindMs: undefined }, null, 0));
  await e.stop();
}
process.exit(0);
