import { readFileSync, readdirSync } from 'node:fs';
const dir = '/tmp/one-on-one-bench-profiles/';
const f = dir + readdirSync(dir).sort().at(-1);
const p = JSON.parse(readFileSync(f, 'utf8'));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
p.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + p.timeDeltas[i]));
const target = process.argv[2] ?? 'dispatch';
const chains = new Map<string, number>();
for (const [id, us] of self) {
  const n: any = byId.get(id);
  if (n.callFrame.functionName !== target) continue;
  const chain: string[] = [];
  let cur = parent.get(id);
  while (cur !== undefined && chain.length < 6) { const c: any = byId.get(cur); chain.push(`${c.callFrame.functionName || '(anon)'}@${c.callFrame.url.split('/').slice(-2).join('/')}:${c.callFrame.lineNumber+1}`); cur = parent.get(cur); }
  const k = chain.join(' < ');
  chains.set(k, (chains.get(k) ?? 0) + us / 1000);
}
for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(v.toFixed(0), 'ms', k);
