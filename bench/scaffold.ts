// Onboarding time: from `goldenpath new service` to green (installed, tested, synthesized,
// checked), next to the npm install alone, which dominates it. Goal: at most 3 minutes.
import { execFileSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const root = resolve(__dirname, '..');
const GOAL_SECONDS = 180;

function timed(cwd: string, command: string, args: string[]): number {
  const started = Date.now();
  execFileSync(command, args, { cwd, env: { ...process.env, CHECKPOINT_DISABLE: '1' }, stdio: 'ignore' });
  return (Date.now() - started) / 1000;
}

export function benchScaffold(): boolean {
  const work = mkdtempSync(join(tmpdir(), 'goldenpath-bench-new-'));
  const tarball = join(work, execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!);
  const dir = join(work, 'ledger');
  const generate = timed(work, 'node', [join(root, 'bin/goldenpath'), 'new', 'service', 'ledger', '--team', 'payments', '--dir', dir, '--goldenpath', `file:${tarball}`]);
  // a fresh project, as a new hire has it; npm's cache is warm, as on any machine used before
  const install = timed(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
  const test = timed(dir, 'npx', ['jest']);
  const synth = timed(dir, 'npx', ['cdktf', 'synth']);
  const check = timed(dir, 'npx', ['goldenpath', 'check', 'cdktf.out', '--fail-on', 'error']);
  const total = generate + install + test + synth + check;
  const ok = total <= GOAL_SECONDS;
  console.log(`new → green: ${total.toFixed(1)} s (generate ${generate.toFixed(1)}, npm install ${install.toFixed(1)}, tests ${test.toFixed(1)}, synth ${synth.toFixed(1)}, check ${check.toFixed(1)}) | ` +
    `install alone ${install.toFixed(1)} s, ${(install / total * 100).toFixed(0)}% of it | goal ≤ ${GOAL_SECONDS} s ${ok ? 'ok' : 'MISSED'}`);
  return ok;
}
