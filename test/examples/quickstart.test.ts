import { readFileSync } from 'fs';
import { join } from 'path';
import { quickstart } from '../../examples/quickstart';
import { Testing } from '../../src/cdk';
import { TAG_KEYS } from '../../src/core/tags';
import { blockingFindings, synthJson } from '../helpers';

describe('README quickstart (examples/quickstart.ts)', () => {
  test('synthesizes, tagged, described and clean under every guardrail', () => {
    const stack = quickstart(Testing.app());
    expect(() => Testing.fullSynth(stack)).not.toThrow();
    const json = synthJson(stack);
    const [bucket] = Object.values<any>(json.resource.aws_s3_bucket);
    expect(bucket.tags[TAG_KEYS.service]).toBe('ledger');
    expect(bucket['//'].goldenpath).toMatchObject({ kind: 'secure-bucket', team: 'payments' });
    expect(blockingFindings(json)).toEqual([]);
  });

  test('the README shows the same code', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const source = readFileSync(join(__dirname, '../../examples/quickstart.ts'), 'utf8');
    for (const line of ["GoldenPathContext.set(stack, { org: 'acme', team: 'payments', environment: 'dev', service: 'ledger' });",
      "const key = new EncryptionKey(stack, 'data-key', { accountId: '111111111111', purpose: 'ledger-data' });",
      "new SecureBucket(stack, 'exports', { bucketName: 'acme-ledger-exports-dev', kmsKeyArn: key.keyArn });",
      "new AwsProvider(stack, 'aws', { region: 'eu-west-1', allowedAccountIds: ['111111111111'] });"]) {
      expect(source).toContain(line);
      expect(readme).toContain(line);
    }
  });
});
