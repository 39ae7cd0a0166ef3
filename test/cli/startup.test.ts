// The CLI loads only what the command it runs needs: `goldenpath plan` and `--help` must not
// load cdktf, the portal's graph layout or the scaffolder (each costs start-up time on every
// CI run). These modules are replaced by factories that throw, so loading one fails the run.
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from './run-cli';

jest.mock('cdktf', () => { throw new Error('cdktf was loaded'); });
jest.mock('elkjs/lib/elk.bundled.js', () => { throw new Error('elkjs was loaded'); });
jest.mock('../../src/portal/site', () => { throw new Error('the portal was loaded'); });
jest.mock('../../src/scaffold/generate', () => { throw new Error('the scaffolder was loaded'); });

const plan = join(mkdtempSync(join(tmpdir(), 'gp-startup-')), 'app.plan.json');
writeFileSync(plan, JSON.stringify({
  format_version: '1.2',
  resource_changes: [{ address: 'aws_sqs_queue.q', type: 'aws_sqs_queue', name: 'q', mode: 'managed', change: { actions: ['create'], before: null, after: { name: 'q' }, after_unknown: {} } }],
}));

test('--help loads no command', async () => {
  const r = await runCli('--help');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/Usage: goldenpath/);
});

test('plan runs without cdktf, the portal or the scaffolder', async () => {
  const r = await runCli('plan', plan, '--format', 'text');
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  expect(r.out).toContain('aws_sqs_queue.q');
});

test('the portal command does load what it needs (the mocks above are really in the way)', async () => {
  const r = runCli('portal', join(plan, '..'), '--out', join(plan, '..', 'site'));
  await expect(r).rejects.toThrow(/the portal was loaded/);
});
