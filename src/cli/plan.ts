import { writeFileSync } from 'fs';
import { Command, Option } from 'commander';
import { readCdktfOut } from '../core/cdktf-out';
import { InputError } from '../core/errors';
import { diffCdktfOut } from '../plan/config-diff';
import { enrich } from '../plan/enrich';
import { PlanReport, StackChanges } from '../plan/model';
import { readPlanFile } from '../plan/plan-reader';
import { GITHUB_COMMENT_LIMIT, renderPlanMarkdown } from '../plan/render-markdown';
import { renderPlanText } from '../plan/render-text';

export interface PlanOptions {
  readonly base?: string;
  readonly head?: string;
  readonly cdktfOut?: string;
  readonly format: 'markdown' | 'text' | 'json';
  readonly maxChars: string;
  readonly output?: string;
}

/** Build the review from plan files, or from two cdktf.out trees, and render it. */
export function runPlan(plans: string[], options: PlanOptions): { output: string; report: PlanReport } {
  if ((options.base === undefined) !== (options.head === undefined)) throw new InputError('--base and --head go together');
  if (options.base && plans.length) throw new InputError('give plan files or --base/--head, not both');
  if (!options.base && !plans.length) throw new InputError('give one or more plan files (terraform show -json), or --base DIR --head DIR');
  const maxChars = Number(options.maxChars);
  if (!Number.isInteger(maxChars) || maxChars < 2_000) throw new InputError(`--max-chars must be a whole number of at least 2000, got ${JSON.stringify(options.maxChars)}`);
  let stacks: StackChanges[];
  if (options.base) {
    const diff = diffCdktfOut(options.base, options.head!);
    stacks = enrich(diff.stacks, diff.head);
  } else {
    stacks = plans.map(readPlanFile);
    const names = new Set<string>();
    for (const s of stacks) {
      if (names.has(s.stack)) throw new InputError(`two plan files for stack ${s.stack}: name them with stack=path`);
      names.add(s.stack);
    }
    if (options.cdktfOut) stacks = enrich(stacks, readCdktfOut(options.cdktfOut));
  }
  const report: PlanReport = { stacks };
  const output = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
    : options.format === 'text' ? renderPlanText(report) : renderPlanMarkdown(report, maxChars);
  return { output, report };
}

export function registerPlan(program: Command): void {
  program.command('plan')
    .description('review terraform plans (terraform show -json) or two cdktf.out trees as a report for pull requests')
    .argument('[plans...]', 'plan JSON files; name the stack with stack=path, or it is taken from the path')
    .option('--base <dir>', 'cdktf.out of the base branch (offline review, no terraform needed)')
    .option('--head <dir>', 'cdktf.out of the pull request')
    .option('--cdktf-out <dir>', 'cdktf.out the plans were made from: adds owners, construct paths and guardrail findings')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['markdown', 'text', 'json']).default('markdown'))
    .option('--max-chars <n>', 'longest Markdown report (GitHub rejects longer comments)', String(GITHUB_COMMENT_LIMIT))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action((plans: string[], options: PlanOptions) => {
      const { output } = runPlan(plans, options);
      if (options.output) writeFileSync(options.output, output);
      else process.stdout.write(output);
    });
}
