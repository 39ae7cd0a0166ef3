import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SecureBucket } from '../../constructs/baseline/secure-bucket';
import { App, TerraformStack } from '../../src/cdk';
import { GoldenPathContext } from '../../src/core/context';
import { diffCdktfOut, REPLACEMENT_UNKNOWN } from '../../src/plan/config-diff';
import { enrich } from '../../src/plan/enrich';
import { renderPlanMarkdown as render } from '../../src/plan/render-markdown';
import { plainText } from '../helpers';

function synth(build: (app: App) => void): string {
  const outdir = mkdtempSync(join(tmpdir(), 'gp-diff-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

function stack(app: App, id: string): TerraformStack {
  const s = new TerraformStack(app, id);
  GoldenPathContext.set(s, { org: 'acme', team: 'payments', service: 'ledger', environment: 'dev' });
  new AwsProvider(s, 'aws', { region: 'eu-west-1' });
  return s;
}

const KEY = 'arn:aws:kms:eu-west-1:111111111111:key/k';
const base = synth((app) => {
  const s = stack(app, 'payments');
  new SecureBucket(s, 'exports', { bucketName: 'acme-exports', kmsKeyArn: KEY });
  new SqsQueue(s, 'jobs', { name: 'jobs', kmsMasterKeyId: KEY });
  new SqsQueue(stack(app, 'retired'), 'old', { name: 'old', kmsMasterKeyId: KEY });
});
const head = synth((app) => {
  const s = stack(app, 'payments');
  new SecureBucket(s, 'exports', { bucketName: 'acme-exports', kmsKeyArn: KEY, noncurrentVersionDays: 30 });
  new SecurityGroup(s, 'debug', { name: 'debug', ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'], description: 'debug' }] });
});

describe('offline review of two cdktf.out trees', () => {
  const diff = diffCdktfOut(base, head);
  const stacks = enrich(diff.stacks, diff.head);
  const payments = stacks.find((s) => s.stack === 'payments')!;
  const find = (prefix: string) => payments.changes.find((c) => c.address.startsWith(prefix))!;

  test('creates, updates and deletes, with no claim about replacement', () => {
    expect(find('aws_security_group.debug')).toMatchObject({ action: 'create', reason: 'added to the configuration' });
    expect(find('aws_sqs_queue.jobs')).toMatchObject({ action: 'delete', reason: 'removed from the configuration', stateful: true });
    const lifecycle = find('aws_s3_bucket_lifecycle_configuration.exports_lifecycle');
    expect(lifecycle).toMatchObject({ action: 'update', reason: REPLACEMENT_UNKNOWN });
    expect(lifecycle.attributes).toEqual([{ path: 'rule[id=expire-old-versions].noncurrent_version_expiration[0].noncurrent_days', before: '90', after: '30' }]);
    expect(payments.changes).toHaveLength(3);
    expect(payments.source).toBe('config-diff');
  });

  test('a removed stack deletes all its resources', () => {
    expect(stacks.find((s) => s.stack === 'retired')!.changes.map((c) => [c.address, c.action, c.reason]))
      .toEqual([['aws_sqs_queue.old', 'delete', 'the whole stack was removed']]);
  });

  test('changes carry owner, construct path and kind from the metadata', () => {
    expect(find('aws_s3_bucket_lifecycle_configuration.exports_lifecycle').ownership).toEqual({
      constructPath: 'payments/exports/lifecycle', owner: 'group:payments', team: 'payments', kind: 'secure-bucket',
    });
  });

  test('guardrail findings of the head configuration are attached to changed resources', () => {
    expect(find('aws_security_group.debug').findings?.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['GP-NET-001', 'GP-NET-005']));
    expect(find('aws_sqs_queue.jobs').findings).toBeUndefined();
  });

  test('the Markdown says it is an offline review', () => {
    const md = plainText(render({ stacks }));
    expect(md).toMatch(/Offline review of two cdktf.out trees: updates may turn out to be replacements \(replacement not known without a plan\)/);
    expect(md).toMatch(/⛔ <code>GP-NET-001<\/code> ingress from 0.0.0.0\/0 reaches port 22/);
    expect(md).toMatch(/⚠️ \*\*Risk: 2 resources that hold data destroyed or replaced\*\*/);
  });
});
