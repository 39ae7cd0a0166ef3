import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from './run-cli';
import { stackWaves } from '../../src/cli/stacks';
import { readCdktfOut } from '../../src/core/cdktf-out';
import { acmeOut } from '../acme-out';
import { plainText } from '../helpers';

const plan = (after: string) => JSON.stringify({
  format_version: '1.2',
  resource_changes: [{ address: 'aws_sqs_queue.q', type: 'aws_sqs_queue', name: 'q', mode: 'managed', change: { actions: ['update'], before: { name: 'q', delay_seconds: 0 }, after: { name: 'q', delay_seconds: after } } }],
});

describe('apply waves follow manifest.json', () => {
  test('the environment stack first, then the runtime (namespaces, node pool), then the stacks on it; stacks outside the environment do not hold it back', () => {
    const waves = stackWaves(readCdktfOut(acmeOut('gp-waves-')), ['dev', 'prod', 'staging']);
    expect(waves.dev).toEqual([['acme-dev'], ['acme-dev-runtime'], ['acme-dev-observability', 'acme-dev-payments', 'acme-dev-search']]);
    expect(waves.staging).toEqual([]);
  });

  test('a cycle is bad input', () => {
    const stack = (name: string, dependencies: string[]) => ({ name, file: name, json: { '//': { goldenpath: { environment: 'dev' } } }, lines: new Map(), dependencies });
    expect(() => stackWaves([stack('a', ['b']), stack('b', ['a'])])).toThrow('stacks of dev depend on each other in a cycle: a, b');
  });
});

describe('apply only what was reviewed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-review-'));
  writeFileSync(join(dir, 'reviewed.json'), plan('5'));
  writeFileSync(join(dir, 'same.json'), plan('5'));
  writeFileSync(join(dir, 'other.json'), plan('60'));

  test('the digest holds addresses, actions and digests, no values; the same plan verifies', async () => {
    const digest = join(dir, 'digest.json');
    expect((await runCli('plan', `q=${join(dir, 'reviewed.json')}`, '--format', 'json', '--digest-out', digest)).code).toBe(0);
    const text = readFileSync(digest, 'utf8');
    expect(JSON.parse(text).stacks.q).toEqual([{ address: 'aws_sqs_queue.q', action: 'update', digest: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(text).not.toContain('delay_seconds');
    const same = await runCli('plan', `q=${join(dir, 'same.json')}`, '--verify', digest);
    expect([same.code, same.err]).toEqual([0, 'goldenpath plan: the plan matches the reviewed change set\n']);
  });

  test('a plan that changed since the review is refused, saying why', async () => {
    const digest = join(dir, 'digest.json');
    await runCli('plan', `q=${join(dir, 'reviewed.json')}`, '--digest-out', digest);
    const r = await runCli('plan', `q=${join(dir, 'other.json')}`, '--verify', digest);
    expect(r.code).toBe(1);
    expect(r.err).toBe('goldenpath plan: the plan differs from the reviewed one; nothing may be applied:\n  q: aws_sqs_queue.q update changes other attributes than reviewed\n');
  });

  test('one comment from the reviews of several plan jobs (--from-json)', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await runCli('plan', `one=${join(dir, 'same.json')}`, '--format', 'json', '--output', a);
    await runCli('plan', `two=${join(dir, 'other.json')}`, '--format', 'json', '--output', b);
    const r = await runCli('plan', '--from-json', a, b);
    expect(r.code).toBe(0);
    expect(plainText(r.out)).toMatch(/\*\*2 to update\*\* across 2 stacks[\s\S]*### Stack <code>one<\/code>[\s\S]*### Stack <code>two<\/code>/);
    const bad = await runCli('plan', '--from-json', join(dir, 'same.json'));
    expect([bad.code, bad.err.trim().split('\n').length]).toEqual([2, 1]);
  });
});
