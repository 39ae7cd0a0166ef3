// End to end, as a user installs it: `npm pack` this package, scaffold every kind of project
// and two consumer projects (the stock cdktf template's tsconfig and `module: node16`),
// install the tarball there, and run what the README promises: tests, `cdktf synth`,
// `goldenpath check`, a type-check of every entry point. Run by .ci/run (`npm run e2e`).
import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const root = resolve(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'goldenpath-e2e-'));
const env = { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true' };
const results: Array<{ name: string; ok: boolean; seconds: number }> = [];

function run(cwd: string, command: string, args: string[]): string {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function step(name: string, cwd: string, command: string, args: string[]): void {
  const started = Date.now();
  try {
    run(cwd, command, args);
    results.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    results.push({ name, ok: false, seconds: (Date.now() - started) / 1000 });
    console.log(`FAIL ${name}\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n') || e.message}`);
  }
}

// the package as it would be published
run(root, 'npx', ['projen', 'compile']);
const tarball = join(work, run(root, 'npm', ['pack', '--pack-destination', work, '--silent']).trim().split('\n').pop()!);
const goldenpath = ['--goldenpath', `file:${tarball}`];
const cli = join(root, 'bin', 'goldenpath');

// the three kinds of project, and a service described in Score
const projects: Array<[string, string[]]> = [
  ['web-service', ['service', 'web-service', '--team', 'payments']],
  ['worker', ['service', 'worker', '--team', 'payments', '--template', 'worker']],
  ['search-api', ['service', 'search-api', '--team', 'search', '--score', join(root, 'examples/acme/search-api.score.yaml')]],
  ['platform', ['platform', 'acme', '--teams', 'payments,search', '--dir', 'platform']],
  ['distribution', ['distribution', '@acme/platform', '--dir', 'distribution']],
];
for (const [dir, args] of [...projects, ['plugin', ['plugin', '@acme/goldenpath-example', '--dir', 'plugin']] as [string, string[]]]) {
  const [kind, name, ...rest] = args;
  run(work, 'node', [cli, 'new', kind, name, ...rest, ...(rest.includes('--dir') ? [] : ['--dir', dir]), ...goldenpath]);
}

// consumers that import every published entry point and synthesize through each
const subpaths = readdirSync(join(root, 'constructs')).filter((d) => !d.includes('.')).sort();
const consumerMain = [
  "import { App, TerraformStack } from 'cdktf';",
  "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
  "import * as main from 'goldenpath';",
  ...subpaths.map((p) => `import * as ${p} from 'goldenpath/${p}';`),
  '',
  'const app = new App();',
  "const stack = new TerraformStack(app, 'consumer');",
  "new AwsProvider(stack, 'aws', { region: 'eu-west-1' });",
  "main.GoldenPathContext.set(stack, { org: 'acme', team: 'payments', service: 'consumer', environment: 'dev' });",
  "const key = new baseline.EncryptionKey(stack, 'key', { accountId: '111111111111', purpose: 'consumer' });",
  "new baseline.SecureBucket(stack, 'bucket', { bucketName: 'acme-consumer-111111111111', kmsKeyArn: key.keyArn });",
  `const used = [${subpaths.map((p) => `Object.keys(${p}).length`).join(', ')}];`,
  "if (used.some((n) => n === 0)) throw new Error('an entry point exports nothing');",
  'app.synth();',
  '',
].join('\n');
// the tsconfig `cdktf init --template=typescript` writes: CommonJS, classic resolution (less
// `charset`, which TypeScript 5.5 and later refuse)
const stockTsconfig = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2018'],
    module: 'CommonJS',
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2018',
    incremental: true,
    skipLibCheck: true,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
};
const node16Tsconfig = { compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: true, esModuleInterop: true }, include: ['*.ts'] };
for (const [dir, tsconfig] of [['consumer-stock', stockTsconfig], ['consumer-node16', node16Tsconfig]] as const) {
  mkdirSync(join(work, dir));
  writeFileSync(join(work, dir, 'main.ts'), consumerMain);
  writeFileSync(join(work, dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const generated = JSON.parse(run(join(work, 'web-service'), 'node', ['-e', 'process.stdout.write(require("fs").readFileSync("package.json","utf8"))']));
  writeFileSync(join(work, dir, 'package.json'), JSON.stringify({ name: dir, private: true, dependencies: generated.dependencies, devDependencies: generated.devDependencies }, null, 2));
  copyFileSync(join(root, 'LICENSE'), join(work, dir, 'LICENSE'));
}

// one install for all of them (npm workspaces share one node_modules), from npm's cache
const dirs = [...projects.map(([d]) => d), 'plugin', 'consumer-stock', 'consumer-node16'];
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'goldenpath-e2e', private: true, workspaces: dirs }, null, 2));
step('npm install (tarball and every project)', work, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);

for (const [dir] of projects) {
  const cwd = join(work, dir);
  step(`${dir}: generated tests`, cwd, 'npx', ['jest']);
  step(`${dir}: cdktf synth`, cwd, 'npx', ['cdktf', 'synth']);
  step(`${dir}: goldenpath check`, cwd, 'npx', ['goldenpath', 'check', 'cdktf.out', '--fail-on', 'error']);
}
step('distribution: npm run build', join(work, 'distribution'), 'npm', ['run', 'build']);
step('plugin: generated tests', join(work, 'plugin'), 'npx', ['jest']);
step('plugin: npm run build', join(work, 'plugin'), 'npm', ['run', 'build']);
for (const dir of ['consumer-stock', 'consumer-node16']) {
  const cwd = join(work, dir);
  step(`${dir}: type-check every entry point`, cwd, 'npx', ['tsc', '--noEmit', '-p', '.']);
  step(`${dir}: synthesize through every entry point`, cwd, 'npx', ['ts-node', '--transpile-only', 'main.ts']);
}

// plain Terraform through the installed package: hcl2json's WebAssembly loads from node_modules
const plain = join(work, 'consumer-stock', 'infra');
mkdirSync(plain);
writeFileSync(join(plain, 'main.tf'), [
  'resource "aws_security_group" "ssh" {',
  '  name = "ssh"',
  '  ingress {',
  '    from_port   = 22',
  '    to_port     = 22',
  '    protocol    = "tcp"',
  '    cidr_blocks = ["0.0.0.0/0"]',
  '  }',
  '}',
  '',
].join('\n'));
step('consumer-stock: goldenpath check on *.tf', join(work, 'consumer-stock'), 'npx', ['goldenpath', 'check', 'infra', '--format', 'json', '--output', 'report.json', '--fail-on', 'never']);
step('consumer-stock: the *.tf report finds the open SSH port', join(work, 'consumer-stock'), 'node', ['-e',
  'const r = require("./report.json"); if (!r.findings.some((f) => f.ruleId === "GP-NET-001" && f.checkov.includes("CKV_AWS_24"))) process.exit(1)']);

const failed = results.filter((r) => !r.ok).length;
console.log(`\ne2e in ${work}\n${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
