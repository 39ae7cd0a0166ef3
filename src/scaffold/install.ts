import { spawn } from 'child_process';
import { createSpinner } from 'nanospinner';

/** One long step: its name, how long it took, and its output when it failed. */
export interface StepResult {
  readonly step: string;
  readonly ms: number;
  readonly ok: boolean;
  readonly output: string;
}

/** Run a command in `cwd`, with a spinner in a terminal and one line per step elsewhere. */
export function runStep(step: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<StepResult> {
  const interactive = Boolean(process.stderr.isTTY);
  const spinner = interactive ? createSpinner(`${step}…`, { stream: process.stderr }).start() : undefined;
  if (!interactive) process.stderr.write(`${step}…\n`);
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const finish = (ok: boolean) => {
      const ms = Date.now() - started;
      const line = `${step} ${ok ? 'done' : 'failed'} in ${(ms / 1000).toFixed(1)} s`;
      if (spinner) {
        if (ok) spinner.success({ text: line });
        else spinner.error({ text: line });
      } else {
        process.stderr.write(`${line}\n`);
      }
      done({ step, ms, ok, output });
    };
    child.on('error', (err) => { output += String(err); finish(false); });
    child.on('close', (code) => finish(code === 0));
  });
}

/** `--install`: npm install, then the first synth; stops at the first failure. */
export async function installAndSynth(dir: string): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const [step, command, args] of [
    ['installing dependencies (npm install)', 'npm', ['install', '--no-audit', '--no-fund']],
    ['first synth (cdktf synth)', 'npx', ['cdktf', 'synth']],
  ] as Array<[string, string, string[]]>) {
    const result = await runStep(step, command, args, dir);
    results.push(result);
    if (!result.ok) break;
  }
  return results;
}
