// Every command, given each kind of bad input: one line on stderr, exit 2, no stack trace,
// and no output file written. The same runs produce the table in docs/errors.md, so the
// table shows the messages users really get (UPDATE_ERRORS_DOC=1 rewrites it).
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from './run-cli';
import { MAX_JSON_DEPTH } from '../../src/core/files';

const root = mkdtempSync(join(tmpdir(), 'goldenpath-bad-input-'));
const at = (...p: string[]) => join(root, ...p);
const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};
/** A sparse file of `mb` megabytes: as big as a real one to stat, nothing to write. */
const huge = (path: string, mb: number) => {
  mkdirSync(join(path, '..'), { recursive: true });
  const fd = openSync(path, 'w');
  ftruncateSync(fd, mb * 1024 * 1024);
  closeSync(fd);
  return path;
};
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const manifest = (version: string, stacks: object = { app: { synthesizedStackPath: 'stacks/app/cdk.tf.json', dependencies: [] } }) =>
  JSON.stringify({ version, stacks });
/** A cdktf.out whose manifest is fine and whose one stack's cdk.tf.json is `stack`. */
const outWithStack = (name: string, stack: (path: string) => string) => {
  const dir = at(name);
  write(join(dir, 'manifest.json'), manifest('0.21.0'));
  stack(join(dir, 'stacks/app/cdk.tf.json'));
  return dir;
};
const withVersion = (name: string, version: string) => {
  const dir = outWithStack(name, (p) => write(p, '{}'));
  write(join(dir, 'manifest.json'), manifest(version));
  return dir;
};
const validPlan = write(at('valid', 'app.plan.json'), JSON.stringify({ format_version: '1.2', resource_changes: [] }));

/** Bad cdktf.out directories: [what, path]. */
const badOuts: Array<[string, () => string]> = [
  ['missing path', () => at('nowhere')],
  ['a file where the directory belongs', () => write(at('a-file'), '{}')],
  ['a directory without manifest.json', () => { mkdirSync(at('empty-dir'), { recursive: true }); return at('empty-dir'); }],
  ['an empty manifest.json', () => { write(at('empty-manifest', 'manifest.json'), ''); return at('empty-manifest'); }],
  ['a truncated manifest.json', () => { write(at('truncated', 'manifest.json'), manifest('0.21.0').slice(0, 30)); return at('truncated'); }],
  ['a manifest.json of the wrong shape', () => { write(at('wrong-shape', 'manifest.json'), '[1, 2, 3]'); return at('wrong-shape'); }],
  ['a cdktf.out from another cdktf version', () => withVersion('old-cdktf', '0.8.6')],
  ['a cdktf.out from a future cdktf major', () => withVersion('new-cdktf', '1.0.0')],
  ['a truncated cdk.tf.json', () => outWithStack('truncated-stack', (p) => write(p, '{"resource": {"aws_s3_bucket": {'))],
  ['a cdk.tf.json of the wrong shape', () => outWithStack('wrong-stack', (p) => write(p, '{"resource": {"aws_s3_bucket": ["not", "an", "object"]}}'))],
  ['a 100 MB cdk.tf.json', () => outWithStack('huge-stack', (p) => huge(p, 100))],
  ['a cdk.tf.json nested 100,000 levels deep', () => outWithStack('deep-stack', (p) => write(p, deep(100_000)))],
];

/** Bad files: [what, path]; each is given where a JSON (or Score) file belongs. */
const badFiles: Array<[string, () => string]> = [
  ['missing path', () => at('no-such-file.json')],
  ['a directory where the file belongs', () => { mkdirSync(at('a-dir'), { recursive: true }); return at('a-dir'); }],
  ['an empty file', () => write(at('empty.json'), '')],
  ['truncated JSON', () => write(at('truncated.json'), '{"format_version": "1.2", "resource_changes": [')],
  ['JSON of the wrong shape', () => write(at('shape.json'), '"just a string"')],
  ['a 100 MB file', () => huge(at('huge.json'), 100)],
  ['JSON nested 100,000 levels deep', () => write(at('deep.json'), deep(100_000))],
  // what `terraform plan -out` writes: a zip archive, control bytes and all
  ['a binary plan (terraform plan -out)', () => write(at('binary.tfplan'), 'PK\u0003\u0004\u0014\u0000\u0008\u0000tfplan\u0000\u0001\u0002')],
];

