// No secret in anything we synthesize or generate. Every file from the example org's synth,
// the catalog and portal built from it, and every project `goldenpath new` writes, goes
// through secretlint's recommended preset (AWS keys, private keys, GitHub/Slack/npm tokens,
// credentials in URLs...). Terraform JSON is also checked attribute by attribute: a literal
// in a password/secret/token attribute, or a high-entropy literal there, is a finding.
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';
import { generateProject } from '../../src/scaffold/generate';
import { resolveValues, ScaffoldRequest } from '../../src/scaffold/values';
import { acmeOut } from '../acme-out';
import { runCli } from '../cli/run-cli';
import { fileTree } from '../helpers';

const TODAY = '2026-11-26';

const tree = (dir: string) => new Map(Object.entries(fileTree(dir, { skip: /\.(png|jpg|ico|woff2?)$/ })));

const repo = join(__dirname, '../..');

/**
 * secretlint's findings for a set of files, as `file: rule message`. secretlint is ESM-only
 * and scans files under its working directory, so the files go under test-output/ and the
 * CLI runs once over them.
 */
function secretlint(name: string, files: Map<string, string>): string[] {
  const dir = join(repo, 'test-output', 'secrets-scan', name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, content] of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  const rc = join(dir, '..', `${name}.secretlintrc.json`);
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  // the report goes to a file: piped stdout is cut short when the CLI exits
  const report = join(dir, '..', `${name}.report.json`);
  const r = spawnSync(process.execPath, [join(repo, 'node_modules/secretlint/bin/secretlint.js'), '--secretlintrc', rc, '--format', 'json', '--maskSecrets',
    '--output', report, relative(repo, join(dir, '**', '*'))], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`secretlint failed: ${r.stderr}`);
  const results: Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }> = JSON.parse(readFileSync(report, 'utf8'));
  expect(results.length).toBe(files.size); // every file was scanned
  return results.flatMap((f) => f.messages.map((m) => `${relative(dir, f.filePath)}: ${m.ruleId} ${m.message}`));
}

/** AWS access key ids, which secretlint's preset does not flag on their own. */
const AWS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

/** Attribute names that hold credentials in Terraform and Kubernetes resources. */
const SENSITIVE = /(^|_)(password|passwd|secret|secret_string|token|auth_token|private_key|access_key|secret_key|key_material|client_secret|api_key)$/i;
/** Names that may hold one (`master_key`, `signing_credential`...): flagged only for random-looking values. */
const CREDENTIAL_ISH = /(key|secret|token|password|credential)/i;
/** Values that are not a secret even in a sensitive attribute: references, ARNs, toggles. */
const NOT_A_VALUE = /^(\$\{.*\}|arn:aws[\w-]*:.*|true|false|)$/s;

