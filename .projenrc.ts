import { javascript, release, typescript } from 'projen';

// Peer dependencies: the app that uses goldenpath owns cdktf, constructs and the providers,
// so moving to the cdktn fork (DESIGN contract 4) is a change in the app, not in us.
const peers = [
  'cdktf@^0.21.0',
  'constructs@^10.4.2',
  '@cdktf/provider-aws@^21.0.0',
  '@cdktf/provider-kubernetes@^12.0.0',
  '@cdktf/provider-github@^15.0.0',
];

const project = new typescript.TypeScriptProject({
  name: 'goldenpath',
  description: 'Internal Developer Platform as a typed CDKTF construct library and CLI',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  sampleCode: false,
  github: false,
  // releases by hand from main: conventional commits decide the bump, the CHANGELOG and the tag
  release: true,
  releaseTrigger: release.ReleaseTrigger.manual({ changelog: true, changelogPath: 'CHANGELOG.md', gitPushCommand: 'git push --follow-tags' }),
  majorVersion: 0,
  licensed: true,
  license: 'Apache-2.0',
  copyrightOwner: 'Golden Path authors',
  minNodeVersion: '20.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  // TypeScript 7 has no JavaScript API; ts-jest and ts-node need < 7.
  typescriptVersion: '~5.9.3',
  peerDeps: peers,
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [...peers, 'cdktf-cli@^0.21.0', 'ts-node@^10.9.2', '@microsoft/jest-sarif@1.0.0-beta.0',
    // @microsoft/jest-sarif requires tslib without declaring it
    'tslib@^2', '@kubernetes-models/prometheus-operator@~4.4.4', '@action-validator/core@^0.6.0',
    // real validators for what we generate (DESIGN.md): Backstage entities
    '@backstage/catalog-model@^1.10.3',
    // the portal's browser test: Debian's chromium driven by playwright-core, checked with axe-core
    'playwright-core@^1.56.0', 'axe-core@^4.10.0',
    // the secrets scan over everything we synthesize and generate
    'secretlint@~11.7.1', '@secretlint/secretlint-rule-preset-recommend@~11.7.1',
    '@types/mustache@^4.2.6', '@backstage/plugin-scaffolder-common@^2.4.0',
    // one API report per entry point, kept in api/ (the build fails when the public API changes unreviewed)
    '@microsoft/api-extractor@^7.52.0',
    // the plan comment is checked with a real CommonMark/GFM parser
    'markdown-it@^14.1.0', '@types/markdown-it@^14.1.0',
    // property-based fuzzing of every public construct's props
    'fast-check@^4.3.0',
    // a real IAM evaluator (identity, bucket and key policies, cross-account) for the deploy roles
    '@cloud-copilot/iam-simulate@^0.1.173'],
  deps: ['commander@^14.0.0', 'ipaddr.js@^2.2.0', 'ajv@^8.17.0', 'yaml@^2.8.0', '@prometheus-io/lezer-promql@^0.315.0', '@lezer/lr@^1.4.0', '@lezer/highlight@^1.2.0',
    // the portal: a prebuilt search index, and ELK to lay out dependency graphs
    'minisearch@^7.1.0', 'elkjs@^0.12.1',
    // goldenpath new: templates rendered by mustache, questions in a terminal, progress for long steps
    'mustache@^4.2.0', '@inquirer/prompts@^7.10.0', 'nanospinner@^1.2.2',
    // plan review: line diffs of long text
    'diff@^9.0.0',
    // goldenpath check on *.tf: the HCL-to-JSON converter cdktf itself ships; policies in heredocs with trailing commas
    '@cdktf/hcl2json@^0.21.0', 'json5@^2.2.3'],
  bin: { goldenpath: 'bin/goldenpath' },
  srcdir: 'src',
  libdir: 'lib',
  tsconfig: {
    // src/ and constructs/ both compile into lib/ (lib/src, lib/constructs).
    include: ['constructs/**/*.ts'],
    compilerOptions: {
      rootDir: '.',
      // jest transpiles each file alone; `tsc --noEmit` type-checks once in the test task.
      isolatedModules: true,
      skipLibCheck: true,
    },
  },
  tsconfigDev: {
    include: ['../src/**/*.ts', '../constructs/**/*.ts', '../examples/**/*.ts', '../bench/**/*.ts', '../scripts/**/*.ts', '../.projenrc.ts', '../projenrc/**/*.ts'],
  },
  jestOptions: {
    jestVersion: '^29',
    // projen defaults to --updateSnapshot, which would make snapshot tests unable to fail in CI.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/lib/'],
      collectCoverage: false,
    },
  },
  eslint: true,
  eslintOptions: {
    dirs: ['src', 'constructs'],
    // one config that includes src, constructs, test, examples and bench
    tsconfigPath: './test/tsconfig.json',
    projectService: false,
    devdirs: ['test', 'examples', 'bench', 'scripts'],
    // `npm test` changes no file: lint reports; `npm run eslint:fix` fixes
    commandOptions: { fix: false },
  },
  gitignore: ['cdktf.out/', '.gen/', 'imports/', 'bench/out/', '*.tsbuildinfo', 'test-output/'],
  // the package ships only itself: an allow-list (`files` below), not an ignore list
  npmignoreEnabled: false,
});

