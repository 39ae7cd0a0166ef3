import { execFileSync } from 'child_process';

/** Median of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Sample {
  readonly ms: number;
  readonly rssMb: number;
}

/**
 * Run a snippet in a fresh node process; it must print JSON `{ms, rssMb}`. A fresh process
 * per run keeps module caches from one measurement out of the next.
 */
export function runFresh(script: string, cwd: string): Sample {
  const out = execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Interleave A and B runs so drift on the machine hits both alike; medians of each. */
export function compare(runs: number, a: () => Sample, b: () => Sample): { a: Sample; b: Sample } {
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return {
    a: { ms: median(as.map((s) => s.ms)), rssMb: median(as.map((s) => s.rssMb)) },
    b: { ms: median(bs.map((s) => s.ms)), rssMb: median(bs.map((s) => s.rssMb)) },
  };
}

export function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED';
}