/** Shannon entropy in bits per character: random credentials score high, words do not. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.values()].reduce((h, n) => h - (n / s.length) * Math.log2(n / s.length), 0);
}

/** Literal values in sensitive attributes, and high-entropy strings there, anywhere in a JSON document. */
function sensitiveLiterals(file: string, json: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[json, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) {value.forEach((v, i) => stack.push([v, `${path}[${i}]`]));} else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k}` : k;
        if (SENSITIVE.test(k) && typeof v === 'string' && !NOT_A_VALUE.test(v)) found.push(`${file}: ${at} holds a literal value`);
        else if (CREDENTIAL_ISH.test(k) && typeof v === 'string' && !NOT_A_VALUE.test(v) && v.length >= 20 && entropy(v) > 4.5) found.push(`${file}: ${at} holds a high-entropy string`);
        stack.push([v, at]);
      }
    }
  }
  return found;
}

/** Every resource of every stack, as [file, type, name, config]. */
function resourcesOf(files: Map<string, string>): Array<[string, string, string, any]> {
  return [...files].filter(([f]) => f.endsWith('cdk.tf.json')).flatMap(([f, text]) =>
    Object.entries<any>(JSON.parse(text).resource ?? {}).flatMap(([type, byName]) =>
      Object.entries<any>(byName).map(([name, config]) => [f, type, name, config] as [string, string, string, any])));
}

function scan(name: string, files: Map<string, string>): string[] {
  const findings = secretlint(name, files);
  for (const [file, content] of files) {
    if (AWS_KEY_ID.test(content)) findings.push(`${file}: holds an AWS access key id`);
    if (file.endsWith('.json')) findings.push(...sensitiveLiterals(file, JSON.parse(content)));
  }
  return findings;
}

describe('no secrets in synthesized or generated output', () => {
  let synthesized: Map<string, string>;
  const generated = new Map<string, string>();

  beforeAll(async () => {
    const out = acmeOut('gp-secrets-');
    synthesized = tree(out);
    for (const [name, args] of [['catalog', ['--out']], ['portal', ['--out']]] as const) {
      const to = mkdtempSync(join(tmpdir(), `gp-secrets-${name}-`));
      expect((await runCli(name, out, ...args, to, '--today', TODAY)).code).toBe(0);
      for (const [f, c] of tree(to)) generated.set(`${name}/${f}`, c);
    }
    const requests: ScaffoldRequest[] = [
      { kind: 'service', name: 'ledger', team: 'payments' },
      { kind: 'service', name: 'jobs', team: 'payments', template: 'worker' },
      { kind: 'platform', name: 'acme', teams: ['payments'] },
      { kind: 'plugin', name: '@acme/goldenpath-cost' },
      { kind: 'distribution', name: '@acme/platform' },
    ];
    for (const req of requests) {
      for (const [f, c] of generateProject(resolveValues(req, '1.2.3'))) generated.set(`new-${req.kind}-${req.name}/${f}`, c);
    }
  }, 120_000);

  test('the example org synthesizes with databases and caches, so there is something to scan', () => {
    const types = new Set(resourcesOf(synthesized).map(([, type]) => type));
    expect(types).toContain('aws_db_instance');
    expect(types).toContain('aws_elasticache_replication_group');
    expect(synthesized.size).toBeGreaterThan(10);
    expect(generated.size).toBeGreaterThan(30);
  });

  test('nothing secret-looking in cdktf.out', () => {
    expect(scan('cdktf-out', synthesized)).toEqual([]);
  });

  test('nothing secret-looking in the catalog, the portal or any scaffolded project', () => {
    expect(scan('generated', generated)).toEqual([]);
  });

  test('database and cache passwords are managed by the service, never in Terraform', () => {
    const resources = resourcesOf(synthesized);
    for (const [file, , name, db] of resources.filter(([, type]) => type === 'aws_db_instance')) {
      expect({ file, name, managed: db.manage_master_user_password, password: db.password }).toEqual({ file, name, managed: true, password: undefined });
    }
    for (const [file, , name, cache] of resources.filter(([, type]) => type === 'aws_elasticache_replication_group')) {
      expect({ file, name, authToken: cache.auth_token }).toEqual({ file, name, authToken: undefined });
    }
    for (const [file, type, name] of resources.filter(([, t]) => t === 'random_password' || t === 'aws_secretsmanager_secret_version')) {
      throw new Error(`${file}: ${type}.${name} puts a secret value in Terraform state`);
    }
  });

  test('the scan finds what it looks for (planted secrets)', () => {
    // assembled at run time so that this file itself holds no secret-looking literal
    const random = (n: number, alphabet: string) => Array.from({ length: n }, (_v, i) => alphabet[(i * 7919 + 13) % alphabet.length]).join('');
    const awsKey = ['AKIA', 'QW3RT7Y2UPL4ZX9M'].join('');
    const awsSecret = random(40, 'Zq8vT3mK9pL2xR7wN4bY6cJ1hF5sD0gA2eU8iO3t');
    const planted = new Map([
      ['leak.env', `AWS_ACCESS_KEY_ID=${awsKey}\n`],
      ['leak-secret.env', `aws_secret_access_key = "${awsSecret}"\n`],
      ['leak.tf.json', JSON.stringify({ resource: { aws_db_instance: { db: { password: 'hunter2hunter2' } }, x: { y: { auth_token: 'Zr8$kQ2!vW9#pL4@mN7^xB1', signing_key_pem: awsSecret } } } })],
    ]);
    const findings = scan('planted', planted);
    expect(findings).toContain('leak.env: holds an AWS access key id');
    expect(findings).toContainEqual(expect.stringMatching(/^leak-secret\.env: @secretlint\/secretlint-rule-aws found AWS Secret Access Key/));
    expect(findings).toContain('leak.tf.json: resource.aws_db_instance.db.password holds a literal value');
    expect(findings).toContain('leak.tf.json: resource.x.y.auth_token holds a literal value');
    expect(findings).toContain('leak.tf.json: resource.x.y.signing_key_pem holds a high-entropy string');
  });
});
