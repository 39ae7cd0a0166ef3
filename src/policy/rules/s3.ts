import { ResourceView, Rule, RuleOutcome, StackView } from '../model';
import { blocks, citing, collect, customerKey, fail, forbid, get, isExpression, list, PASS, requireEquals, requireTrue, unknown } from '../values';
import { conditionValues, parsePolicy, publicPolicy } from './policy-document';

const BUCKET = ['aws_s3_bucket'];
const PAB_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
/** Checkov's check for each public access block flag on aws_s3_bucket_public_access_block. */
const PAB_CHECKS: Record<string, string> = { block_public_acls: 'CKV_AWS_53', block_public_policy: 'CKV_AWS_54', ignore_public_acls: 'CKV_AWS_55', restrict_public_buckets: 'CKV_AWS_56' };

/** Resources of `type` configuring this bucket (by reference, its literal name or the same expression). */
function attached(stack: StackView, bucket: ResourceView, type: string): readonly ResourceView[] {
  return stack.attached(bucket, [type], 'bucket', 'bucket');
}

/** Is the bucket configured by a split resource of `type` or by its own inline `block` (a `dynamic` one is unknown)? */
function configured(stack: StackView, bucket: ResourceView, type: string, block: string, missing: string): RuleOutcome {
  if (attached(stack, bucket, type).length || blocks(bucket.config[block]).length) return PASS;
  return isExpression(bucket.config[block]) ? unknown(block, 'is a dynamic block whose content is known only at plan time') : fail(missing);
}

/** Each flag must be true; the failure cites the Checkov checks of the flags that are not. */
function flags(config: unknown, where: string, cite: (flag: string) => readonly string[]): RuleOutcome {
  return collect(PAB_FLAGS.map((flag) => citing(requireTrue(config, flag, `${where} does not set \`${flag}\` to true`), cite(flag))));
}

const PUBLIC_GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

