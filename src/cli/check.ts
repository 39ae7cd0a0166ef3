import { existsSync, statSync } from 'fs';
import { join } from 'path';
import { readCdktfOut } from '../core/cdktf-out';
import { InputError } from '../core/errors';
import { checkOutputFile, readJsonFile, writeFileAtomic } from '../core/files';
import { loadPlugins } from '../plugins/load';
import { evaluate, reachesThreshold, RuleSet } from '../policy/engine';
import { planStacks } from '../policy/inputs/plan-values';
import { CheckedStack, readTerraformFiles } from '../policy/inputs/terraform-files';
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
  /** `terraform show -json` plans to judge instead of configuration. */
  readonly plan?: string[];
  /** With `plan`: the cdktf.out the plans came from, to map findings to construct paths. */
  readonly cdktfOut?: string;
}

const isCdktfOut = (path: string) => existsSync(path) && statSync(path).isDirectory() && existsSync(join(path, 'manifest.json'));

/**
 * What to judge: the planned values of plans; a cdktf.out directory; or plain Terraform
 * (`*.tf`, `*.tf.json`, a directory of modules).
 */
export async function readCheckInput(path: string, options: Pick<CheckOptions, 'plan' | 'cdktfOut'>): Promise<CheckedStack[]> {
  if (options.plan?.length) {
    const origin = options.cdktfOut ? readCdktfOut(options.cdktfOut) : [];
    return options.plan.flatMap((file) => planStacks(readJsonFile(file, 'a plan as JSON (terraform show -json)'), file, origin));
  }
  if (options.cdktfOut) throw new InputError('--cdktf-out: only maps --plan findings back to constructs; pass the cdktf.out directory itself as the path to check it');
  return isCdktfOut(path) ? readCdktfOut(path) : readTerraformFiles(path);
}

/** Run the guardrails over a cdktf.out, plain Terraform or plans; returns the rendered report and exit code. */
export async function runCheck(path: string, options: CheckOptions): Promise<{ output: string; exitCode: number; report: FindingsReport }> {
  let packs;
  try {
    packs = options.pack?.length ? packsByName(options.pack) : [...BUILT_IN_PACKS];
  } catch (err) {
    throw new InputError((err as Error).message);
  }
  const ruleSet = new RuleSet([...packs, ...loadPlugins(options.plugin).flatMap((p) => p.packs ?? [])]);
  const stacks = await readCheckInput(path, options);
  const report = evaluate(stacks.map((s) => stackView(s.name, s.json)), ruleSet);
  const files = new Map(stacks.map((s) => [s.name, s]));
  let output: string;
  switch (options.format) {
    case 'json': output = renderJson(report); break;
    case 'markdown': output = renderMarkdown(report); break;
    case 'sarif':
      output = renderSarif(report, ruleSet.rules.map((a) => ({ ...a.rule, severity: a.severity })), (f) => {
        const stack = files.get(f.stack)!;
        return { file: stack.files?.get(f.address) ?? stack.file, line: stack.lines.get(f.address) ?? 1 };
      });
      break;
    default: output = renderText(report);
  }
  return { output, report, exitCode: reachesThreshold(report, options.failOn) ? 1 : 0 };
}

/** What `goldenpath check` does once its flags are read. */
export async function checkAction(path: string, options: CheckOptions): Promise<void> {
  if (options.output) checkOutputFile(options.output, '--output');
  const result = await runCheck(path, options);
  if (options.output) writeFileAtomic(options.output, result.output);
  else process.stdout.write(result.output);
  process.exitCode = result.exitCode;
}
