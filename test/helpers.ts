import { execFileSync } from 'child_process';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, invokeAspects, TerraformStack, Testing } from '../src/cdk';
import { GoldenPathContext } from '../src/core/context';
import { evaluateStack, RuleSet } from '../src/policy/engine';
import { BUILT_IN_PACKS } from '../src/policy/packs';
import { stackView } from '../src/policy/stack-view';

/** Synthesized JSON of a stack with the `"//"` metadata kept (Testing.synth strips it). */
export function synthJson(stack: TerraformStack): any {
  invokeAspects(stack);
  return stack.toTerraform();
}

/** A fresh app and stack (with an AWS provider, so full synth validates) for a test. */
export function testStack(id = 'test'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  return { app, stack };
}

/** Every resource in synthesized JSON as [type, name, config]. */
export function resources(json: any): Array<[string, string, any]> {
  const out: Array<[string, string, any]> = [];
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const [name, config] of Object.entries<any>(byName)) out.push([type, name, config]);
  }
  return out;
}

/** The resources of one type. */
export function ofType(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

/**
 * The findings that break "secure by default": failed error or warning rules, and values
 * the rules could not decide. Info findings are advice and are allowed.
 */
export function blockingFindings(json: any): string[] {
  return evaluateStack(stackView('test', json), new RuleSet(BUILT_IN_PACKS))
    .filter((f: any) => f.status === 'unknown' || (f.status === 'fail' && f.severity !== 'info'))
    .map((f: any) => `${f.ruleId} ${f.address}: ${f.message}`);
}

/** A stack with a full golden-path context, as a team's stack would have. */
export function contextStack(id = 'test'): { app: App; stack: TerraformStack } {
  const made = testStack(id);
  GoldenPathContext.set(made.stack, { org: 'acme', team: 'platform', service: 'baseline', environment: 'dev' });
  return made;
}

/** Markdown from the plan report with the entities it uses to make data inert decoded: what GitHub shows as text. */
export function plainText(md: string): string {
  return md.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/\u200B/g, '');
}

/**
 * Every file under a directory, relative path → content, in a stable order. `latin1` reads
 * any byte as one character, for byte-for-byte comparisons; `skip` leaves out file names.
 */
export function fileTree(dir: string, options: { encoding?: BufferEncoding; skip?: RegExp } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!options.skip?.test(name)) out[relative(dir, p)] = readFileSync(p, options.encoding ?? 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Is a terraform binary on PATH? Tests that need one say so and skip without it. */
export function hasTerraform(): boolean {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
