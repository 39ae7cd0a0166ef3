import { ResourceView, Rule, RuleOutcome, StackView } from '../model';
import { all, blocks, fail, forbid, get, isExpression, NOT_APPLICABLE, PASS, requireEquals, requireTrue, unknown } from '../values';
import { conditionValues, parsePolicy, publicPolicy } from './policy-document';

const BUCKET = ['aws_s3_bucket'];
const PAB_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** Resources of `type` configuring this bucket (by reference or by its literal name). */
function attached(stack: StackView, bucket: ResourceView, type: string): readonly ResourceView[] {
  return stack.attached(bucket, [type], 'bucket', 'bucket');
}

/** Is the bucket configured by a split resource of `type` or by its own inline `block`? */
function configured(stack: StackView, bucket: ResourceView, type: string, block: string, missing: string): RuleOutcome {
  return attached(stack, bucket, type).length || blocks(bucket.config[block]).length ? PASS : fail(missing);
}

function allFlags(config: unknown, where: string): RuleOutcome {
  return all(...PAB_FLAGS.map((flag) => requireTrue(config, flag, `${where} does not set \`${flag}\` to true`)));
}

export const S3_RULES: Rule[] = [
  {
    id: 'GP-S3-001',
    title: 'Bucket blocks all public access',
    severity: 'error',
    rationale: 'A bucket without a public access block can be made public by one ACL or policy change.',
    remediation: 'Add an aws_s3_bucket_public_access_block for the bucket with all four flags true (SecureBucket does).',
    resourceTypes: BUCKET,
    checkov: ['CKV2_AWS_6'],
    cis: ['2.1.4'],
    evaluate(bucket, stack) {
      const blocksFound = attached(stack, bucket, 'aws_s3_bucket_public_access_block');
      if (blocksFound.length === 0) return fail('no aws_s3_bucket_public_access_block refers to this bucket');
      return allFlags(blocksFound[0].config, blocksFound[0].address);
    },
  },
  {
    id: 'GP-S3-002',
    title: 'Bucket is encrypted with a KMS key',
    severity: 'error',
    rationale: 'SSE-KMS puts reads behind a key policy and CloudTrail records every decrypt; SSE-S3 does neither.',
    remediation: 'Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms and a customer key.',
    resourceTypes: BUCKET,
    checkov: ['CKV_AWS_145', 'CKV_AWS_19'],
    cis: ['2.1.1'],
    evaluate(bucket, stack) {
      const configs = [
        ...attached(stack, bucket, 'aws_s3_bucket_server_side_encryption_configuration').map((r) => r.config),
        ...blocks(bucket.config.server_side_encryption_configuration),
      ];
      if (configs.length === 0) return fail('no server-side encryption configuration refers to this bucket');
      const algorithm = get(configs[0], 'rule.apply_server_side_encryption_by_default.sse_algorithm');
      if (isExpression(algorithm)) return unknown('rule.apply_server_side_encryption_by_default.sse_algorithm');
      if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') return fail(`encryption uses ${String(algorithm)}, not aws:kms`, 'sse_algorithm');
      return PASS;
    },
  },
  {
    id: 'GP-S3-003',
    title: 'Bucket keeps object versions',
    severity: 'error',
    rationale: 'Versioning is how an overwritten or deleted object (or a state file) is recovered.',
    remediation: 'Add an aws_s3_bucket_versioning with status Enabled.',
    resourceTypes: BUCKET,
    checkov: ['CKV_AWS_21'],
    evaluate(bucket, stack) {
      const versioning = attached(stack, bucket, 'aws_s3_bucket_versioning');
      const status = versioning.length ? get(versioning[0].config, 'versioning_configuration.status')
        : (get(bucket.config, 'versioning.enabled') === true ? 'Enabled' : undefined);
      if (isExpression(status)) return unknown('versioning_configuration.status');
      return status === 'Enabled' ? PASS : fail('versioning is not enabled', 'versioning_configuration.status');
    },
  },
  {
    id: 'GP-S3-004',
    title: 'Bucket refuses requests without TLS',
    severity: 'error',
    rationale: 'Without a deny on aws:SecureTransport=false, clients may read and write over plain HTTP. Checkov has no check for this.',
    remediation: 'Add a bucket policy statement: Deny s3:* to * when aws:SecureTransport is false (SecureBucket does).',
    resourceTypes: BUCKET,
    evaluate(bucket, stack) {
      const policies = attached(stack, bucket, 'aws_s3_bucket_policy');
      if (policies.length === 0) return fail('no bucket policy refers to this bucket, so plain-HTTP requests are allowed');
      let sawUnknown = false;
      for (const p of policies) {
        const parsed = parsePolicy(p.config.policy);
        if (parsed.kind === 'unknown') sawUnknown = true;
        if (parsed.kind !== 'parsed') continue;
        const denies = parsed.statements.some((s) => s.effect === 'Deny' && s.actions.some((a) => a === 's3:*' || a === '*') &&
          conditionValues(s.condition, 'aws:SecureTransport').some((c) => c.operator === 'Bool' && c.values.includes('false')));
        if (denies) return PASS;
      }
      return sawUnknown ? unknown('policy', 'is a document resolved at plan time') : fail('the bucket policy has no Deny for aws:SecureTransport = false', 'policy');
    },
  },
  {
    id: 'GP-S3-005',
    title: 'Bucket disables ACLs (BucketOwnerEnforced)',
    severity: 'warning',
    rationale: 'With ACLs disabled, only policies grant access, and objects written by others still belong to the bucket owner.',
    remediation: 'Add aws_s3_bucket_ownership_controls with object_ownership BucketOwnerEnforced.',
    resourceTypes: BUCKET,
    checkov: ['CKV2_AWS_65'],
    evaluate(bucket, stack) {
      const controls = attached(stack, bucket, 'aws_s3_bucket_ownership_controls');
      if (controls.length === 0) return fail('no aws_s3_bucket_ownership_controls refers to this bucket');
      const ownership = get(controls[0].config, 'rule.object_ownership');
      if (isExpression(ownership)) return unknown('rule.object_ownership');
      return ownership === 'BucketOwnerEnforced' ? PASS : fail(`object ownership is ${String(ownership)}`, 'rule.object_ownership');
    },
  },
  {
    id: 'GP-S3-006',
    title: 'No public canned ACL',
    severity: 'error',
    rationale: 'public-read, public-read-write and authenticated-read ACLs expose objects to the internet or to every AWS account.',
    remediation: 'Remove the ACL; grant access with a bucket policy to named principals.',
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_acl'],
    checkov: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV2_AWS_43'],
    evaluate(resource) {
      const acl = resource.config.acl;
      if (acl === undefined) return resource.type === 'aws_s3_bucket' ? PASS : NOT_APPLICABLE;
      if (isExpression(acl)) return unknown('acl');
      return ['public-read', 'public-read-write', 'authenticated-read'].includes(String(acl)) ? fail(`acl is ${String(acl)}`, 'acl') : PASS;
    },
  },
  {
    id: 'GP-S3-007',
    title: 'Bucket has a lifecycle configuration',
    severity: 'warning',
    rationale: 'Without lifecycle rules, old versions and failed multipart uploads are kept, and paid for, forever.',
    remediation: 'Add an aws_s3_bucket_lifecycle_configuration that expires noncurrent versions and aborts incomplete uploads.',
    resourceTypes: BUCKET,
    checkov: ['CKV2_AWS_61'],
    evaluate: (bucket, stack) => configured(stack, bucket, 'aws_s3_bucket_lifecycle_configuration', 'lifecycle_rule', 'no lifecycle configuration refers to this bucket'),
  },
  {
    id: 'GP-S3-008',
    title: 'Bucket logs server access',
    severity: 'info',
    rationale: 'Access logs show who read what; CloudTrail data events are the costlier alternative.',
    remediation: 'Add an aws_s3_bucket_logging pointing at a log bucket (SecureBucket accessLogsBucket).',
    resourceTypes: BUCKET,
    checkov: ['CKV_AWS_18'],
    cis: ['3.6'],
    evaluate: (bucket, stack) => configured(stack, bucket, 'aws_s3_bucket_logging', 'logging', 'server access logging is not configured'),
  },
  {
    id: 'GP-S3-009',
    title: 'Public access block sets all four flags',
    severity: 'error',
    rationale: 'Each flag closes a different path to public data; one left false keeps that path open.',
    remediation: 'Set block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets to true.',
    resourceTypes: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
    checkov: ['CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'],
    cis: ['2.1.4'],
    evaluate(resource) {
      return allFlags(resource.config, 'the public access block');
    },
  },
  {
    id: 'GP-S3-010',
    title: 'Bucket policy does not allow everyone',
    severity: 'error',
    rationale: 'An Allow to Principal "*" without a condition makes the bucket public whatever the ACLs say.',
    remediation: 'Name the principals, or add a condition such as aws:PrincipalOrgID.',
    resourceTypes: ['aws_s3_bucket_policy'],
    checkov: ['CKV_AWS_70'],
    evaluate: (resource) => publicPolicy(resource.config.policy, 'policy'),
  },
  {
    id: 'GP-S3-011',
    title: 'Encryption configuration uses KMS',
    severity: 'error',
    rationale: 'The split encryption resource decides the bucket default; AES256 there downgrades every new object.',
    remediation: 'Set rule.apply_server_side_encryption_by_default.sse_algorithm to aws:kms with kms_master_key_id.',
    resourceTypes: ['aws_s3_bucket_server_side_encryption_configuration'],
    checkov: ['CKV_AWS_145'],
    evaluate(resource) {
      const algorithm = get(resource.config, 'rule.apply_server_side_encryption_by_default.sse_algorithm');
      if (isExpression(algorithm)) return unknown('rule.apply_server_side_encryption_by_default.sse_algorithm');
      if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') return fail(`sse_algorithm is ${String(algorithm)}`, 'rule.apply_server_side_encryption_by_default.sse_algorithm');
      const key = get(resource.config, 'rule.apply_server_side_encryption_by_default.kms_master_key_id');
      return key ? PASS : fail('no kms_master_key_id: the AWS-managed aws/s3 key cannot be governed by a key policy', 'rule.apply_server_side_encryption_by_default.kms_master_key_id');
    },
  },
  {
    id: 'GP-S3-012',
    title: 'Versioning resource is Enabled',
    severity: 'error',
    rationale: 'A versioning resource left Suspended or Disabled looks like protection but is none.',
    remediation: 'Set versioning_configuration.status to Enabled.',
    resourceTypes: ['aws_s3_bucket_versioning'],
    checkov: ['CKV_AWS_21'],
    evaluate: (resource) => requireEquals(resource.config, 'versioning_configuration.status', 'Enabled'),
  },
  {
    id: 'GP-S3-013',
    title: 'Bucket is not force-destroyed',
    severity: 'warning',
    rationale: 'force_destroy lets one terraform destroy delete every object, including old versions.',
    remediation: 'Leave force_destroy false; empty the bucket deliberately when retiring it.',
    resourceTypes: BUCKET,
    evaluate: (bucket) => forbid(bucket.config, 'force_destroy', true),
  },
];
