// The same input gives the same bytes: two synths of the example org, one from another
// working directory, are byte-identical, and so are the catalog, portal and plan report made
// from them. No output holds a timestamp, an absolute path or a path of this machine.
import { execFileSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { homedir, tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../cli/run-cli';
import { fileTree } from '../helpers';

const repo = join(__dirname, '../..');
const TODAY = '2026-11-26';

/** Synthesize examples/acme in a child process, as `cdktf synth` runs it, from `cwd`. */
function synthExample(cwd: string): string {
  const outdir = mkdtempSync(join(tmpdir(), 'gp-determinism-'));
  execFileSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), join(repo, 'examples/acme/main.ts')], {
    cwd,
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', TS_NODE_PROJECT: join(repo, 'tsconfig.json') },
    stdio: 'pipe',
  });
  return outdir;
}

/** Run the CLI in-process from another working directory. */
async function cliFrom(cwd: string, ...args: string[]) {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await runCli(...args);
  } finally {
    process.chdir(before);
  }
}

/** What must never appear in an output: this machine's paths and clock times. */
function leaks(files: Record<string, string>, dirs: string[]): string[] {
  const found: string[] = [];
  // the temp dirs themselves, not the bare tmpdir: "/tmp" is also a legitimate mount path
  const needles = [repo, `${homedir()}/`, ...dirs].filter((n) => n.length > 2);
  for (const [file, text] of Object.entries(files)) {
    for (const n of needles) if (text.includes(n)) found.push(`${file}: contains the path ${n}`);
    const time = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/.exec(text);
    if (time) found.push(`${file}: contains the timestamp ${time[0]}`);
  }
  return found;
}

describe('deterministic, machine-free output', () => {
  let a: string;
  let b: string;
  beforeAll(() => {
    a = synthExample(repo);
    b = synthExample(mkdtempSync(join(tmpdir(), 'gp-elsewhere-')));
  }, 120_000);

  test('two synths of the example, from different working directories, are byte-identical', () => {
    const [ta, tb] = [fileTree(a, { encoding: 'latin1' }), fileTree(b, { encoding: 'latin1' })];
    expect(Object.keys(ta).length).toBeGreaterThan(10);
    expect(Object.keys(tb)).toEqual(Object.keys(ta));
    for (const file of Object.keys(ta)) expect({ file, same: tb[file] === ta[file] }).toEqual({ file, same: true });
    expect(leaks(ta, [a, b])).toEqual([]);
  });

  test.each([
    ['catalog', (out: string, to: string) => ['catalog', out, '--out', to, '--today', TODAY, '--portal-url', 'https://portal.acme.example']],
    ['portal', (out: string, to: string) => ['portal', out, '--out', to, '--today', TODAY]],
  ])('%s output is byte-identical from either synth and either working directory', async (_name, args) => {
    const [toA, toB] = [mkdtempSync(join(tmpdir(), 'gp-det-a-')), mkdtempSync(join(tmpdir(), 'gp-det-b-'))];
    expect((await cliFrom(repo, ...args(a, toA))).code).toBe(0);
    expect((await cliFrom(tmpdir(), ...args(b, toB))).code).toBe(0);
    const [ta, tb] = [fileTree(toA, { encoding: 'latin1' }), fileTree(toB, { encoding: 'latin1' })];
    expect(Object.keys(ta).length).toBeGreaterThan(2);
    expect(tb).toEqual(ta);
    expect(leaks(ta, [a, b, toA, toB])).toEqual([]);
  });

  test('the plan report, as Markdown and as JSON, is byte-identical from either synth and either working directory', async () => {
    const plan = join(repo, 'test/fixtures/terraform-plans/opentofu-multi-resource-update.json');
    const args = (out: string) => ['plan', `acme-dev=${plan}`, '--cdktf-out', out];
    const fromRepo = await cliFrom(repo, ...args(a));
    const fromElsewhere = await cliFrom(tmpdir(), ...args(b));
    expect(fromRepo.code).toBe(0);
    expect(fromRepo.out.length).toBeGreaterThan(200);
    expect(fromElsewhere.out).toBe(fromRepo.out);
    const json = await cliFrom(repo, ...args(a), '--format', 'json');
    expect(json.out).toBe((await cliFrom(tmpdir(), ...args(b), '--format', 'json')).out);
    expect(leaks({ 'plan.md': fromRepo.out, 'plan.json': json.out }, [a, b])).toEqual([]);
  });
});
