import { ServiceEngine } from '../engines/service.js';
const e = new ServiceEngine();
await e.start(20);
const seen = new Map<string, number>();
const sessions = await Promise.all(Array.from({length: 20}, (_, i) => e.openPair(i, (k, m) => { if (!seen.has(k+m)) seen.set(k + m, performance.now()); })));
const rows: {rest:number, push:number}[] = [];
const end = performance.now() + 10000;
await Promise.all(sessions.map(async (s, p) => {
  let n = 0;
  while (performance.now() < end) {
    await new Promise(r => setTimeout(r, Math.random()*1000));
    const t0 = performance.now();
    const key = await s.edit({ kind: 'add', topicId: `d${p}-${n++}`, text: 'x' }, 0, '');
    const t1 = performance.now();
    await new Promise(r => setTimeout(r, 1500));
    rows.push({ rest: t1 - t0, push: (seen.get(key + '1') ?? NaN) - t0 });
  }
}));
const pct = (a: number[], p: number) => a.sort((x, y) => x - y)[Math.floor(a.length * p)];
console.log(rows.length, 'rest p50/p95/p99', pct(rows.map(r=>r.rest), .5), pct(rows.map(r=>r.rest), .95), pct(rows.map(r=>r.rest), .99));
console.log('push p50/p95/p99', pct(rows.map(r=>r.push), .5), pct(rows.map(r=>r.push), .95), pct(rows.map(r=>r.push), .99));
console.log(rows.slice(0, 40).map(r => `${r.rest.toFixed(0)}/${r.push.toFixed(0)}`).join(' '));
await e.stop(); process.exit(0);
