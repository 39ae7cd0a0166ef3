import { readFileSync } from 'fs';
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

});