const goodOut = outWithStack('good-out', (p) => write(p, '{}'));
const aFile = () => write(at('outputs-taken', 'a-file'), 'kept as it was\n');
/** Bad output paths: [what, path]; `/sys` refuses new files even to root, as a read-only mount would. */
const badDirOutputs: Array<[string, () => string]> = [
  ['a file where the folder belongs', aFile],
  ['a folder under a file', () => join(aFile(), 'site')],
  ['a folder that cannot be written', () => '/sys/goldenpath-out'],
];
const badFileOutputs: Array<[string, () => string]> = [
  ['a folder where the file belongs', () => { mkdirSync(at('outputs-taken', 'a-folder'), { recursive: true }); return at('outputs-taken', 'a-folder'); }],
  ['a file under a file', () => join(aFile(), 'report.md')],
  ['a file in a folder that cannot be written', () => '/sys/goldenpath-report.md'],
];
/** Commands that write, given a good input and the output path under test. */
const dirOutputCommands: Array<[string, (out: string) => string[]]> = [
  ['catalog --out', (out) => ['catalog', goodOut, '--out', out]],
  ['portal --out', (out) => ['portal', goodOut, '--out', out, '--today', '2026-11-26']],
];
const fileOutputCommands: Array<[string, (out: string) => string[]]> = [
  ['check --output', (out) => ['check', goodOut, '--output', out]],
  ['plan --output', (out) => ['plan', validPlan, '--output', out]],
  ['plan --digest-out', (out) => ['plan', validPlan, '--digest-out', out]],
];

/** Commands that read a cdktf.out, with where they would write. */
const dirCommands: Array<[string, (dir: string, out: string) => string[]]> = [
  ['check', (dir, out) => ['check', dir, '--output', out]],
  ['catalog', (dir, out) => ['catalog', dir, '--out', out]],
  ['portal', (dir, out) => ['portal', dir, '--out', out, '--today', '2026-11-26']],
  ['stacks', (dir) => ['stacks', dir, '--waves']],
  ['plan --base/--head', (dir, out) => ['plan', '--base', dir, '--head', dir, '--output', out]],
  ['plan --cdktf-out', (dir, out) => ['plan', validPlan, '--cdktf-out', dir, '--output', out]],
];

/** Commands that read a file. */
const fileCommands: Array<[string, (file: string, out: string) => string[]]> = [
  ['plan <plan.json>', (file, out) => ['plan', `app=${file}`, '--output', out, '--digest-out', `${out}.digest`]],
  ['plan --from-json', (file, out) => ['plan', '--from-json', file, '--output', out]],
  ['plan --verify', (file, out) => ['plan', validPlan, '--verify', file, '--output', out]],
  ['new service --score', (file, out) => ['new', 'service', 'ledger', '--team', 'payments', '--score', file, '--dir', out]],
];

interface Row { command: string; input: string; message: string }
const rows: Row[] = [];

async function expectOneLineExit2(command: string, input: string, args: string[], out: string): Promise<void> {
  const r = await runCli(...args);
  const lines = r.err.split('\n').filter(Boolean);
  expect({ code: r.code, lines: lines.length }).toEqual({ code: 2, lines: 1 });
  expect(lines[0]).toMatch(/^goldenpath: /);
  expect(r.err).not.toMatch(/\n\s+at |internal error|TypeError|RangeError|Maximum call stack/);
  // eslint-disable-next-line no-control-regex
  expect(lines[0]).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/); // quoted bytes are escaped, never raw
  for (const written of [out, `${out}.digest`]) expect(existsSync(written)).toBe(false); // nothing half-written
  rows.push({ command, input, message: lines[0].split(root).join('<tmp>') });
}

