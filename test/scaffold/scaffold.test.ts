import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { validateWorkflow } from '@action-validator/core';
import { Entity } from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { parse } from 'yaml';
import { generateProject, NEW_SERVICE_WORKFLOW } from '../../src/scaffold/generate';
import { resolveValues, ScaffoldRequest } from '../../src/scaffold/values';
import { writeProject } from '../../src/scaffold/write';
import { runCli } from '../cli/run-cli';

const generate = (req: ScaffoldRequest) => generateProject(resolveValues(req, '1.2.3'));
const scoreFile = join(__dirname, '../../examples/acme/search-api.score.yaml');

describe('goldenpath new: what a generated project holds', () => {
  const service = generate({ kind: 'service', name: 'ledger', team: 'payments', environments: ['dev', 'prod'] });

  test('a service repository: package, tsconfig that resolves exports, cdktf.json, main.ts, a test, workflow, catalog entity, README, and no Backstage template', () => {
    expect([...service.keys()]).toEqual(['.github/workflows/goldenpath.yml', '.gitignore', 'catalog-info.yaml', 'cdktf.json', 'jest-matchers.d.ts', 'jest.config.js',
      'jest.setup.js', 'main.test.ts', 'main.ts', 'package.json', 'platform.ts', 'README.md', 'tsconfig.json']);
    const pkg = JSON.parse(service.get('package.json')!);
    const ours = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(pkg.dependencies.goldenpath).toBe('^1.2.3');
    // jest transpiles file by file; the type-check runs first so a type error fails the tests
    expect(pkg.scripts.test).toBe('tsc --noEmit -p . && jest');
    for (const peer of ['cdktf', 'constructs', '@cdktf/provider-aws', '@cdktf/provider-kubernetes']) expect(pkg.dependencies[peer]).toBe(ours.peerDependencies[peer]);
    expect(pkg.devDependencies.typescript).toBe(ours.devDependencies.typescript);
    expect(JSON.parse(service.get('tsconfig.json')!).compilerOptions).toMatchObject({ module: 'node16', moduleResolution: 'node16' });
    expect(JSON.parse(service.get('cdktf.json')!)).toMatchObject({ language: 'typescript', app: 'npx ts-node --transpile-only main.ts' });
    expect(service.get('main.ts')).toContain('new ServiceStack(app, `ledger-${env.name}`, {');
    expect(service.get('main.ts')).toContain("dependencies: { db: { type: 'postgres' } },");
    expect(service.get('platform.ts')).toContain("{ name: 'prod', accountId: '222222222222', region: 'eu-west-1', cidr: '10.20.0.0/16' },");
    expect(service.get('main.test.ts')).toContain("toHaveResourceWithProperties(DeploymentV1, { metadata: expect.objectContaining({ name: 'ledger', namespace: 'payments' }) })");
    expect(service.get('README.md')).toMatch(/## Next steps/);
  });

  test('the workflows pass action-validator; the scaffolding workflow passes inputs through the environment only', () => {
    expect(validateWorkflow(service.get('.github/workflows/goldenpath.yml')!).errors).toEqual([]);
    const platform = generate({ kind: 'platform', name: 'acme', teams: ['payments'] });
    const scaffolding = platform.get(NEW_SERVICE_WORKFLOW)!;
    expect(validateWorkflow(scaffolding).errors).toEqual([]);
    const run = parse(scaffolding).jobs.generate.steps.map((s: any) => s.run ?? '').join('\n');
    expect(run).not.toMatch(/\$\{\{/); // no expression pasted into a script
    expect(run).toContain('npx goldenpath new service "$NAME" --team "$TEAM"');
  });

  test('the Backstage template passes the scaffolder\'s own validation and runs the same generator', async () => {
    const platform = generate({ kind: 'platform', name: 'acme' });
    const template = parse(platform.get('backstage/template.yaml')!) as Entity;
    expect(await templateEntityV1beta3Validator.check(template)).toBe(true);
    expect((template.spec as any).steps[0]).toMatchObject({ action: 'github:actions:dispatch', input: { workflowId: 'goldenpath-new.yml' } });
    // one template, in the platform repository: none in a service or a distribution
    for (const kind of ['service', 'distribution'] as const) {
      expect([...generate({ kind, name: kind === 'service' ? 'ledger' : '@acme/platform', team: 'payments' }).keys()].filter((p) => p.startsWith('backstage/'))).toEqual([]);
    }
    const broken = parse(platform.get('backstage/template.yaml')!);
    delete broken.spec.steps[0].action;
    await expect(templateEntityV1beta3Validator.check(broken)).rejects.toThrow();
  });

  test('a worker takes a queue; a Score workload is copied and read by Service.fromScore', () => {
    expect(generate({ kind: 'service', name: 'jobs', team: 'payments', template: 'worker' }).get('main.ts')).toContain("dependencies: { jobs: { type: 'queue' } },");
    const fromScore = generate({ kind: 'service', name: 'search-api', team: 'search', score: { path: scoreFile, text: readFileSync(scoreFile, 'utf8') } });
    expect(fromScore.get('score.yaml')).toBe(readFileSync(scoreFile, 'utf8'));
    expect(fromScore.get('main.ts')).toContain("Service.fromScore(stack, readFileSync(join(__dirname, 'score.yaml'), 'utf8'), {");
  });

  test('platform and distribution projects', () => {
    const platform = generate({ kind: 'platform', name: 'acme', teams: ['payments', 'search'] });
    expect(platform.get('main.ts')).toContain("{ name: 'search', onCall: 'https://oncall.acme.example/search' },");
    expect(platform.get('main.ts')).toContain('new AccountBaseline(stack,');
    const dist = generate({ kind: 'distribution', name: '@acme/platform' });
    expect(JSON.parse(dist.get('package.json')!)).toMatchObject({ name: '@acme/platform', main: 'lib/index.js', dependencies: { goldenpath: '^1.2.3' } });
    expect(dist.get('src/index.ts')).toContain("org: 'acme',");
    expect(JSON.parse(dist.get('cdktf.json')!).app).toBe('npx ts-node --transpile-only example/main.ts');
  });

  test('the same request gives the same files', () => {
    expect(generate({ kind: 'service', name: 'ledger', team: 'payments', environments: ['dev', 'prod'] })).toEqual(service);
  });

  test.each<[string, ScaffoldRequest, string | RegExp]>([
    ['a service name that is not a DNS label', { kind: 'service', name: 'Ledger', team: 'payments' }, '<name> must be a DNS-1123 label'],
    ['a team that is not a DNS label', { kind: 'service', name: 'ledger', team: 'Payments' }, /--team must be a DNS-1123 label/],
    ['a repeated environment', { kind: 'service', name: 'ledger', team: 'payments', environments: ['dev', 'dev'] }, '--environments must not repeat a name, got "dev,dev"'],
    ['an unknown template', { kind: 'service', name: 'ledger', team: 'payments', template: 'cron' as never }, '--template must be one of web-service, worker, got "cron"'],
    ['a bad package name', { kind: 'distribution', name: 'Acme Platform' }, /<package> must be an npm package name/],
    ['a Score file for another service', { kind: 'service', name: 'ledger', team: 'search', score: { path: 'search.yaml', text: readFileSync(scoreFile, 'utf8') } },
      'search.yaml: metadata.name is "search-api", but the service is "ledger": use the same name'],
    ['a Score file with what the golden path cannot honour', { kind: 'service', name: 'api', team: 'search', score: { path: 's.yaml', text: 'apiVersion: score.dev/v1b1\nmetadata: {name: api}\ncontainers: {api: {image: "x:1"}, sidecar: {image: "y:1"}}\n' } },
      /^s\.yaml: `score\.containers` must hold exactly one container/],
  ])('refuses %s, naming the flag and the value', (_what, req, message) => {
    expect(() => generate(req)).toThrow(message);
  });
});

describe('goldenpath new: writing', () => {
  const files = new Map([['a.txt', 'a'], ['dir/b.txt', 'b']]);

  test('into a new folder, through a staging folder beside it that is gone afterwards', () => {
    const parent = mkdtempSync(join(tmpdir(), 'gp-new-'));
    writeProject(join(parent, 'svc'), files);
    expect(readFileSync(join(parent, 'svc/dir/b.txt'), 'utf8')).toBe('b');
    expect(readdirSync(parent)).toEqual(['svc']);
  });

  test('a folder that is not empty is refused unless --force; .git alone does not count', () => {
    const parent = mkdtempSync(join(tmpdir(), 'gp-new-'));
    mkdirSync(join(parent, 'svc/.git'), { recursive: true });
    writeProject(join(parent, 'svc'), files);
    expect(() => writeProject(join(parent, 'svc'), files)).toThrow(/svc is not empty \(a\.txt, dir\); choose another --dir, or --force to write into it/);
    writeFileSync(join(parent, 'svc/mine.txt'), 'kept');
    writeProject(join(parent, 'svc'), new Map([['a.txt', 'new']]), { force: true });
    expect(readFileSync(join(parent, 'svc/a.txt'), 'utf8')).toBe('new');
    expect(readFileSync(join(parent, 'svc/mine.txt'), 'utf8')).toBe('kept');
  });

  test('nothing is half-written when writing fails', () => {
    const parent = mkdtempSync(join(tmpdir(), 'gp-new-'));
    // a file where a folder must go makes the second write fail
    expect(() => writeProject(join(parent, 'svc'), new Map([['x', '1'], ['x/y', '2']]))).toThrow();
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('goldenpath new: the command', () => {
  test('outside a terminal it never waits: a missing flag is named, exit 2', async () => {
    const r = await runCli('new', 'service', 'ledger');
    expect([r.code, r.err]).toEqual([2, 'goldenpath: goldenpath new service needs --team <team> (it asks only in a terminal)\n']);
  });

  test('--dry-run lists the files and writes nothing; then it writes them', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gp-new-cli-')), 'ledger');
    const dry = await runCli('new', 'service', 'ledger', '--team', 'payments', '--dir', dir, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('  main.ts (');
    expect(existsSync(dir)).toBe(false);
    const r = await runCli('new', 'service', 'ledger', '--team', 'payments', '--dir', dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toContain('main.ts');
    const again = await runCli('new', 'service', 'ledger', '--team', 'payments', '--dir', dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/is not empty/);
  });

  test('a missing Score file is one line and exit 2', async () => {
    const r = await runCli('new', 'service', 'api', '--team', 'search', '--score', '/nonexistent/score.yaml', '--dry-run');
    expect([r.code, r.err]).toEqual([2, 'goldenpath: /nonexistent/score.yaml: no such file; expected a Score file (score.dev/v1b1)\n']);
  });
});
