import { ResourceView, Rule } from '../model';
import { citing, customerKey, fail, forbid, isExpression, NOT_APPLICABLE, PASS, requireAtLeast, requireEquals, requireSet, requireTrue, unknown } from '../values';
import { parsePolicy, publicPolicy, Statement } from './policy-document';

/** Principal `*` in either spelling: what Checkov's "any principal" checks look for. */
const anyPrincipal = (s: Statement) => s.principals.some((p) => p === '*' || p === 'AWS:*');

/** Log retention as Terraform reads it: undefined when unset (kept forever), 0 also means forever. */
function retention(r: ResourceView): number | 'unknown' | undefined {
  const v = r.config.retention_in_days;
  if (isExpression(v)) return 'unknown';
  return v === undefined || v === null ? undefined : Number(v);
}

export const ENCRYPTION_RULES: Rule[] = [
  {
    id: 'GP-KMS-001',
    title: 'KMS key rotates',
    severity: 'error',
    rationale: 'Rotation limits how much data one key version protects.',
    remediation: 'Set enable_key_rotation = true (EncryptionKey does).',
    resourceTypes: ['aws_kms_key'],
    checkov: ['CKV_AWS_7'],
    cis: ['3.8'],
    evaluate(r) {
      const spec = r.config.customer_master_key_spec;
      if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return NOT_APPLICABLE; // asymmetric and HMAC keys cannot rotate
      return requireTrue(r.config, 'enable_key_rotation', 'key rotation is off');
    },
  },
  {
    id: 'GP-KMS-002',
    title: 'KMS key has an explicit key policy',
    severity: 'error',
    rationale: 'Without a policy the default grants the whole account; an explicit one is reviewed with the code.',
    remediation: 'Set policy on the key (EncryptionKey writes one).',
    resourceTypes: ['aws_kms_key'],
    checkov: ['CKV2_AWS_64'],
    evaluate(r, stack) {
      if (r.config.policy !== undefined && r.config.policy !== '') return PASS;
      // a separate aws_kms_key_policy is as explicit as an inline one
      return stack.attached(r, ['aws_kms_key_policy'], 'key_id').length ? PASS : fail('the key has no explicit policy (inline or aws_kms_key_policy)', 'policy');
    },
  },
  {
    id: 'GP-KMS-003',
    title: 'KMS key policy does not allow everyone',
    severity: 'error',
    rationale: 'Principal * without a condition that narrows the caller (kms:CallerAccount, aws:PrincipalOrgID and the like) lets any AWS account use or manage the key.',
    remediation: 'Name the principals, or add a condition such as kms:CallerAccount.',
    resourceTypes: ['aws_kms_key', 'aws_kms_key_policy'],
    checkov: ['CKV_AWS_33'],
    checkovDifferences: 'CKV_AWS_33 fails Principal * even with a condition; AWS documents Principal * with kms:CallerAccount or aws:PrincipalOrgID for keys shared across an account or organisation, so such a condition passes here.',
    evaluate: (r) => publicPolicy(r.config.policy, 'policy', (s) => (r.type === 'aws_kms_key' && anyPrincipal(s) ? ['CKV_AWS_33'] : [])),
  },
  {
    id: 'GP-KMS-004',
    title: 'KMS key keeps a deletion window of at least 14 days',
    severity: 'warning',
    rationale: 'A short window leaves little time to notice a scheduled deletion that would make data unreadable.',
    remediation: 'Set deletion_window_in_days to 14–30 (default 30).',
    resourceTypes: ['aws_kms_key'],
    evaluate: (r) => requireAtLeast(r.config, 'deletion_window_in_days', 14, 'deletion_window_in_days is below 14', 30),
  },
  {
    id: 'GP-KMS-005',
    title: 'KMS key is enabled',
    severity: 'info',
    rationale: 'A disabled key breaks every reader of data encrypted under it.',
    remediation: 'Remove is_enabled = false, or delete the key deliberately.',
    resourceTypes: ['aws_kms_key'],
    checkov: ['CKV_AWS_227'],
    evaluate: (r) => forbid(r.config, 'is_enabled', false),
  },
  {
    id: 'GP-LOG-001',
    title: 'Log group has a retention period',
    severity: 'error',
    rationale: 'Logs kept forever cost money and hold personal data past any lawful need.',
    remediation: 'Set retention_in_days to a number of days (the environment profile gives one).',
    resourceTypes: ['aws_cloudwatch_log_group'],
    checkov: ['CKV_AWS_66', 'CKV_AWS_338'],
    checkovDifferences: 'A retention_in_days of 0 ("never expire") passes CKV_AWS_66 and CKV_AWS_338; it fails here, because keeping logs forever is what this rule prevents.',
    evaluate(r) {
      const days = retention(r);
      if (days === 'unknown') return unknown('retention_in_days');
      if (days === undefined) return fail('retention_in_days is not set, so logs are kept forever', 'retention_in_days');
      return days === 0 ? fail('retention_in_days is 0, which keeps logs forever', 'retention_in_days', []) : PASS;
    },
  },
  {
    id: 'GP-LOG-002',
    title: 'Log group is encrypted with a KMS key',
    severity: 'error',
    rationale: 'Logs carry tokens, addresses and payloads; a customer key puts reading them behind a key policy.',
    remediation: 'Set kms_key_id to the environment logs key.',
    resourceTypes: ['aws_cloudwatch_log_group'],
    checkov: ['CKV_AWS_158'],
    evaluate: (r) => requireSet(r.config, 'kms_key_id', 'no kms_key_id'),
  },
  {
    id: 'GP-LOG-003',
    title: 'Log group keeps logs at least 90 days',
    severity: 'info',
    rationale: 'Incidents are often found weeks later; CIS-style audits ask for a year.',
    remediation: 'Raise retention_in_days, or accept for short-lived environments.',
    resourceTypes: ['aws_cloudwatch_log_group'],
    checkov: ['CKV_AWS_338'],
    checkovDifferences: 'The threshold is 90 days (CKV_AWS_338 asks for 365): short-lived environments keep 90 days; retention of 90 to 364 days passes here and fails Checkov.',
    evaluate(r) {
      // unset and 0 keep logs forever (GP-LOG-001 judges that); Checkov asks for a year, we for 90 days
      const days = retention(r);
      if (days === 'unknown') return unknown('retention_in_days');
      return days === undefined || days === 0 || days >= 90 ? PASS : fail(`retention_in_days is ${days}, below 90`, 'retention_in_days');
    },
  },
  {
    id: 'GP-EBS-001',
    title: 'EBS encryption by default is on',
    severity: 'error',
    rationale: 'Account-wide default encryption means no volume or snapshot is ever written in clear.',
    remediation: 'Add aws_ebs_encryption_by_default with enabled = true (AccountBaseline does).',
    resourceTypes: ['aws_ebs_encryption_by_default'],
    checkov: ['CKV_AWS_106'],
    cis: ['2.2.1'],
    evaluate: (r) => forbid(r.config, 'enabled', false),
  },
  {
    id: 'GP-EBS-002',
    title: 'EBS volume is encrypted',
    severity: 'error',
    rationale: 'Unencrypted volumes and their snapshots can be shared or copied in clear; a customer key (not aws/ebs) keeps sharing them behind a key policy.',
    remediation: 'Set encrypted = true with a kms_key_id of a customer key.',
    resourceTypes: ['aws_ebs_volume'],
    checkov: ['CKV_AWS_3', 'CKV_AWS_189'],
    checkovDifferences: 'A volume encrypted with the AWS-managed alias/aws/ebs key passes CKV_AWS_189 and fails here.',
    evaluate(r) {
      const encrypted = requireTrue(r.config, 'encrypted', 'encrypted is not true');
      const key = customerKey(r.config.kms_key_id, 'kms_key_id', 'ebs', { checkov: ['CKV_AWS_189'] });
      if (encrypted.status === 'fail') return citing(encrypted, key.status === 'fail' ? ['CKV_AWS_3', ...(key.checkov ?? [])] : ['CKV_AWS_3']);
      return encrypted.status === 'unknown' ? encrypted : key;
    },
  },
  {
    id: 'GP-SNS-001',
    title: 'SNS topic is encrypted',
    severity: 'error',
    rationale: 'Alert payloads name systems and people; encryption keeps them behind a key policy.',
    remediation: 'Set kms_master_key_id (AlertRouting does).',
    resourceTypes: ['aws_sns_topic'],
    checkov: ['CKV_AWS_26'],
    checkovDifferences: 'The AWS-managed alias/aws/sns key passes CKV_AWS_26 and fails here.',
    evaluate: (r) => customerKey(r.config.kms_master_key_id, 'kms_master_key_id', 'sns'),
  },
  {
    id: 'GP-SNS-002',
    title: 'SNS topic policy is not public',
    severity: 'error',
    rationale: 'Principal * on a topic lets anyone publish (spoof alerts) or subscribe (read them).',
    remediation: 'Name the publishing services or accounts, with aws:SourceAccount conditions.',
    resourceTypes: ['aws_sns_topic_policy'],
    checkov: ['CKV_AWS_169'],
    evaluate: (r) => publicPolicy(r.config.policy, 'policy', () => ['CKV_AWS_169']),
  },
  {
    id: 'GP-SQS-001',
    title: 'SQS queue is encrypted with a KMS key',
    severity: 'error',
    rationale: 'Messages carry business data; a customer key puts reading them behind a key policy. SQS-managed SSE and the aws/sqs key do not.',
    remediation: 'Set kms_master_key_id to a customer key.',
    resourceTypes: ['aws_sqs_queue'],
    checkov: ['CKV_AWS_27', 'CKV2_AWS_73'],
    evaluate: (r) => customerKey(r.config.kms_master_key_id, 'kms_master_key_id', 'sqs', { checkov: ['CKV_AWS_27'] }, ['CKV2_AWS_73']),
  },
  {
    id: 'GP-SQS-002',
    title: 'SQS queue policy is not public',
    severity: 'error',
    rationale: 'Principal * on a queue lets anyone send or receive its messages.',
    remediation: 'Name the principals, or add aws:SourceArn / aws:SourceAccount conditions.',
    resourceTypes: ['aws_sqs_queue_policy', 'aws_sqs_queue'],
    checkov: ['CKV_AWS_168', 'CKV_AWS_387'],
    checkovDifferences: 'Conditions that narrow the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, ...) pass here; CKV_AWS_387 only looks for the presence of a Condition block.',
    evaluate: (r) => publicPolicy(r.config.policy, 'policy', (s) => [
      'CKV_AWS_168',
      // CKV_AWS_387: a wildcard principal with an SQS action and no Condition at all, on queue policies
      ...(r.type === 'aws_sqs_queue_policy' && anyPrincipal(s) && !s.hasCondition && s.actions.some((a) => a === '*' || /^sqs:/i.test(a)) ? ['CKV_AWS_387'] : []),
    ]),
  },
  {
    id: 'GP-SQS-004',
    title: 'SQS queue policy does not allow every action',
    severity: 'error',
    rationale: 'Action * on a queue includes deleting it, purging it and changing its policy, whoever the principal is.',
    remediation: 'Allow only sqs:SendMessage, sqs:ReceiveMessage and the other actions the principal needs.',
    resourceTypes: ['aws_sqs_queue_policy', 'aws_sqs_queue'],
    checkov: ['CKV_AWS_72'],
    checkovDifferences: 'CKV_AWS_72 reads the first statement and Action "*" only; every statement and sqs:* count here.',
    evaluate(r) {
      const parsed = parsePolicy(r.config.policy);
      if (parsed.kind === 'none') return NOT_APPLICABLE;
      if (parsed.kind === 'unknown') return unknown('policy', parsed.why);
      const open = parsed.statements.find((s) => s.effect === 'Allow' && s.actions.some((a) => a === '*' || /^sqs:\*$/i.test(a)));
      if (!open) return PASS;
      // CKV_AWS_72 looks for Action "*" on queue policies
      return fail(`statement ${open.sid ?? '(no Sid)'} allows ${open.actions.join(', ')}`, 'policy', r.type === 'aws_sqs_queue_policy' && open.actions.includes('*') ? ['CKV_AWS_72'] : []);
    },
  },
  {
    id: 'GP-SQS-003',
    title: 'SQS queue has a dead-letter queue',
    severity: 'warning',
    rationale: 'Without a DLQ a poison message is retried until it expires, and the failure is invisible.',
    remediation: 'Set redrive_policy with a deadLetterTargetArn (the queue dependency of Service does).',
    resourceTypes: ['aws_sqs_queue'],
    evaluate(r, stack) {
      // a queue that is itself a dead-letter queue needs none: another queue's redrive
      // policy points at it, or it is named as one
      if (/(-dlq|-dead-letter)$/.test(String(r.config.name ?? ''))) return NOT_APPLICABLE;
      if (stack.attached(r, ['aws_sqs_queue'], 'redrive_policy').length) return NOT_APPLICABLE;
      return requireSet(r.config, 'redrive_policy', 'no redrive_policy');
    },
  },
  {
    id: 'GP-ECR-001',
    title: 'ECR scans images on push',
    severity: 'warning',
    rationale: 'Scanning on push reports known CVEs before the image is deployed.',
    remediation: 'Set image_scanning_configuration.scan_on_push = true.',
    resourceTypes: ['aws_ecr_repository'],
    checkov: ['CKV_AWS_163'],
    evaluate: (r) => requireTrue(r.config, 'image_scanning_configuration.scan_on_push', 'scan_on_push is not true'),
  },
  {
    id: 'GP-ECR-002',
    title: 'ECR tags are immutable',
    severity: 'error',
    rationale: 'Mutable tags let a pushed image replace what a deployment pinned to that tag.',
    remediation: 'Set image_tag_mutability = "IMMUTABLE".',
    resourceTypes: ['aws_ecr_repository'],
    checkov: ['CKV_AWS_51'],
    evaluate: (r) => requireEquals(r.config, 'image_tag_mutability', 'IMMUTABLE'),
  },
  {
    id: 'GP-ECR-003',
    title: 'ECR repository is encrypted with KMS',
    severity: 'warning',
    rationale: 'A customer key puts image pulls behind a key policy and CloudTrail.',
    remediation: 'Set encryption_configuration.encryption_type = "KMS" with a kms_key.',
    resourceTypes: ['aws_ecr_repository'],
    checkov: ['CKV_AWS_136'],
    evaluate: (r) => requireEquals(r.config, 'encryption_configuration.encryption_type', 'KMS'),
  },
  {
    id: 'GP-ECR-004',
    title: 'ECR repository policy is not public',
    severity: 'error',
    rationale: 'Principal * on a repository lets anyone pull (or push) images.',
    remediation: 'Name the accounts or roles that pull.',
    resourceTypes: ['aws_ecr_repository_policy'],
    checkov: ['CKV_AWS_32'],
    checkovDifferences: 'CKV_AWS_32 reads the string form Principal "*" only; {"AWS": "*"} fails here too.',
    // CKV_AWS_32 looks for the string form `"Principal": "*"`
    evaluate: (r) => publicPolicy(r.config.policy, 'policy', (s) => (s.principals.includes('*') ? ['CKV_AWS_32'] : [])),
  },
];
