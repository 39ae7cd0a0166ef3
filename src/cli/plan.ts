import { readCdktfOut } from '../core/cdktf-out';
import { InputError } from '../core/errors';
import { checkOutputFile, readJsonFile, writeFileAtomic } from '../core/files';
import { diffCdktfOut } from '../plan/config-diff';
import { compareDigests, digestOf, mergeReports, parseDigest } from '../plan/digest';
import { enrich } from '../plan/enrich';
import { PlanReport, StackChanges } from '../plan/model';
import { readPlanFile } from '../plan/plan-reader';
import { renderPlanMarkdown } from '../plan/render-markdown';
import { renderPlanText } from '../plan/render-text';

export interface PlanOptions {
  readonly base?: string;
  readonly head?: string;
  readonly cdktfOut?: string;
  readonly baseCdktfOut?: string;
  readonly format: 'markdown' | 'text' | 'json';
  readonly maxChars: string;
  readonly output?: string;
  /** Reports written by `--format json`, rendered together. */
  readonly fromJson?: string[];
  readonly digestOut?: string;
  readonly verify?: string;
}

/** Build the review from plan files, or from two cdktf.out trees, and render it. */
export function runPlan(plans: string[], options: PlanOptions): { output: string; report: PlanReport } {
  if ((options.base === undefined) !== (options.head === undefined)) throw new InputError('--base and --head go together');
  if (options.base && plans.length) throw new InputError('give plan files or --base/--head, not both');
  if (!options.base && !plans.length && !options.fromJson?.length) throw new InputError('give one or more plan files (terraform show -json), --from-json reports, or --base DIR --head DIR');
  const maxChars = Number(options.maxChars);
  if (!Number.isInteger(maxChars) || maxChars < 2_000) throw new InputError(`--max-chars must be a whole number of at least 2000, got ${JSON.stringify(options.maxChars)}`);
  let stacks: StackChanges[];
  if (options.fromJson?.length) {
    stacks = mergeReports(options.fromJson.map((f) => ({ report: readJsonFile(f, 'a plan report written by --format json'), source: f })));
  } else if (options.base) {
    const diff = diffCdktfOut(options.base, options.head!);
    stacks = enrich(diff.stacks, diff.head, diff.base);
  } else {
    stacks = plans.map(readPlanFile);
    const names = new Set<string>();
    for (const s of stacks) {
      if (names.has(s.stack)) throw new InputError(`two plan files for stack ${s.stack}: name them with stack=path`);
      names.add(s.stack);
    }
    const read = (dir?: string) => (dir ? readCdktfOut(dir) : []);
    if (options.cdktfOut || options.baseCdktfOut) stacks = enrich(stacks, read(options.cdktfOut), read(options.baseCdktfOut));
  }
  const report: PlanReport = { stacks };
  const output = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
    : options.format === 'text' ? renderPlanText(report) : renderPlanMarkdown(report, maxChars);
  return { output, report };
}

/** What `goldenpath plan` does once its flags are read. */
export function planAction(plans: string[], options: PlanOptions): void {
  if (options.output) checkOutputFile(options.output, '--output');
  if (options.digestOut) checkOutputFile(options.digestOut, '--digest-out');
  const { output, report } = runPlan(plans, options);
  if (options.digestOut) writeFileAtomic(options.digestOut, `${JSON.stringify(digestOf(report), null, 2)}\n`);
  if (options.verify) {
    const differences = compareDigests(parseDigest(readJsonFile(options.verify, 'a change-set digest written by --digest-out'), options.verify), digestOf(report));
    if (differences.length) {
      process.stderr.write(`goldenpath plan: the plan differs from the reviewed one; nothing may be applied:\n${differences.map((d) => `  ${d}\n`).join('')}`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write('goldenpath plan: the plan matches the reviewed change set\n');
  }
  for (const s of report.stacks) for (const w of s.warnings ?? []) process.stderr.write(`goldenpath plan: warning: ${s.stack}: ${w}\n`);
  if (options.output) writeFileAtomic(options.output, output);
  else process.stdout.write(output);
}
