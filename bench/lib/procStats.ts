import { readFileSync } from 'node:fs';

/**
 * CPU and memory of another process read from /proc, so every engine's
 * server (ours, y-websocket, tinylicious) is measured the same way from the
 * outside, whatever it runs.
 */
const CLOCK_TICKS_PER_SECOND = 100; // `getconf CLK_TCK` on Linux x86-64 and arm64

export interface CpuSample {
  /** user + system CPU time in seconds */
  cpuSeconds: number;
  atMs: number;
}

export function sampleCpu(pid: number): CpuSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after it start past the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return { cpuSeconds: (utime + stime) / CLOCK_TICKS_PER_SECOND, atMs: performance.now() };
}

/** Share of one core used between two samples, in percent (200 % = both cores of this machine). */
export function cpuPercent(from: CpuSample, to: CpuSample): number {
  const wallSeconds = (to.atMs - from.atMs) / 1000;
  return wallSeconds > 0 ? ((to.cpuSeconds - from.cpuSeconds) / wallSeconds) * 100 : Number.NaN;
}

function statusField(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Peak resident set size of the process so far, in MiB. */
export function peakRssMiB(pid: number): number {
  return statusField(pid, 'VmHWM');
}

export function rssMiB(pid: number): number {
  return statusField(pid, 'VmRSS');
}
