import { execFileSync } from 'child_process';
import { join } from 'path';

/** What `npm pack` would ship, as npm itself lists it. */
function packed(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(__dirname, '../..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out)[0].files.map((f: { path: string }) => f.path).sort();
}

describe('the package ships only itself', () => {
  const files = packed();

  test('every file is on the allow-list: the build, the CLI, templates, the Score schema, README, LICENSE, CHANGELOG', () => {
    const allowed = [/^lib\/.+\.(js|d\.ts|json)$/, /^bin\/goldenpath$/, /^templates\//, /^constructs\/service\/score\//, /^(README\.md|LICENSE|CHANGELOG\.md|package\.json)$/];
    expect(files.filter((f) => !allowed.some((a) => a.test(f)))).toEqual([]);
  });

  test('none of the repository around it: sources, tests, examples, benches, scripts, CI, cdktf.out', () => {
    expect(files.filter((f) => /^(src|test|examples|bench|scripts|\.ci|cdktf\.out|docs|api)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  test('what a user needs is there', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/goldenpath', 'templates/service/main.ts.mustache', 'templates/common/_gitignore', 'constructs/service/score/score-v1b1.json', 'README.md', 'LICENSE']));
  });
});
