import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** A V8 .cpuprofile as written by `node --cpu-prof`. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface HotSpot {
  function: string;
  /** file:line, relative to the repository; "(native)" for V8 and Node internals */
  where: string;
  /** the package, or "app" for our own code */
  module: string;
  selfMs: number;
  selfPercent: number;
}

export interface ProfileSummary {
  totalMs: number;
  idlePercent: number;
  top: HotSpot[];
  /** Self time per package (our code, socket.io, @azure/cosmos, the Cosmos protocol server…), busiest first. */
  byModule: { module: string; selfMs: number; selfPercent: number }[];
}

function moduleOf(url: string): string {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  return 'app';
}

/** Self time per function: the time a sample landed in the function itself, not in what it called. */
export function summarizeProfile(path: string, root: string, topN = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // The profiler's own start-up call (inspector `post`) is not the service's work: drop its subtree.
  const excluded = new Set<number>();
  const exclude = (id: number) => {
    excluded.add(id);
    for (const child of byId.get(id)?.children ?? []) exclude(child);
  };
  for (const node of profile.nodes) if (node.callFrame.url === 'node:inspector') exclude(node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (!excluded.has(id)) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = profile.endTime - profile.startTime;

  const perFunction = new Map<string, HotSpot>();
  const perModule = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)' || name === '(root)') {
      if (name === '(idle)') idleUs += us;
      continue;
    }
    const file = frame.url.replace(/^file:\/\//, '');
    const where = file ? `${relative(root, file)}:${frame.lineNumber + 1}` : '(native)';
    const key = `${name}@${where}`;
    const module = name === '(garbage collector)' ? '(gc)' : moduleOf(file);
    const spot = perFunction.get(key) ?? { function: name, where, module, selfMs: 0, selfPercent: 0 };
    spot.selfMs += us / 1000;
    perFunction.set(key, spot);
    perModule.set(module, (perModule.get(module) ?? 0) + us / 1000);
  }
  const busyMs = (totalUs - idleUs) / 1000;
  const top = [...perFunction.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, topN)
    .map((s) => ({ ...s, selfPercent: (s.selfMs / busyMs) * 100 }));
  const byModule = [...perModule.entries()]
    .map(([module, selfMs]) => ({ module, selfMs, selfPercent: (selfMs / busyMs) * 100 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 12);
  return { totalMs: totalUs / 1000, idlePercent: (idleUs / totalUs) * 100, top, byModule };
}
