// A real Terraform end to end: Terraform's built-in terraform_data resource needs no provider
// download, so a stack of them with a local backend can be applied, changed and planned here.
// The workflow's exact commands run on it (terraform plan -out, terraform show -json,
// goldenpath plan). Needs a terraform binary: without one the test says so and is skipped.
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, DataResource, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from '../../src/cdk';
import { readCheckInput } from '../../src/cli/check';
import { evaluate, RuleSet } from '../../src/policy/engine';
import { stackView } from '../../src/policy/stack-view';
import { fail, PASS } from '../../src/policy/values';
import { runCli } from '../cli/run-cli';
import { hasTerraform, plainText } from '../helpers';

const terraform = hasTerraform();
if (!terraform) console.warn('terraform end-to-end test skipped: no terraform binary on PATH');
const describeWithTerraform = terraform ? describe : describe.skip;

const SECRET = 'hunter2-do-not-show';
const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };

/** Version 1 or 2 of a stack of terraform_data resources, synthesized with a local backend. */
function synth(version: 1 | 2, statePath: string): string {
  const outdir = mkdtempSync(join(tmpdir(), `gp-tfdata-v${version}-`));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'tfdata');
  new LocalBackend(stack, { path: statePath });
  const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true, default: SECRET });
  secret.overrideLogicalId('secret');
  const data = (id: string, config: Record<string, unknown>) => new DataResource(stack, id, config as never).overrideLogicalId(id);
  data('updated', { input: version === 1 ? 'v1' : 'v2' });
  data('replaced', { input: 'same', triggersReplace: [version === 1 ? 'one' : 'two'] });
  if (version === 1) data('destroyed', { input: 'bye' });
  data(version === 1 ? 'old_name' : 'new_name', { input: 'moving' });
  data('holds_secret', { input: secret.stringValue });
  new TerraformOutput(stack, 'secret_out', { value: secret.stringValue, sensitive: true }).overrideLogicalId('secret_out');
  if (version === 2) stack.addOverride('moved', [{ from: 'terraform_data.old_name', to: 'terraform_data.new_name' }]);
  app.synth();
  return outdir;
}

const tf = (cwd: string, ...args: string[]) => execFileSync('terraform', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });

describeWithTerraform('goldenpath plan on a real terraform plan', () => {
  const work = mkdtempSync(join(tmpdir(), 'gp-tfdata-'));
  const statePath = join(work, 'terraform.tfstate');
  let report = '';
  let planJson = '';
  let out2 = '';

  beforeAll(async () => {
    const out1 = synth(1, statePath);
    const dir1 = join(out1, 'stacks', 'tfdata');
    tf(dir1, 'init', '-input=false', '-no-color');
    tf(dir1, 'apply', '-input=false', '-auto-approve', '-no-color');
    out2 = synth(2, statePath);
    const dir2 = join(out2, 'stacks', 'tfdata');
    // the workflow's commands, as the plan job runs them
    tf(dir2, 'init', '-input=false', '-no-color');
    tf(dir2, 'plan', '-input=false', '-lock-timeout=5m', '-out=plan.tfplan', '-no-color');
    planJson = tf(dir2, 'show', '-json', 'plan.tfplan');
    writeFileSync(join(dir2, 'plan.json'), planJson);
    const r = await runCli('plan', `tfdata=${join(dir2, 'plan.json')}`, '--cdktf-out', out2, '--base-cdktf-out', out1);
    expect(r.code).toBe(0);
    report = plainText(r.out);
  }, 120_000);

  test('the update, the replacement through triggers_replace, the destroy and the move are all in the report', () => {
    expect(report).toContain('**1 to update · 1 to replace · 1 to destroy**');
    expect(report).toMatch(/✏️ <b>update<\/b> <code>terraform_data\.updated<\/code>/);
    expect(report).toMatch(/\| <code>input<\/code> \| <code>"v1"<\/code> \| <code>"v2"<\/code> \|/);
    expect(report).toMatch(/♻️ <b>replace<\/b> <code>terraform_data\.replaced<\/code> — replace because cannot update · forced by <code>triggers_replace<\/code>/);
    expect(report).toMatch(/🗑️ <b>delete<\/b> <code>terraform_data\.destroyed<\/code> — delete because no resource config/);
    const moved = /#### Moved \(no other change\)\n\n<details><summary>· <b>no-op<\/b> <code>terraform_data\.new_name<\/code> — moved from <code>terraform_data\.old_name<\/code>/;
    expect(report).toMatch(moved);
  });

  test('the destroyed resource carries its construct path from the base tree', () => {
    expect(report).toMatch(/terraform_data\.destroyed[\s\S]*?Construct: <code>tfdata\/destroyed<\/code>/);
  });

  test('the plan JSON holds the sensitive value in plain text; the report never does', () => {
    expect(planJson).toContain(SECRET);
    expect(report).not.toContain(SECRET);
  });
});

describeWithTerraform('goldenpath check --plan on a real terraform plan', () => {
  test('judges the planned values, maps them to construct paths through --cdktf-out, and prints no sensitive value', async () => {
    const work = mkdtempSync(join(tmpdir(), 'gp-tfcheck-'));
    const statePath = join(work, 'terraform.tfstate');
    const out1 = synth(1, statePath);
    const dir1 = join(out1, 'stacks', 'tfdata');
    tf(dir1, 'init', '-input=false', '-no-color');
    tf(dir1, 'apply', '-input=false', '-auto-approve', '-no-color');
    const out2 = synth(2, statePath);
    const dir2 = join(out2, 'stacks', 'tfdata');
    tf(dir2, 'init', '-input=false', '-no-color');
    tf(dir2, 'plan', '-input=false', '-out=plan.tfplan', '-no-color');
    const planFile = join(dir2, 'plan.json');
    writeFileSync(planFile, tf(dir2, 'show', '-json', 'plan.tfplan'));

    // a rule of the kind a plugin adds: judge what terraform will write
    const stacks = await readCheckInput('unused', { plan: [planFile], cdktfOut: out2 });
    const rule = {
      id: 'GP-TEST-001',
      title: 'no v2',
      severity: 'error' as const,
      rationale: 'test rule',
      remediation: 'test rule',
      resourceTypes: ['terraform_data'],
      evaluate: (r: any) => (r.config.input === 'v2' ? fail('input is v2', 'input') : PASS),
    };
    const report = evaluate(stacks.map((s) => stackView(s.name, s.json)), new RuleSet([{ name: 'test', description: 'test', rules: [rule] }]));
    expect(report.findings.map((f) => [f.stack, f.address, f.constructPath])).toEqual([['tfdata', 'terraform_data.updated', 'tfdata/updated']]);

    const r = await runCli('check', '--plan', planFile, '--cdktf-out', out2, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary).toMatchObject({ stacks: 1, resources: 4 });
    expect(r.out).not.toContain(SECRET);
  }, 120_000);
});
