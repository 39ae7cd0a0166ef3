import { SecureBucket } from '../../../constructs/baseline/secure-bucket';
import { ofType, synthJson, testStack } from '../../helpers';

function bucket(props: Partial<ConstructorParameters<typeof SecureBucket>[2]> = {}) {
  const { stack } = testStack();
  new SecureBucket(stack, 'logs', { bucketName: 'acme-logs', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/abc', ...props });
  return synthJson(stack);
}

describe('SecureBucket', () => {
  test('versioned, SSE-KMS, public access blocked, owner-enforced, TLS-only', () => {
    const json = bucket();
    expect(ofType(json, 'aws_s3_bucket_versioning')[0].versioning_configuration.status).toBe('Enabled');
    const sse = ofType(json, 'aws_s3_bucket_server_side_encryption_configuration')[0].rule[0];
    expect(sse.apply_server_side_encryption_by_default).toEqual({ sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:eu-west-1:111111111111:key/abc' });
    expect(ofType(json, 'aws_s3_bucket_public_access_block')[0]).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(ofType(json, 'aws_s3_bucket_ownership_controls')[0].rule.object_ownership).toBe('BucketOwnerEnforced');
    const policy = JSON.parse(ofType(json, 'aws_s3_bucket_policy')[0].policy);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(ofType(json, 'aws_s3_bucket')[0].force_destroy).toBe(false);
  });

  test('access logging only when a target bucket is given', () => {
    expect(ofType(bucket(), 'aws_s3_bucket_logging')).toHaveLength(0);
    expect(ofType(bucket({ accessLogsBucket: 'acme-access-logs' }), 'aws_s3_bucket_logging')[0].target_bucket).toBe('acme-access-logs');
  });

  test('extra policy statements follow the TLS-only deny', () => {
    const json = bucket({ policyStatements: [{ Sid: 'Extra', Effect: 'Allow' }] });
    const policy = JSON.parse(ofType(json, 'aws_s3_bucket_policy')[0].policy);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(['DenyInsecureTransport', 'Extra']);
  });

  test('bad bucket name', () => {
    expect(() => bucket({ bucketName: 'Acme_Logs' })).toThrow(/test\/logs: `bucketName` must be lowercase letters.*got "Acme_Logs"/);
  });

  test('bad noncurrentVersionDays', () => {
    expect(() => bucket({ noncurrentVersionDays: 0 })).toThrow('test/logs: `noncurrentVersionDays` must be a whole number of at least 1, got 0');
  });

  // found by the fuzz harness: a half-written expression reached Terraform as the key
  test.each(['${', 'alias/aws/s3', 'arn:aws:s3:::bucket'])('kmsKeyArn %j is neither a KMS ARN nor a reference', (kmsKeyArn) => {
    expect(() => bucket({ kmsKeyArn })).toThrow(`test/logs: \`kmsKeyArn\` must be an ARN of kms (arn:aws:kms:…) or a reference to one, got ${JSON.stringify(kmsKeyArn)}`);
  });

  test('a KMS key ARN, an alias ARN and a reference are keys', () => {
    for (const kmsKeyArn of ['arn:aws:kms:eu-west-1:111111111111:key/0b1c', 'arn:aws:kms:eu-west-1:111111111111:alias/data', '${aws_kms_key.k.arn}']) expect(() => bucket({ kmsKeyArn })).not.toThrow();
  });
});
