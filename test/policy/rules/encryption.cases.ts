import { doc, RuleCases } from './cases';

const key = (over: object = {}) => ({ 'aws_kms_key.k': { enable_key_rotation: true, deletion_window_in_days: 30, policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' }), ...over } });
const logs = (over: object = {}) => ({ 'aws_cloudwatch_log_group.l': { name: 'l', retention_in_days: 365, kms_key_id: 'arn:key', ...over } });
const publicDoc = doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
const ecr = (over: object = {}) => ({ 'aws_ecr_repository.r': { name: 'r', image_tag_mutability: 'IMMUTABLE', image_scanning_configuration: { scan_on_push: true }, encryption_configuration: { encryption_type: 'KMS', kms_key: 'arn' }, ...over } });

export const ENCRYPTION_CASES: Record<string, RuleCases> = {
  'GP-KMS-001': {
    pass: [key()],
    fail: [key({ enable_key_rotation: false }), key({ enable_key_rotation: undefined })],
    unknown: [key({ enable_key_rotation: '${var.r}' })],
    notApplicable: [key({ customer_master_key_spec: 'RSA_2048', enable_key_rotation: undefined })],
  },
  'GP-KMS-002': { pass: [key()], fail: [key({ policy: undefined })] },
  'GP-KMS-003': { pass: [key()], fail: [key({ policy: publicDoc })], unknown: [key({ policy: '${data.aws_iam_policy_document.k.json}' })] },
  'GP-KMS-004': { pass: [key(), key({ deletion_window_in_days: undefined })], fail: [key({ deletion_window_in_days: 7 })] },
  'GP-KMS-005': { pass: [key()], fail: [key({ is_enabled: false })] },
  'GP-LOG-001': { pass: [logs()], fail: [logs({ retention_in_days: undefined })], unknown: [logs({ retention_in_days: '${var.days}' })] },
  'GP-LOG-002': { pass: [logs()], fail: [logs({ kms_key_id: undefined })] },
  'GP-LOG-003': { pass: [logs({ retention_in_days: 90 })], fail: [logs({ retention_in_days: 30 })] },
  'GP-EBS-001': { pass: [{ 'aws_ebs_encryption_by_default.e': { enabled: true } }], fail: [{ 'aws_ebs_encryption_by_default.e': { enabled: false } }] },
  'GP-EBS-002': {
    pass: [{ 'aws_ebs_volume.v': { encrypted: true, kms_key_id: '${aws_kms_key.k.arn}', size: 10 } }],
    fail: [{ 'aws_ebs_volume.v': { size: 10 } }, { 'aws_ebs_volume.v': { encrypted: true, size: 10 } }, { 'aws_ebs_volume.v': { encrypted: true, kms_key_id: 'alias/aws/ebs' } }],
    unknown: [{ 'aws_ebs_volume.v': { encrypted: '${var.encrypted}', kms_key_id: 'arn:key' } }],
  },
  'GP-SNS-001': { pass: [{ 'aws_sns_topic.t': { kms_master_key_id: 'arn:key' } }], fail: [{ 'aws_sns_topic.t': { name: 't' } }] },
  'GP-SNS-002': {
    pass: [{ 'aws_sns_topic_policy.p': { arn: 't', policy: doc({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Resource: 't' }) } }],
    fail: [{ 'aws_sns_topic_policy.p': { arn: 't', policy: publicDoc } }],
  },
  'GP-SQS-001': { pass: [{ 'aws_sqs_queue.q': { kms_master_key_id: 'arn:key' } }], fail: [{ 'aws_sqs_queue.q': { sqs_managed_sse_enabled: true } }] },
  'GP-SQS-002': {
    pass: [{ 'aws_sqs_queue_policy.p': { queue_url: 'q', policy: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: 'q' }) } }],
    fail: [{ 'aws_sqs_queue_policy.p': { queue_url: 'q', policy: publicDoc } }, { 'aws_sqs_queue.q': { policy: publicDoc } }],
    notApplicable: [{ 'aws_sqs_queue.q': { name: 'q' } }],
  },
  'GP-SQS-003': {
    pass: [{ 'aws_sqs_queue.q': { name: 'jobs', redrive_policy: '{"deadLetterTargetArn":"arn","maxReceiveCount":5}' } }],
    fail: [{ 'aws_sqs_queue.q': { name: 'jobs' } }],
    notApplicable: [{ 'aws_sqs_queue.q': { name: 'jobs-dlq' } }, { 'aws_sqs_queue.q': { name: 'x1' }, 'aws_sqs_queue.main': { name: 'x', redrive_policy: '{"deadLetterTargetArn":"${aws_sqs_queue.q.arn}"}' } }],
  },
  'GP-SQS-004': {
    pass: [{ 'aws_sqs_queue_policy.p': { queue_url: 'q', policy: doc({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: 'q' }) } }],
    fail: [{ 'aws_sqs_queue_policy.p': { queue_url: 'q', policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/x' }, Action: '*', Resource: 'q' }) } },
      { 'aws_sqs_queue.q': { name: 'q', policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/x' }, Action: 'sqs:*', Resource: 'q' }) } }],
    unknown: [{ 'aws_sqs_queue_policy.p': { queue_url: 'q', policy: '${data.aws_iam_policy_document.unknown.json}' } }],
    notApplicable: [{ 'aws_sqs_queue.q': { name: 'q' } }],
  },
  'GP-ECR-001': { pass: [ecr()], fail: [ecr({ image_scanning_configuration: undefined })] },
  'GP-ECR-002': { pass: [ecr()], fail: [ecr({ image_tag_mutability: 'MUTABLE' }), ecr({ image_tag_mutability: undefined })] },
  'GP-ECR-003': { pass: [ecr()], fail: [ecr({ encryption_configuration: undefined })] },
  'GP-ECR-004': {
    pass: [{ 'aws_ecr_repository_policy.p': { repository: 'r', policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'ecr:BatchGetImage' }) } }],
    fail: [{ 'aws_ecr_repository_policy.p': { repository: 'r', policy: publicDoc } }],
  },
};
