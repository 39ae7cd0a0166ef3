import { main } from '../../src/cli/main';

/** Run the CLI in-process, capturing stdout and stderr. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
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
