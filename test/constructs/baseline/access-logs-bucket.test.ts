import { AccessLogsBucket } from '../../../constructs/baseline/access-logs-bucket';
import { SecureBucket } from '../../../constructs/baseline/secure-bucket';
import { evaluateStack, RuleSet } from '../../../src/policy/engine';
import { BUILT_IN_PACKS } from '../../../src/policy/packs';
import { stackView } from '../../../src/policy/stack-view';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

describe('AccessLogsBucket', () => {
  const { stack } = contextStack();
  const logs = new AccessLogsBucket(stack, 'logs', { accountId: '111111111111', bucketName: 'acme-access-logs', retentionDays: 90 });
  new SecureBucket(stack, 'data', { bucketName: 'acme-data', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k', accessLogsBucket: logs.bucketName });
  const json = synthJson(stack);

  test('SSE-S3 (what S3 log delivery requires), logs expire, only S3 logging of this account may write', () => {
    const sse = ofType(json, 'aws_s3_bucket_server_side_encryption_configuration').map((c) => c.rule[0].apply_server_side_encryption_by_default.sse_algorithm).sort();
    expect(sse).toEqual(['AES256', 'aws:kms']);
    const policy = JSON.parse(ofType(json, 'aws_s3_bucket_policy').find((p) => p.policy.includes('S3ServerAccessLogs')).policy);
    expect(policy.Statement[1]).toMatchObject({ Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } });
    expect(ofType(json, 'aws_s3_bucket_lifecycle_configuration').some((l) => l.rule[0].expiration?.[0]?.days === 90)).toBe(true);
    expect(ofType(json, 'aws_s3_bucket_logging')[0].target_bucket).toMatch(/^\$\{aws_s3_bucket\.logs_bucket_\w+\.bucket\}$/);
  });

  test('its loosening is suppressed with reasons, visible in the findings; nothing else fires', () => {
    expect(blockingFindings(json)).toEqual([]);
    const suppressed = evaluateStack(stackView('test', json), new RuleSet(BUILT_IN_PACKS)).filter((f) => f.status === 'suppressed');
    expect(suppressed.map((f) => [f.ruleId, f.suppression?.reason]).sort()).toEqual([
      ['GP-S3-002', 'S3 server access logs can only be delivered to buckets encrypted with SSE-S3'],
      ['GP-S3-008', 'the access-log bucket does not log access to itself (that would loop)'],
      ['GP-S3-011', 'S3 server access logs can only be delivered to buckets encrypted with SSE-S3'],
    ]);
    expect(evaluateStack(stackView('test', json), new RuleSet(BUILT_IN_PACKS)).filter((f) => f.status !== 'suppressed')).toEqual([]);
  });

  test('a SecureBucket without a key must say why', () => {
    const { stack: s } = contextStack();
    expect(() => new SecureBucket(s, 'b', { bucketName: 'acme-b' })).toThrow('test/b: `kmsKeyArn` must be given (or `s3ManagedEncryptionReason` must say why SSE-S3 is needed), got nothing');
  });
});
