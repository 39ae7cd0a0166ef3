import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { median, verdict } from './measure';

const root = join(__dirname, '..');

function child(...args: string[]): { ms: number; resources: number } {
  const out = execFileSync(process.execPath, [join(__dirname, 'service-child.js'), ...args],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Synth of 100 and 1,000 services (each with a queue), and of the same JSON from plain resources. */
export function benchService(runs = 5): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'gp-bench-service-'));
  try {
    const json = join(dir, 'ours.json');
    const small: number[] = [];
    const big: number[] = [];
    const floor: number[] = [];
    let resources = 0;
    for (let i = 0; i < runs; i++) {
      small.push(child('ours', '100').ms);
      const r = child('ours', '1000', json);
      big.push(r.ms);
      resources = r.resources;
      floor.push(child('floor', json).ms);
    }
    const [s, b, f] = [median(small), median(big), median(floor)];
    const scaling = b / s;
    const overhead = b / f;
    console.log(`service: synth of 100 services ${s.toFixed(0)} ms, 1,000 services (${resources} resources) ${b.toFixed(0)} ms | identical JSON from plain TerraformResources ${f.toFixed(0)} ms | median of ${runs}`);
    console.log(`  1,000 / 100 = ${scaling.toFixed(2)} (target <= 11: ${verdict(scaling <= 11)}); ours / floor = ${overhead.toFixed(2)} (target <= 1.25: ${verdict(overhead <= 1.25)})`);
    return scaling <= 11 && overhead <= 1.25;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
