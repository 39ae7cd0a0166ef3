import { ResourceView, Rule, RuleOutcome } from '../model';
import { fail, forbid, isExpression, list, NOT_APPLICABLE, PASS, requireAtLeast, requireSet, requireTrue, unknown } from '../values';

const DB = ['aws_db_instance', 'aws_rds_cluster'];

/** Aurora instances take most settings from their cluster; only standalone instances are judged here. */
const isClusterMember = (c: Record<string, unknown>) => c.cluster_identifier !== undefined;
const standalone = (check: (r: ResourceView) => RuleOutcome) => (r: ResourceView): RuleOutcome => (isClusterMember(r.config) ? NOT_APPLICABLE : check(r));

export const RDS_RULES: Rule[] = [
  {
    id: 'GP-RDS-001',
    title: 'Database storage is encrypted',
    severity: 'error',
    rationale: 'Unencrypted storage leaks through snapshots shared or copied by mistake.',
    remediation: 'Set storage_encrypted = true with kms_key_id.',
    resourceTypes: DB,
    checkov: ['CKV_AWS_16', 'CKV_AWS_96'],
    cis: ['2.3.1'],
    evaluate: standalone((r) => requireTrue(r.config, 'storage_encrypted', 'storage_encrypted is not true')),
  },
  {
    id: 'GP-RDS-002',
    title: 'Database is not publicly accessible',
    severity: 'error',
    rationale: 'A public endpoint puts the database one leaked password away from the internet.',
    remediation: 'Set publicly_accessible = false and place it in isolated subnets.',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    checkov: ['CKV_AWS_17'],
    cis: ['2.3.3'],
    evaluate: (r) => forbid(r.config, 'publicly_accessible', true),
  },
  {
    id: 'GP-RDS-003',
    title: 'Backups are kept at least 7 days',
    severity: 'error',
    rationale: 'A week of point-in-time recovery covers a bad migration found after the weekend.',
    remediation: 'Set backup_retention_period to 7 or more.',
    resourceTypes: DB,
    checkov: ['CKV_AWS_133'],
    evaluate: standalone((r) => requireAtLeast(r.config, 'backup_retention_period', 7, 'backup_retention_period is below 7 days', r.type === 'aws_rds_cluster' ? 1 : 0)),
  },
  {
    id: 'GP-RDS-004',
    title: 'Database has deletion protection',
    severity: 'warning',
    rationale: 'Deletion protection stops a destroy or a replacement from dropping the data. Production profiles turn it on.',
    remediation: 'Set deletion_protection = true (on by default in the prod profile).',
    resourceTypes: DB,
    checkov: ['CKV_AWS_293', 'CKV_AWS_139'],
    evaluate: standalone((r) => requireTrue(r.config, 'deletion_protection', 'deletion_protection is not true')),
  },
  {
    id: 'GP-RDS-005',
    title: 'Database uses IAM authentication',
    severity: 'error',
    rationale: 'IAM tokens replace long-lived database passwords in application config.',
    remediation: 'Set iam_database_authentication_enabled = true.',
    resourceTypes: DB,
    checkov: ['CKV_AWS_161', 'CKV_AWS_162'],
    evaluate: standalone((r) => requireTrue(r.config, 'iam_database_authentication_enabled', 'IAM authentication is off')),
  },
  {
    id: 'GP-RDS-006',
    title: 'No master password in configuration',
    severity: 'error',
    rationale: 'A password in Terraform sits in plan files and state in clear. RDS can generate and rotate it in Secrets Manager. Checkov has no check for this.',
    remediation: 'Remove password and set manage_master_user_password = true.',
    resourceTypes: DB,
    evaluate(r) {
      if (isClusterMember(r.config) || r.config.replicate_source_db !== undefined || r.config.snapshot_identifier !== undefined) return NOT_APPLICABLE;
      const key = r.type === 'aws_rds_cluster' ? 'master_password' : 'password';
      if (r.config[key] !== undefined || r.config[`${key}_wo`] !== undefined) return fail(`${key} is set in configuration`, key);
      return requireTrue(r.config, 'manage_master_user_password', 'manage_master_user_password is not true');
    },
  },
  {
    id: 'GP-RDS-007',
    title: 'Database exports its logs',
    severity: 'warning',
    rationale: 'Error, slow-query and audit logs in CloudWatch survive the instance and feed alerts.',
    remediation: 'Set enabled_cloudwatch_logs_exports (postgresql: ["postgresql", "upgrade"]).',
    resourceTypes: DB,
    checkov: ['CKV_AWS_129', 'CKV_AWS_324'],
    evaluate(r) {
      if (isClusterMember(r.config)) return NOT_APPLICABLE;
      const v = r.config.enabled_cloudwatch_logs_exports;
      if (isExpression(v)) return unknown('enabled_cloudwatch_logs_exports');
      return list(v).length ? PASS : fail('no log exports', 'enabled_cloudwatch_logs_exports');
    },
  },
  {
    id: 'GP-RDS-008',
    title: 'Database takes minor upgrades',
    severity: 'info',
    rationale: 'Minor versions carry security fixes.',
    remediation: 'Leave auto_minor_version_upgrade at true.',
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    checkov: ['CKV_AWS_226'],
    evaluate: (r) => forbid(r.config, 'auto_minor_version_upgrade', false),
  },
  {
    id: 'GP-RDS-009',
    title: 'Database copies tags to snapshots',
    severity: 'info',
    rationale: 'Tags on snapshots keep ownership and cost data after the instance is gone.',
    remediation: 'Set copy_tags_to_snapshot = true.',
    resourceTypes: DB,
    checkov: ['CKV2_AWS_60', 'CKV_AWS_313'],
    evaluate: standalone((r) => requireTrue(r.config, 'copy_tags_to_snapshot', 'copy_tags_to_snapshot is not true')),
  },
  {
    id: 'GP-RDS-010',
    title: 'Database uses a customer KMS key',
    severity: 'warning',
    rationale: 'The aws/rds key cannot be shared or governed by your key policy, which blocks cross-account restores.',
    remediation: 'Set kms_key_id to the environment data key.',
    resourceTypes: DB,
    checkov: ['CKV_AWS_327'],
    evaluate: standalone((r) => requireSet(r.config, 'kms_key_id', 'no kms_key_id')),
  },
  {
    id: 'GP-RDS-011',
    title: 'Database spans availability zones',
    severity: 'info',
    rationale: 'A single-AZ database goes down with its zone.',
    remediation: 'Set multi_az = true for production.',
    resourceTypes: ['aws_db_instance'],
    checkov: ['CKV_AWS_157'],
    evaluate: (r) => requireTrue(r.config, 'multi_az', 'multi_az is not true'),
  },
];
