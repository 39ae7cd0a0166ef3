import { Command, Option } from 'commander';
import { readCdktfOut } from '../core/cdktf-out';
import { InputError } from '../core/errors';
import { writeFileAtomic } from '../core/files';
import { loadPlugins } from '../plugins/load';
import { evaluate, reachesThreshold, RuleSet } from '../policy/engine';
import { FindingsReport, Severity } from '../policy/model';
import { BUILT_IN_PACKS, packsByName } from '../policy/packs';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../policy/reports';
import { stackView } from '../policy/stack-view';

export interface CheckOptions {
  readonly format: 'text' | 'json' | 'sarif' | 'markdown';
  readonly failOn: Severity | 'never';
  readonly pack?: string[];
  readonly output?: string;
  /** Modules whose plugins' rule packs run too. */
  readonly plugin?: string[];
}

/** Run the guardrails over a cdktf.out directory; returns the rendered report and exit code. */
export function runCheck(dir: string, options: CheckOptions): { output: string; exitCode: number; report: FindingsReport } {
  let packs;
  try {
    packs = options.pack?.length ? packsByName(options.pack) : [...BUILT_IN_PACKS];
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  const ruleSet = new RuleSet([...packs, ...loadPlugins(options.plugin).flatMap((p) => p.packs ?? [])]);
  const stacks = readCdktfOut(dir);
  const report = evaluate(stacks.map((s) => stackView(s.name, s.json)), ruleSet);
  const files = new Map(stacks.map((s) => [s.name, s]));
  let output: string;
  switch (options.format) {
    case 'json': output = renderJson(report); break;
    case 'markdown': output = renderMarkdown(report); break;
    case 'sarif':
      output = renderSarif(report, ruleSet.rules.map((a) => ({ ...a.rule, severity: a.severity })), (f) => {
        const stack = files.get(f.stack)!;
        return { file: stack.file, line: stack.lines.get(f.address) ?? 1 };
      });
      break;
    default: output = renderText(report);
  }
  return { output, report, exitCode: reachesThreshold(report, options.failOn) ? 1 : 0 };
}

export function registerCheck(program: Command): void {
  program.command('check')
    .description('run the guardrails over a cdktf.out directory (any CDKTF app)')
    .argument('[dir]', 'the cdktf.out directory', 'cdktf.out')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif', 'markdown']).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a failed finding reaches this severity').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('-p, --pack <name...>', `rule packs to run (default: all of ${BUILT_IN_PACKS.map((p) => p.name).join(', ')})`)
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--plugin <module...>', "also run these plugins' rule packs (a path or a package exporting `plugins`)")
    .action((dir: string, options: CheckOptions) => {
      const result = runCheck(dir, options);
      if (options.output) writeFileAtomic(options.output, result.output);
      else process.stdout.write(result.output);
      process.exitCode = result.exitCode;
    });
}