/** Canned ACLs and grants that open a bucket, with the Checkov checks each one fails. */
function publicAcl(resource: ResourceView): RuleOutcome {
  const c = resource.config;
  const outcomes: RuleOutcome[] = [];
  if (isExpression(c.acl)) outcomes.push(unknown('acl'));
  else if (c.acl === 'public-read-write') outcomes.push(fail('acl is public-read-write', 'acl', ['CKV_AWS_20', 'CKV_AWS_57']));
  // "website" is no canned ACL S3 accepts, but it was the old way to publish a site, and Checkov fails it too
  else if (['public-read', 'authenticated-read', 'website'].includes(String(c.acl))) outcomes.push(fail(`acl is ${String(c.acl)}`, 'acl', ['CKV_AWS_20']));
  // inline `grant` blocks (aws_s3_bucket) and access_control_policy grants (aws_s3_bucket_acl)
  const grants = resource.type === 'aws_s3_bucket'
    ? blocks(c.grant).map((g) => ({ uri: g.uri, permissions: list(g.permissions).map(String), path: 'grant' }))
    : blocks(get(c, 'access_control_policy')).flatMap((p) => blocks(p.grant)).map((g) => ({ uri: get(g, 'grantee.uri'), permissions: [String(g.permission)], path: 'access_control_policy.grant' }));
  if (isExpression(c.grant) || isExpression(get(c, 'access_control_policy.grant'))) outcomes.push(unknown(resource.type === 'aws_s3_bucket' ? 'grant' : 'access_control_policy.grant', 'is a dynamic block whose content is known only at plan time'));
  for (const g of grants) {
    if (isExpression(g.uri)) {
      outcomes.push(unknown(g.path));
      continue;
    }
    const group = PUBLIC_GROUPS[String(g.uri)];
    if (!group) continue;
    const reads = g.permissions.some((p) => p === 'READ' || p === 'FULL_CONTROL' || p === 'READ_ACP');
    const writes = g.permissions.some((p) => p === 'WRITE' || p === 'FULL_CONTROL' || p === 'WRITE_ACP');
    const cites = group === 'AuthenticatedUsers' && resource.type === 'aws_s3_bucket_acl' ? ['CKV2_AWS_43'] : [];
    if (group === 'AllUsers' && reads) cites.push('CKV_AWS_20');
    if (group === 'AllUsers' && writes) cites.push('CKV_AWS_57');
    outcomes.push(fail(`a grant gives ${g.permissions.join(', ')} to ${group}`, g.path, cites));
  }
  return collect(outcomes);
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
    checkovDifferences: 'CKV2_AWS_6 asks for block_public_acls and block_public_policy; this rule wants all four flags, since each closes a different path (the other two fail here alone).',
    cis: ['2.1.4'],
    evaluate(bucket, stack) {
      const found = attached(stack, bucket, 'aws_s3_bucket_public_access_block');
      if (found.length === 0) return fail('no aws_s3_bucket_public_access_block refers to this bucket');
      return flags(found[0].config, found[0].address, (flag) => (flag === 'block_public_acls' || flag === 'block_public_policy' ? ['CKV2_AWS_6'] : []));
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
    checkovDifferences: 'A bucket whose inline default encryption uses the AWS-managed aws/s3 key fails here only: no key policy of yours governs that key.',
    cis: ['2.1.1'],
    evaluate(bucket, stack) {
      const inline = bucket.config.server_side_encryption_configuration;
      const split = attached(stack, bucket, 'aws_s3_bucket_server_side_encryption_configuration');
      const configs = [...split.map((r) => r.config), ...blocks(inline)];
      if (configs.length === 0) {
        return isExpression(inline) ? unknown('server_side_encryption_configuration', 'is a dynamic block whose content is known only at plan time')
          : fail('no server-side encryption configuration refers to this bucket');
      }
      const path = 'rule.apply_server_side_encryption_by_default';
      const algorithm = get(configs[0], `${path}.sse_algorithm`);
      if (isExpression(algorithm)) return unknown(`${path}.sse_algorithm`);
      if (algorithm === undefined) return fail('the encryption configuration sets no sse_algorithm', `${path}.sse_algorithm`);
      // CKV_AWS_19 accepts SSE-S3 too; an algorithm S3 does not know fails both
      if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') {
        return fail(`encryption uses ${String(algorithm)}, not aws:kms`, `${path}.sse_algorithm`, algorithm === 'AES256' ? ['CKV_AWS_145'] : ['CKV_AWS_145', 'CKV_AWS_19']);
      }
      // the key of a split configuration is judged there (GP-S3-011); an inline one here
      if (split.length) return PASS;
      return customerKey(get(configs[0], `${path}.kms_master_key_id`), `${path}.kms_master_key_id`, 's3',
        { message: 'encryption uses the AWS-managed aws/s3 key, which no key policy of yours governs', checkov: [] });
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
      if (versioning.length) {
        const status = get(versioning[0].config, 'versioning_configuration.status');
        if (isExpression(status)) return unknown('versioning_configuration.status');
        return status === 'Enabled' ? PASS : fail(`versioning is ${status === undefined ? 'not configured' : String(status)}`, 'versioning_configuration.status');
      }
      const enabled = get(bucket.config, 'versioning.enabled');
      if (isExpression(enabled)) return unknown('versioning.enabled');
      return enabled === true || enabled === 'true' ? PASS : fail('versioning is not enabled', 'versioning');
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
      const documents = [...attached(stack, bucket, 'aws_s3_bucket_policy').map((p) => p.config.policy), bucket.config.policy].filter((d) => d !== undefined);
      if (documents.length === 0) return fail('no bucket policy refers to this bucket, so plain-HTTP requests are allowed');
      let sawUnknown = false;
      for (const document of documents) {
        const parsed = parsePolicy(document);
        if (parsed.kind === 'unknown') sawUnknown = true;
        if (parsed.kind !== 'parsed') continue;
        const denies = parsed.statements.some((s) => s.effect === 'Deny' && s.actions.some((a) => a === 's3:*' || a === '*') &&
          conditionValues(s.condition, 'aws:SecureTransport').some((c) => c.operator === 'Bool' && c.values.map(String).includes('false')));
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
    resourceTypes: [...BUCKET, 'aws_s3_bucket_ownership_controls'],
    checkov: ['CKV2_AWS_65'],
    checkovDifferences: 'Checkov judges the ownership controls resource; a bucket that has none fails here only.',
    evaluate(resource, stack) {
      if (resource.type === 'aws_s3_bucket') {
        return attached(stack, resource, 'aws_s3_bucket_ownership_controls').length ? PASS : fail('no aws_s3_bucket_ownership_controls refers to this bucket', undefined, []);
      }
      const ownership = get(resource.config, 'rule.object_ownership');
      if (isExpression(ownership)) return unknown('rule.object_ownership');
      return ownership === 'BucketOwnerEnforced' ? PASS : fail(`object ownership is ${String(ownership ?? 'not set')}`, 'rule.object_ownership');
    },
  },
  {
    id: 'GP-S3-006',
    title: 'No public ACL or grant',
    severity: 'error',
    rationale: 'public-read, public-read-write and authenticated-read ACLs, and grants to the AllUsers or AuthenticatedUsers groups, expose objects to the internet or to every AWS account.',
    remediation: 'Remove the ACL and grants; grant access with a bucket policy to named principals.',
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_acl'],
    checkov: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV2_AWS_43'],
    evaluate(resource, stack) {
      if (resource.type === 'aws_s3_bucket_acl') return publicAcl(resource);
      // a bucket is as public as the ACL resources attached to it
      return collect([publicAcl(resource), ...attached(stack, resource, 'aws_s3_bucket_acl').map((acl) => {
        const out = publicAcl(acl);
        return out.status === 'fail' ? { ...out, message: `${acl.address}: ${out.message}`, checkov: (out.checkov ?? []).filter((id) => id !== 'CKV2_AWS_43') } : out;
      })]);
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
    checkovDifferences: 'Deprecated inline lifecycle_rule blocks count here, since they do configure the lifecycle; CKV2_AWS_61 counts only the split resource.',
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
    // Checkov's four checks look at bucket-level blocks only
    evaluate: (resource) => flags(resource.config, 'the public access block', (flag) => (resource.type === 'aws_s3_bucket_public_access_block' ? [PAB_CHECKS[flag]] : [])),
  },
  {
    id: 'GP-S3-010',
    title: 'Bucket policy does not allow everyone',
    severity: 'error',
    rationale: 'An Allow to Principal "*" (or to roles in any account) without a condition that narrows the caller makes the bucket public whatever the ACLs say.',
    remediation: 'Name the principals, or add a condition such as aws:PrincipalOrgID.',
    resourceTypes: ['aws_s3_bucket_policy', 'aws_s3_bucket'],
    checkov: ['CKV_AWS_70'],
    checkovDifferences: 'aws:SourceAccount and aws:SourceArn count as narrowing conditions here (CKV_AWS_70 ignores them); an Allow to everyone except some ARNs (ArnNotEquals, ArnNotLike) fails here and passes CKV_AWS_70; and roles in any account (arn:aws:iam::*:role/x) count as everyone here (CKV_AWS_70 reads only "*").',
    // CKV_AWS_70 reads "*" principals, and passes a statement that excludes some ARNs (ArnNotEquals, ArnNotLike)
    evaluate: (resource) => publicPolicy(resource.config.policy, 'policy', (s) =>
      (s.principals.some((p) => p === '*' || p === 'AWS:*') && !Object.keys(s.condition).some((op) => /^ArnNot(Equals|Like)$/i.test(op)) ? ['CKV_AWS_70'] : [])),
  },
  {
    id: 'GP-S3-011',
    title: 'Encryption configuration uses a customer KMS key',
    severity: 'error',
    rationale: 'The split encryption resource decides the bucket default; AES256 there downgrades every new object, and the AWS-managed aws/s3 key cannot be governed by a key policy.',
    remediation: 'Set rule.apply_server_side_encryption_by_default.sse_algorithm to aws:kms with kms_master_key_id of a customer key.',
    resourceTypes: ['aws_s3_bucket_server_side_encryption_configuration'],
    checkov: ['CKV_AWS_145'],
    checkovDifferences: 'The AWS-managed aws/s3 key fails here; CKV_AWS_145 accepts any aws:kms configuration.',
    evaluate(resource) {
      const path = 'rule.apply_server_side_encryption_by_default';
      const algorithm = get(resource.config, `${path}.sse_algorithm`);
      if (isExpression(algorithm)) return unknown(`${path}.sse_algorithm`);
      if (algorithm === undefined) return fail('the configuration sets no sse_algorithm', `${path}.sse_algorithm`);
      if (algorithm !== 'aws:kms' && algorithm !== 'aws:kms:dsse') return fail(`sse_algorithm is ${String(algorithm)}`, `${path}.sse_algorithm`);
      return customerKey(get(resource.config, `${path}.kms_master_key_id`), `${path}.kms_master_key_id`, 's3',
        { message: 'uses the AWS-managed aws/s3 key, which no key policy of yours governs', checkov: [] });
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
