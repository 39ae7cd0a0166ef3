import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: any) => { out += s; return true; });
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: any) => { err += s; return true; });
  try {
    process.exitCode = undefined;
    const code = await main(['node', 'goldenpath', ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

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

  test('a command that is not built yet says so and exits 2', async () => {
    const r = await run('portal');
    expect(r.code).toBe(2);
    expect(r.err).toBe("goldenpath: 'portal' is not available in this version\n");
  });
});
