import { AccountBaseline, DEFAULT_CONFIG_RULES } from '../../../constructs/baseline';
import { Testing } from '../../../src/cdk';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

function baseline(props: Partial<ConstructorParameters<typeof AccountBaseline>[2]> = {}) {
  const { stack } = contextStack();
  new AccountBaseline(stack, 'baseline', { org: 'acme', accountId: '111111111111', region: 'eu-west-1', ...props });
  return { stack, json: synthJson(stack) };
}

describe('AccountBaseline', () => {
  const { stack, json } = baseline();

  test('CloudTrail: multi-region, validated, KMS-encrypted, to a secured bucket and to CloudWatch Logs', () => {
    const [trail] = ofType(json, 'aws_cloudtrail');
    expect(trail).toMatchObject({ is_multi_region_trail: true, enable_log_file_validation: true, include_global_service_events: true });
    expect(trail.kms_key_id).toMatch(/^\$\{aws_kms_key\./);
    expect(trail.cloud_watch_logs_group_arn).toMatch(/aws_cloudwatch_log_group\..*\.arn\}:\*$/);
    expect(trail.depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_policy\./)]);
    const policy = JSON.parse(ofType(json, 'aws_s3_bucket_policy').find((p) => p.policy.includes('TrailWrite')).policy);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(['DenyInsecureTransport', 'TrailAclCheck', 'TrailWrite', 'ConfigAclCheck', 'ConfigWrite']);
    expect(policy.Statement[2].Condition.StringEquals['aws:SourceArn']).toBe('arn:aws:cloudtrail:eu-west-1:111111111111:trail/goldenpath-audit');
    expect(ofType(json, 'aws_s3_bucket').map((b) => b.bucket).sort()).toEqual(['acme-audit-111111111111-eu-west-1', 'acme-audit-111111111111-eu-west-1-access-logs']);
    expect(ofType(json, 'aws_s3_bucket_logging')[0]).toMatchObject({ target_prefix: 'acme-audit-111111111111-eu-west-1/' });
  });

  test('AWS Config records everything, is on, and has the managed rules', () => {
    expect(ofType(json, 'aws_config_configuration_recorder')[0].recording_group).toEqual({ all_supported: true, include_global_resource_types: true });
    expect(ofType(json, 'aws_config_configuration_recorder_status')[0].is_enabled).toBe(true);
    expect(ofType(json, 'aws_config_config_rule').map((r) => r.source.source_identifier).sort()).toEqual([...DEFAULT_CONFIG_RULES].sort());
    const role = ofType(json, 'aws_iam_role').find((r) => JSON.parse(r.assume_role_policy).Statement[0].Principal.Service === 'config.amazonaws.com');
    expect(JSON.parse(role.assume_role_policy).Statement[0].Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '111111111111' } });
  });

  test('GuardDuty, Access Analyzer, account public access block, EBS encryption, password policy', () => {
    expect(ofType(json, 'aws_guardduty_detector')[0].enable).toBe(true);
    expect(ofType(json, 'aws_accessanalyzer_analyzer')[0].type).toBe('ACCOUNT');
    expect(ofType(json, 'aws_s3_account_public_access_block')[0]).toMatchObject({ block_public_acls: true, restrict_public_buckets: true });
    expect(ofType(json, 'aws_ebs_encryption_by_default')[0].enabled).toBe(true);
    expect(ofType(json, 'aws_iam_account_password_policy')[0]).toMatchObject({ minimum_password_length: 14, password_reuse_prevention: 24 });
  });

  test('passes every built-in guardrail with no suppression, and synthesizes', () => {
    expect(blockingFindings(json)).toEqual([]);
    expect(() => Testing.fullSynth(stack)).not.toThrow();
  });

  test('custom managed rules', () => {
    const { json: custom } = baseline({ configRules: ['S3_BUCKET_VERSIONING_ENABLED'] });
    expect(ofType(custom, 'aws_config_config_rule').map((r) => r.name)).toEqual(['s3-bucket-versioning-enabled']);
  });

  test('bad managed rule identifier', () => {
    expect(() => baseline({ configRules: ['s3 versioning'] }))
      .toThrow('test/baseline/config: `managedRules[0]` must be an AWS managed rule identifier such as S3_BUCKET_SSL_REQUESTS_ONLY, got "s3 versioning"');
  });

  test('bad log retention', () => {
    expect(() => baseline({ logRetentionDays: 0 })).toThrow('test/baseline: `logRetentionDays` must be a whole number of at least 1, got 0');
  });

  test('bad account id', () => {
    expect(() => baseline({ accountId: 'abc' })).toThrow('test/baseline: `accountId` must be a 12-digit AWS account id, got "abc"');
  });
});
