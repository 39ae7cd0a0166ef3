import '@microsoft/jest-sarif';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { runCli } from './run-cli';
import { buildAcme } from '../../examples/acme/main';
import { App, TerraformStack } from '../../src/cdk';
import { packsByName } from '../../src/policy/packs';
import { Suppressions } from '../../src/policy/suppressions';

/** A cdktf.out from a plain CDKTF app that never used goldenpath constructs. */
function plainApp(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'gp-check-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'legacy');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new S3Bucket(stack, 'data', { bucket: 'legacy-data' });
  new SecurityGroup(stack, 'ssh', { name: 'ssh', ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'], description: 'ssh' }] });
  Suppressions.add(stack, { ruleId: 'GP-S3-008', reason: 'legacy bucket, logging via CloudTrail' });
  app.synth();
  return outdir;
}

describe('goldenpath check', () => {
  const legacy = plainApp();

  test('works on any CDKTF output and fails on error findings (exit 1)', async () => {
    const r = await runCli('check', legacy);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ERROR\s+GP-NET-001\s+legacy\s+aws_security_group\.ssh/);
    expect(r.out).toMatch(/SUPPRESSED GP-S3-008 .*suppressed: legacy bucket, logging via CloudTrail/s);
    expect(r.out).toMatch(/\d+ error, \d+ warning, \d+ info, 0 unknown, 1 suppressed \(\d+ rules over 2 resources in 1 stacks\)/);
  });

  test('--format json writes the findings contract', async () => {
    const r = await runCli('check', legacy, '--format', 'json');
    const report = JSON.parse(r.out);
    const ssh = report.findings.find((f: any) => f.ruleId === 'GP-NET-001');
    expect(ssh).toMatchObject({
      ruleId: 'GP-NET-001',
      severity: 'error',
      status: 'fail',
      stack: 'legacy',
      address: 'aws_security_group.ssh',
      constructPath: 'legacy/ssh',
      checkov: ['CKV_AWS_24'],
      remediation: expect.any(String),
      attribute: 'ingress[0]',
    });
    expect(Object.keys(report.summary).sort()).toEqual(['error', 'info', 'resources', 'rules', 'stacks', 'suppressed', 'unknown', 'warning']);
    expect(report.summary.error).toBe(report.findings.filter((f: any) => f.status === 'fail' && f.severity === 'error').length);
  });

  test('--format sarif is valid SARIF 2.1.0 pointing at the resource line', async () => {
    const r = await runCli('check', legacy, '--format', 'sarif');
    const sarif = JSON.parse(r.out);
    expect(sarif).toBeValidSarifLog();
    // the validator is live: a log without runs is refused
    expect({ version: '2.1.0', $schema: sarif.$schema }).not.toBeValidSarifLog();
    const result = sarif.runs[0].results.find((x: any) => x.ruleId === 'GP-NET-001');
    const location = result.locations[0].physicalLocation;
    const lines = readFileSync(location.artifactLocation.uri, 'utf8').split('\n');
    expect(lines[location.region.startLine - 1]).toMatch(/^ {6}"ssh": \{/);
    expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('GP-NET-001');
    const suppressed = sarif.runs[0].results.find((x: any) => x.ruleId === 'GP-S3-008');
    expect(suppressed.suppressions).toEqual([{ kind: 'external', justification: 'legacy bucket, logging via CloudTrail' }]);
  });

  test('--format markdown leads with the summary', async () => {
    const r = await runCli('check', legacy, '--format', 'markdown');
    expect(r.out.split('\n').slice(0, 3).join('\n')).toMatch(/## Guardrails\n\n\*\*\d+ error/);
    expect(r.out).toMatch(/\| ⛔ error \| `GP-NET-001` \| legacy \| `aws_security_group.ssh` \|/);
  });

  test('--fail-on never exits 0, --pack limits the rules, --output writes a file', async () => {
    expect((await runCli('check', legacy, '--fail-on', 'never')).code).toBe(0);
    const out = join(legacy, 'report.json');
    const r = await runCli('check', legacy, '--pack', 'github-sdlc', '--format', 'json', '--output', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.rules).toBe(packsByName(['github-sdlc'])[0].rules.length);
  });

  test('bad input is one line on stderr and exit 2', async () => {
    const missing = await runCli('check', '/nonexistent/cdktf.out');
    expect(missing).toMatchObject({ code: 2, err: 'goldenpath: /nonexistent/cdktf.out: no such file or directory (expected a cdktf.out directory, a *.tf or *.tf.json file, or a directory of them)\n' });
    const broken = mkdtempSync(join(tmpdir(), 'gp-broken-'));
    mkdirSync(join(broken, 'stacks', 'x'), { recursive: true });
    writeFileSync(join(broken, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { x: { synthesizedStackPath: 'stacks/x/cdk.tf.json' } } }));
    writeFileSync(join(broken, 'stacks', 'x', 'cdk.tf.json'), '{ not json');
    const bad = await runCli('check', broken);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^goldenpath: .*stacks\/x\/cdk\.tf\.json: not valid JSON \(.*\)\n$/);
    expect((await runCli('check', legacy, '--pack', 'nope')).err).toBe('goldenpath: unknown pack \'nope\' (known: aws-baseline, kubernetes-restricted, github-sdlc, ownership, runtime)\n');
    expect((await runCli('check', legacy, '--fail-on', 'sometimes')).code).toBe(2);
  });

  test('the example org has no error findings', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'gp-acme-'));
    const app = new App({ outdir });
    buildAcme(app);
    app.synth();
    const r = await runCli('check', outdir, '--format', 'json');
    const report = JSON.parse(r.out);
    expect(report.findings.filter((f: any) => f.status === 'fail' && f.severity === 'error')).toEqual([]);
    // secure by default: not even a warning or advice; every loosening is a suppression with its reason
    expect(report.findings.filter((f: any) => f.status !== 'suppressed')).toEqual([]);
    expect(report.findings.every((f: any) => f.suppression.reason.length >= 10)).toBe(true);
    expect(report.summary.unknown).toBe(0);
    expect(r.code).toBe(0);
  });
});

describe('goldenpath stacks', () => {
  test('lists stacks by environment from the metadata, as job matrices', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'gp-stacks-'));
    const app = new App({ outdir });
    buildAcme(app);
    app.synth();
    const all = JSON.parse((await runCli('stacks', outdir)).out);
    expect(all.dev.map((s: any) => s.name)).toEqual(['acme-dev', 'acme-dev-observability', 'acme-dev-payments', 'acme-dev-runtime', 'acme-dev-search']);
    const filtered = JSON.parse((await runCli('stacks', outdir, '--environments', 'prod,staging')).out);
    expect(Object.keys(filtered)).toEqual(['all', 'prod', 'staging']);
    expect(filtered.staging).toEqual([]);
    expect(filtered.all.every((s: any) => s.environment === 'prod')).toBe(true);
  });
});
