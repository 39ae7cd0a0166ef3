import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from './run-cli';

const fixture = (name: string) => join(__dirname, '../fixtures/terraform-plans', `${name}.json`);

describe('goldenpath plan', () => {
  test('Markdown by default, from several plan files', async () => {
    const r = await runCli('plan', fixture('opentofu-requires-replace'), `prod=${fixture('opentofu-basic-delete')}`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^## Plan review\n\n\*\*1 to update · 1 to replace · 1 to destroy\*\* across 2 stacks/);
    expect(r.out).toContain('### Stack <code>prod</code>');
  });

  test('--format json and text', async () => {
    const json = JSON.parse((await runCli('plan', fixture('opentofu-moved'), '--format', 'json')).out);
    expect(json.stacks[0].changes[0]).toMatchObject({ address: 'test_instance.baz', previousAddress: 'test_instance.foo' });
    expect((await runCli('plan', fixture('opentofu-moved'), '-f', 'text')).out).toMatch(/~ {3}test_instance.baz {2}\(moved from test_instance.foo\)/);
  });

  test('bad input: one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-plan-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format_version": "9.0"}');
    const cases: Array<[string[], RegExp]> = [
      [[bad], /^goldenpath: .*bad\.json: format_version "9\.0" is not supported \(0\.x or 1\.x; is this a terraform show -json plan\?\)\n$/],
      [[join(dir, 'missing.json')], /^goldenpath: .*missing\.json: no such file; expected a plan as JSON \(terraform show -json\)\n$/],
      [['--base', dir], /^goldenpath: --base and --head go together\n$/],
      [[], /^goldenpath: give one or more plan files/],
      [[fixture('opentofu-moved'), fixture('opentofu-moved')], /two plan files for stack opentofu-moved/],
      [[fixture('opentofu-moved'), '--max-chars', 'lots'], /--max-chars must be a whole number of at least 2000, got "lots"/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli('plan', ...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(message);
    }
  });
});
