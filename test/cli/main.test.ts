import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from './run-cli';

const run = runCli;

describe('goldenpath CLI', () => {
  test('--version prints the package version', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version);
  });

  test('--help lists the subcommands', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    for (const cmd of ['check', 'plan', 'catalog', 'portal', 'new']) expect(r.out).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
  });

  test('an unknown command is one line on stderr and exit 2', async () => {
    const r = await run('nonsense');
    expect(r.code).toBe(2);
    expect(r.err).toBe("goldenpath: unknown command 'nonsense'\n");
  });

  test('an unknown flag is one line on stderr and exit 2', async () => {
    const r = await run('--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/unknown option '--frobnicate'/);
  });

  test('the bin script, before the first build, says so in one line and exits 2', () => {
    // a copy of bin/ with no lib/ beside it: what a fresh clone has before `projen compile`
    const clone = mkdtempSync(join(tmpdir(), 'goldenpath-unbuilt-'));
    mkdirSync(join(clone, 'bin'));
    copyFileSync(join(__dirname, '../../bin/goldenpath'), join(clone, 'bin/goldenpath'));
    const r = spawnSync(process.execPath, [join(clone, 'bin/goldenpath'), 'check'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('goldenpath: the CLI is not built yet (no lib/); run `npx projen compile` (or `npm run build`) in the goldenpath checkout first\n');
  });
});
