import { doc, Resources, RuleCases } from './cases';

const bucket = { 'aws_s3_bucket.b': { bucket: 'acme-logs' } };
const ref = '${aws_s3_bucket.b.id}';
const pab = (over: object = {}) => ({ 'aws_s3_bucket_public_access_block.p': { bucket: ref, block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true, ...over } });
const sse = (algorithm: string, key?: string) => ({ 'aws_s3_bucket_server_side_encryption_configuration.e': { bucket: ref, rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: algorithm, ...(key ? { kms_master_key_id: key } : {}) } }] } });
const tlsDeny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
const with_ = (...parts: Resources[]): Resources => Object.assign({}, bucket, ...parts);

export const S3_CASES: Record<string, RuleCases> = {
  'GP-S3-001': {
    pass: [with_(pab()), with_({ 'aws_s3_bucket_public_access_block.p': { ...pab()['aws_s3_bucket_public_access_block.p'], bucket: 'acme-logs' } })],
    fail: [bucket, with_(pab({ restrict_public_buckets: false }))],
    unknown: [with_(pab({ block_public_policy: '${var.block}' }))],
  },
  'GP-S3-002': {
    pass: [with_(sse('aws:kms', 'arn:key')), with_(sse('aws:kms')), { 'aws_s3_bucket.b': { bucket: 'x', server_side_encryption_configuration: { rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:key' } } } } }],
    fail: [bucket, with_(sse('AES256')), { 'aws_s3_bucket.b': { bucket: 'x', server_side_encryption_configuration: { rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } } } } }],
    unknown: [with_(sse('${var.algo}'))],
  },
  'GP-S3-003': {
    pass: [with_({ 'aws_s3_bucket_versioning.v': { bucket: ref, versioning_configuration: { status: 'Enabled' } } })],
    fail: [bucket, with_({ 'aws_s3_bucket_versioning.v': { bucket: ref, versioning_configuration: { status: 'Suspended' } } })],
    unknown: [with_({ 'aws_s3_bucket_versioning.v': { bucket: ref, versioning_configuration: { status: '${var.s}' } } })],
  },
  'GP-S3-004': {
    pass: [with_({ 'aws_s3_bucket_policy.p': { bucket: ref, policy: doc(tlsDeny) } })],
    fail: [bucket, with_({ 'aws_s3_bucket_policy.p': { bucket: ref, policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 's3:GetObject', Resource: 'x' }) } })],
    unknown: [with_({ 'aws_s3_bucket_policy.p': { bucket: ref, policy: '${data.aws_iam_policy_document.p.json}' } })],
  },
  'GP-S3-005': {
    pass: [with_({ 'aws_s3_bucket_ownership_controls.o': { bucket: ref, rule: { object_ownership: 'BucketOwnerEnforced' } } })],
    // the first resource is the one judged: a bucket without controls, then the controls resource itself
    fail: [bucket, { 'aws_s3_bucket_ownership_controls.o': { bucket: ref, rule: { object_ownership: 'ObjectWriter' } }, ...bucket }],
    unknown: [{ 'aws_s3_bucket_ownership_controls.o': { bucket: ref, rule: { object_ownership: '${var.o}' } }, ...bucket }],
  },
  'GP-S3-006': {
    target: 'aws_s3_bucket_acl.a',
    pass: [{ 'aws_s3_bucket_acl.a': { bucket: ref, acl: 'private' } }],
    fail: [{ 'aws_s3_bucket_acl.a': { bucket: ref, acl: 'public-read' } }, { 'aws_s3_bucket_acl.a': { bucket: ref, acl: 'authenticated-read' } }],
    unknown: [{ 'aws_s3_bucket_acl.a': { bucket: ref, acl: '${var.acl}' } }],
  },
  'GP-S3-007': {
    pass: [with_({ 'aws_s3_bucket_lifecycle_configuration.l': { bucket: ref, rule: [{ id: 'x', status: 'Enabled' }] } })],
    fail: [bucket],
  },
  'GP-S3-008': {
    pass: [with_({ 'aws_s3_bucket_logging.l': { bucket: ref, target_bucket: 'logs' } })],
    fail: [bucket],
  },
  'GP-S3-009': {
    pass: [pab(), { 'aws_s3_account_public_access_block.a': { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } }],
    fail: [pab({ ignore_public_acls: false }), { 'aws_s3_account_public_access_block.a': { block_public_acls: true } }],
    unknown: [pab({ block_public_acls: '${var.x}' })],
  },
  'GP-S3-010': {
    pass: [{ 'aws_s3_bucket_policy.p': { bucket: ref, policy: doc(tlsDeny) } },
      { 'aws_s3_bucket_policy.p': { bucket: ref, policy: doc({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'x', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }) } }],
    fail: [{ 'aws_s3_bucket_policy.p': { bucket: ref, policy: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'x' }) } }],
    unknown: [{ 'aws_s3_bucket_policy.p': { bucket: ref, policy: '${data.aws_iam_policy_document.p.json}' } }],
  },
  'GP-S3-011': {
    pass: [sse('aws:kms', 'arn:key')],
    fail: [sse('AES256'), sse('aws:kms')],
    unknown: [sse('${var.a}')],
  },
  'GP-S3-012': {
    pass: [{ 'aws_s3_bucket_versioning.v': { bucket: ref, versioning_configuration: { status: 'Enabled' } } }],
    fail: [{ 'aws_s3_bucket_versioning.v': { bucket: ref, versioning_configuration: { status: 'Disabled' } } }],
  },
  'GP-S3-013': {
    pass: [bucket, { 'aws_s3_bucket.b': { bucket: 'x', force_destroy: false } }],
    fail: [{ 'aws_s3_bucket.b': { bucket: 'x', force_destroy: true } }],
    unknown: [{ 'aws_s3_bucket.b': { bucket: 'x', force_destroy: '${var.f}' } }],
  },
};