// Never import a provider's root barrel (5.3 s and 573 MB per import); `cdktf` only via src/cdk.ts.
const barrels = ['@cdktf/provider-aws', '@cdktf/provider-kubernetes', '@cdktf/provider-github'].map((name) => ({
  name,
  message: 'Deep-import one resource, e.g. @cdktf/provider-aws/lib/s3-bucket (the barrel costs 5 s and ~570 MB).',
}));
project.eslint?.addRules({
  // rule tables and test cases read better one case per line
  '@stylistic/max-len': ['error', { code: 180, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreComments: true }],
  'no-restricted-imports': ['error', {
    paths: [...barrels, { name: 'cdktf', message: 'Import cdktf only through src/cdk.ts (DESIGN contract 4).' }],
  }],
});
// Imports point down (DESIGN.md): the kernel in src/core imports nothing above it.
project.eslint?.addRules({
  'import/no-restricted-paths': ['error', {
    zones: [{
      target: './src/core',
      from: ['./constructs', './src/policy', './src/plan', './src/catalog', './src/portal', './src/scaffold', './src/plugins', './src/cli', './src/golden-path.ts', './src/index.ts'],
      message: 'src/core is the ground floor: it imports nothing above it (DESIGN.md, "direction of imports").',
    }],
  }],
  'import/no-cycle': ['error', { ignoreExternal: true }],
});
project.eslint?.addOverride({
  files: ['src/cdk.ts', 'test/**/*.ts', 'bench/**/*.ts'],
  rules: { 'no-restricted-imports': ['error', { paths: barrels }] },
});

project.addTask('eslint:fix', {
  description: 'Fix what eslint can fix (npm test only reports)',
  exec: 'eslint --ext .ts,.tsx --fix --no-error-on-unmatched-pattern src constructs test examples bench scripts projenrc .projenrc.ts',
  env: { ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
});

// The test task: jest (transpile only), then one full type-check, then lint.
project.testTask.spawn(project.addTask('typecheck', {
  description: 'Type-check sources, constructs, examples, tests and benches once',
  exec: 'tsc --noEmit -p test/tsconfig.json',
}));

project.addTask('synth:example', {
  description: 'Synthesize the example org (the main job)',
  exec: 'cdktf synth',
  env: { CHECKPOINT_DISABLE: '1' },
});

project.addTask('gen:docs', {
  description: 'Regenerate docs/guardrails.md from the rule metadata',
  exec: 'ts-node --transpile-only scripts/guardrails-doc.ts',
});
project.addTask('gen:taggable', {
  description: 'Regenerate the list of taggable AWS resource types from the provider',
  exec: 'ts-node --transpile-only scripts/taggable-types.ts',
});

// the public API is reviewed: a change that is not in api/*.api.md fails the build
const apiCheck = project.addTask('api:check', {
  description: 'Fail when the public API differs from the reports in api/',
  exec: 'ts-node --transpile-only scripts/api-report.ts',
});
project.postCompileTask.spawn(apiCheck);
project.addTask('api:update', {
  description: 'Rewrite the API reports in api/ after a reviewed API change',
  exec: 'ts-node --transpile-only scripts/api-report.ts --update',
});

project.addTask('snapshot:update', {
  description: "Record the example org's resources at a release (api/example-resources.json): later changes are checked against it for replacements",
  exec: 'ts-node --transpile-only scripts/release-snapshot.ts',
});

project.addTask('e2e', {
  description: 'npm pack, scaffold every kind of project and two consumers, install the tarball, run their tests, synth and check (slow; run by .ci/run)',
  exec: 'ts-node --transpile-only scripts/e2e.ts',
});

const bench = project.addTask('bench', {
  description: 'Benchmarks, printed as ratios against raw cdktf measured in the same run',
});
bench.spawn(project.compileTask);
bench.exec('ts-node --transpile-only bench/run.ts');

// The public entry points: the kernel and tools, and one subpath per golden-path folder.
const subpaths = ['environment', 'service', 'pipeline', 'observability', 'baseline', 'platform', 'portal'];
project.addFields({
  exports: {
    '.': { types: './lib/src/index.d.ts', default: './lib/src/index.js' },
    ...Object.fromEntries(subpaths.map((p) => [`./${p}`, { types: `./lib/constructs/${p}/index.d.ts`, default: `./lib/constructs/${p}/index.js` }])),
    './package.json': './package.json',
  },
  // TypeScript's classic resolution (`module: commonjs`, the stock cdktf template) ignores
  // `exports`; typesVersions maps the same subpaths for it
  typesVersions: { '*': Object.fromEntries(subpaths.map((p) => [p, [`lib/constructs/${p}/index.d.ts`]])) },
});
project.package.addField('files', [
  'lib/**/*.js', 'lib/**/*.d.ts', 'lib/**/*.json', '!lib/tsconfig.tsbuildinfo',
  'bin/goldenpath', 'templates/', 'constructs/service/score/',
  'README.md', 'LICENSE', 'CHANGELOG.md',
]);
project.package.addField('main', 'lib/src/index.js');
project.package.addField('types', 'lib/src/index.d.ts');

project.synth();