describe('bad input to every command: one line on stderr, exit 2, nothing written', () => {
  let n = 0;
  for (const [command, args] of dirCommands) {
    test.each(badOuts)(`${command}: %s`, async (input, make) => {
      const out = at('outputs', `${n++}`);
      await expectOneLineExit2(command, input, args(make(), out), out);
    });
  }
  for (const [command, args] of fileCommands) {
    test.each(badFiles)(`${command}: %s`, async (input, make) => {
      const out = at('outputs', `${n++}`);
      await expectOneLineExit2(command, input, args(make(), out), out);
    });
  }

  const outputCases = [...dirOutputCommands.map(([c, a]) => [c, a, badDirOutputs] as const), ...fileOutputCommands.map(([c, a]) => [c, a, badFileOutputs] as const)];
  for (const [command, args, outputs] of outputCases) {
    test.each(outputs as Array<[string, () => string]>)(`${command}: %s`, async (input, make) => {
      const out = make();
      const before = existsSync(out) && !statSync(out).isDirectory() ? readFileSync(out, 'utf8') : undefined;
      const r = await runCli(...args(out));
      const lines = r.err.split('\n').filter(Boolean);
      expect({ code: r.code, lines: lines.length, out: r.out }).toEqual({ code: 2, lines: 1, out: '' });
      expect(lines[0]).toMatch(new RegExp(`^goldenpath: ${command.split(' ').pop()} `));
      // checked before any work: a file in the way is left as it was, nothing is made under it
      if (before !== undefined) expect(readFileSync(out, 'utf8')).toBe(before);
      rows.push({ command, input, message: lines[0].split(root).join('<tmp>') });
    });
  }

  test('the limits are what the messages say', async () => {
    expect((await runCli('plan', `app=${write(at('depth-ok.json'), `{"format_version":"1.2","x":${deep(MAX_JSON_DEPTH - 2)}}`)}`, '--format', 'json')).code).toBe(0);
    const prev = process.env.GOLDENPATH_MAX_INPUT_MB;
    process.env.GOLDENPATH_MAX_INPUT_MB = '200';
    try {
      // under a raised limit the same 100 MB file is read (and is not JSON: zero bytes)
      const r = await runCli('plan', `app=${huge(at('huge-ok.json'), 100)}`);
      expect(r.err).toMatch(/not valid JSON/);
    } finally {
      if (prev === undefined) delete process.env.GOLDENPATH_MAX_INPUT_MB;
      else process.env.GOLDENPATH_MAX_INPUT_MB = prev;
    }
  });

  test('an existing output is left whole when a run fails', async () => {
    const out = write(at('keep', 'report.md'), 'the last good report\n');
    const r = await runCli('check', at('nowhere'), '--output', out);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('the last good report\n');
    expect(readdirSync(at('keep'))).toEqual(['report.md']); // no temporary file left behind
  });

  test('docs/errors.md tabulates exactly these messages', () => {
    const table = ['| Command | Input | Message |', '| --- | --- | --- |',
      ...rows.map((r) => `| \`${r.command}\` | ${r.input} | ${r.message.replace(/\|/g, '\\|')} |`)].join('\n');
    const docPath = join(__dirname, '../../docs/errors.md');
    const doc = readFileSync(docPath, 'utf8');
    const start = '<!-- bad-input-table:start -->';
    const end = '<!-- bad-input-table:end -->';
    const [from, to] = [doc.indexOf(start) + start.length, doc.indexOf(end)];
    expect(to).toBeGreaterThan(from);
    const current = doc.slice(from, to).trim();
    if (process.env.UPDATE_ERRORS_DOC) {
      writeFileSync(docPath, `${doc.slice(0, from)}\n${table}\n${doc.slice(to)}`);
      return;
    }
    expect(rows.length).toBe(dirCommands.length * badOuts.length + fileCommands.length * badFiles.length
      + dirOutputCommands.length * badDirOutputs.length + fileOutputCommands.length * badFileOutputs.length);
    expect(current).toBe(table); // run with UPDATE_ERRORS_DOC=1 after changing a message
  });
});
