// Every string cdktf writes is a Terraform template: `${` starts an interpolation and `%{` a
// directive. This reads every string of every stack of the example org through the real
// terraform binary (`terraform fmt` parses templates and needs no provider), so a literal
// that Terraform would take for an expression fails here instead of at the first plan.
// Needs a terraform binary: without one the test says so and is skipped.
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { fromTerraformLiteral, terraformLiteral } from '../../src/core/terraform-literal';
import { acmeOut } from '../acme-out';
import { hasTerraform } from '../helpers';

const terraform = hasTerraform();
if (!terraform) console.warn('terraform string test skipped: no terraform binary on PATH');
const withTerraform = terraform ? test : test.skip;

interface Found { readonly where: string; readonly text: string }

function strings(value: unknown, where: string, out: Found[]): Found[] {
  if (typeof value === 'string') {out.push({ where, text: value });} else if (Array.isArray(value)) {value.forEach((v, i) => strings(v, `${where}[${i}]`, out));} else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '//') strings(v, `${where}.${k}`, out);
  }
  return out;
}

/**
 * The strings that do not parse as Terraform templates. Each becomes a heredoc in one HCL
 * file: heredocs are templates with the same `${`/`%{` rules as JSON strings, and need no
 * quoting, so the file parses exactly when every string does.
 */
function unparsable(found: readonly Found[]): string[] {
  const starts: number[] = [];
  let line = 2;
  const body = found.map((f, i) => {
    starts.push(line);
    line += f.text.split('\n').length + 2;
    return `  s${i} = <<GPEOT\n${f.text}\nGPEOT`;
  }).join('\n');
  const run = spawnSync('terraform', ['fmt', '-no-color', '-'], {
    input: `locals {\n${body}\n}\n`, encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
  });
  if (run.status === 0) return [];
  const bad = new Set<number>();
  for (const m of run.stderr.matchAll(/on <stdin> line (\d+)/g)) {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= Number(m[1])) i++;
    bad.add(i);
  }
  return bad.size ? [...bad].map((i) => `${found[i].where}: ${found[i].text.slice(0, 120)}`) : [run.stderr];
}

describe('literal strings are valid Terraform', () => {
  withTerraform('every string of every stack of the example org parses as a template', () => {
    const out = acmeOut();
    const found: Found[] = [];
    for (const stack of readdirSync(join(out, 'stacks'))) {
      strings(JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')), stack, found);
    }
    expect(found.length).toBeGreaterThan(1000);
    // the workflow files are the strings most full of ${{ }}: they must be among those read
    expect(found.some((f) => f.where.includes('github_repository_file') && f.text.includes('$${{ matrix.stack.name }}'))).toBe(true);
    expect(unparsable(found)).toEqual([]);
  });
  withTerraform('the check itself finds what the escape prevents', () => {
    const raw = 'run: echo ${{ github.sha }} "${reports[@]}" %{ if }';
    expect(unparsable([{ where: 'raw', text: raw }])).toHaveLength(1);
    expect(unparsable([{ where: 'escaped', text: terraformLiteral(raw) }])).toEqual([]);
  });
  test('escaping round-trips, also text that already holds an escape', () => {
    for (const text of ['${{ a }}', '$${x}', '%{ if x }', 'plain $ and % and {}', '$$${y}']) {
      expect(fromTerraformLiteral(terraformLiteral(text))).toBe(text);
    }
  });
});
