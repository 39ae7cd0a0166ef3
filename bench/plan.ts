import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { median, verdict } from './measure';
import { readPlanFile } from '../src/plan/plan-reader';
import { GITHUB_COMMENT_LIMIT, renderPlanMarkdown } from '../src/plan/render-markdown';

/** A `terraform show -json`-shaped plan with `n` changes: creates, updates, replaces and deletes. */
function generatePlan(n: number): object {
  const actions = [['create'], ['update'], ['delete', 'create'], ['delete']];
  return {
    format_version: '1.2',
    terraform_version: '1.9.0',
    resource_changes: Array.from({ length: n }, (_, i) => {
      const a = actions[i % 4];
      const before = a[0] === 'create' ? null : { name: `q${i}`, visibility_timeout_seconds: 30, tags: { team: 'payments', n: String(i) }, policy: '{"Statement":[]}' };
      const after = a.length === 1 && a[0] === 'delete' ? null : { name: `q${i}`, visibility_timeout_seconds: 60, tags: { team: 'payments', n: String(i) }, policy: '{"Statement":[{}]}' };
      return {
        address: `aws_sqs_queue.q${i}`,
        mode: 'managed',
        type: 'aws_sqs_queue',
        name: `q${i}`,
        change: { actions: a, before, after, after_unknown: after ? { arn: true, id: true } : false, before_sensitive: {}, after_sensitive: {} },
        ...(a.length === 2 ? { action_reason: 'replace_because_cannot_update' } : {}),
      };
    }),
  };
}

const CLI = join(__dirname, '..', 'bin', 'goldenpath');
const BUILT = join(__dirname, '..', 'lib', 'src', 'cli', 'main.js');

/** Milliseconds a fresh node process takes to run `args`, output discarded. */
function processMs(args: string[]): number {
  const t = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * As a user runs it: `goldenpath plan plan.json` as a process against a bare
 * `node -e "JSON.parse(...)"` of the same file, interleaved; the compiled CLI (lib/) is timed.
 */
function benchPlanProcess(file: string, changes: number, runs: number): boolean {
  if (!existsSync(BUILT)) {
    console.log('plan (process): lib/ is not built; run `npx projen compile` first');
    return false;
  }
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(processMs(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]));
    cli.push(processMs([CLI, 'plan', `bench=${file}`]));
  }
  const [c, b] = [median(cli), median(bare)];
  const ratio = c / b;
  console.log(`plan (process): ${changes} changes → goldenpath plan ${c.toFixed(0)} ms | node -e JSON.parse of the same file ${b.toFixed(0)} ms | ratio ${ratio.toFixed(2)} (target <= 2: ${verdict(ratio <= 2)}) | median of ${runs}`);
  return ratio <= 2;
}

export function benchPlan(changes = 10_001, runs = 5): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'gp-bench-plan-'));
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(generatePlan(changes)));
  try {
    const reports: number[] = [];
    const parses: number[] = [];
    let length = 0;
    for (let i = 0; i < runs; i++) {
      let t = process.hrtime.bigint();
      JSON.parse(readFileSync(file, 'utf8'));
      parses.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      length = renderPlanMarkdown({ stacks: [readPlanFile(`bench=${file}`)] }).length;
      reports.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const report = median(reports);
    const parse = median(parses);
    const ok = report <= 1000 && length <= GITHUB_COMMENT_LIMIT;
    console.log(`plan: ${changes} changes → Markdown ${report.toFixed(0)} ms, ${length} characters | JSON.parse of the plan ${parse.toFixed(0)} ms (ratio ${(report / parse).toFixed(2)}) | median of ${runs}`);
    console.log(`  time ${report.toFixed(0)} ms (target <= 1000: ${verdict(report <= 1000)}); length ${length} (limit ${GITHUB_COMMENT_LIMIT}: ${verdict(length <= GITHUB_COMMENT_LIMIT)})`);
    const processOk = benchPlanProcess(file, changes, runs);
    return ok && processOk;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
