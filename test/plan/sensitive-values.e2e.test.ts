// A real plan that changes sensitive values (terraform_data, local backend: no provider).
// Terraform's own marks miss some of them: `before.output` of a terraform_data copies an old
// sensitive input unmarked, and a string built with nonsensitive() carries a secret with no
// mark at all. No format of `goldenpath plan`, nor `--from-json`, nor `check --plan` may
// print any of them. Needs a terraform binary: without one the test says so and is skipped.
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SENSITIVE_CHANGED } from '../../src/plan/model';
import { parsePlan } from '../../src/plan/plan-reader';
import { runCli } from '../cli/run-cli';
import { hasTerraform, plainText } from '../helpers';

const terraform = hasTerraform();
if (!terraform) console.warn('sensitive-values test skipped: no terraform binary on PATH');
const describeWithTerraform = terraform ? describe : describe.skip;

const OLD = { password: 'old-password-1', token: 'tok-first-1111' };
const NEW = { password: 'new-password-2', token: 'tok-second-2222' };
const SECRETS = [...Object.values(OLD), ...Object.values(NEW)];

const MAIN_TF = `
variable "db_password" {
  type      = string
  sensitive = true
}
variable "token" {
  type = string
}
resource "terraform_data" "marked_input" {
  input = { password = var.db_password, user = "app" }
}
resource "terraform_data" "sensitive_call" {
  input = sensitive(var.token)
}
resource "terraform_data" "unmarked_copy" {
  input = "postgres://app:\${nonsensitive(var.db_password)}@db.internal:5432/app"
}
resource "terraform_data" "plain" {
  input = var.token == "${OLD.token}" ? "v1" : "v2"
}
output "password" {
  value     = terraform_data.marked_input.output
  sensitive = true
}
`;

const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };

describeWithTerraform('no sensitive value of a real plan reaches any output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-sensitive-'));
  const tf = (...args: string[]) => execFileSync('terraform', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const vars = (v: typeof OLD) => ['-var', `db_password=${v.password}`, '-var', `token=${v.token}`];
  const planFile = join(dir, 'plan.json');

  beforeAll(() => {
    writeFileSync(join(dir, 'main.tf'), MAIN_TF);
    tf('init', '-input=false', '-no-color');
    tf('apply', '-input=false', '-auto-approve', '-no-color', ...vars(OLD));
    tf('plan', '-input=false', '-no-color', '-out', 'plan.tfplan', ...vars(NEW));
    writeFileSync(planFile, tf('show', '-json', 'plan.tfplan'));
  }, 120_000);

  test('the plan JSON itself holds the old values unmarked (what makes masking by value necessary)', () => {
    const plan = JSON.parse(readFileSync(planFile, 'utf8'));
    const copy = plan.resource_changes.find((r: any) => r.address === 'terraform_data.marked_input');
    expect(copy.change.before.output.password).toBe(OLD.password);
    expect(copy.change.before_sensitive.output).toEqual({});
  });

  test.each(['markdown', 'text', 'json'])('--format %s prints none of them', async (format) => {
    const r = await runCli('plan', `app=${planFile}`, '--format', format);
    expect(r.code).toBe(0);
    // Markdown escapes punctuation as entities: read it as GitHub shows it
    const shown = plainText(r.out + r.err);
    for (const secret of SECRETS) expect({ format, leaks: shown.includes(secret) }).toEqual({ format, leaks: false });
    // the change is still visible, and the plain resource is shown as usual
    expect(shown).toContain(SENSITIVE_CHANGED);
    expect(shown).toMatch(/terraform_data\.plain/);
  });

  test('--from-json renders the uploaded reports without them', async () => {
    const json = await runCli('plan', `app=${planFile}`, '--format', 'json');
    const reportFile = join(dir, 'report.json');
    writeFileSync(reportFile, json.out);
    for (const format of ['markdown', 'text']) {
      const r = await runCli('plan', '--from-json', reportFile, '--format', format);
      expect(r.code).toBe(0);
      expect(SECRETS.filter((s) => plainText(r.out).includes(s))).toEqual([]);
    }
  });

  test('a changed secret reads as changed; an unchanged one is no row; a computed output is one row', () => {
    const changes = parsePlan('app', JSON.parse(readFileSync(planFile, 'utf8'))).changes;
    const rows = (address: string) => changes.find((c) => c.address === address)!.attributes.map((a) => `${a.path}: ${a.before ?? '(none)'} -> ${a.after ?? '(none)'}`);
    expect(rows('terraform_data.marked_input')).toEqual([
      'input.password: (sensitive value) -> (sensitive value changed)',
      'output: { password = (sensitive value), user = (sensitive value) } -> (known after apply)',
    ]);
    expect(rows('terraform_data.unmarked_copy')).toEqual([
      'input: (sensitive value) -> (sensitive value changed)',
      'output: (sensitive value) -> (known after apply)',
    ]);
    expect(rows('terraform_data.plain')).toEqual(['input: "v1" -> "v2"', 'output: "v1" -> (known after apply)']);
  });

  test('check --plan names no secret in its findings', async () => {
    const r = await runCli('check', '--plan', planFile, '--format', 'json');
    expect(SECRETS.filter((s) => r.out.includes(s) || r.err.includes(s))).toEqual([]);
  });
});
