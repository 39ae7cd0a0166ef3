import { ResourceView, Rule, RuleOutcome } from '../model';
import { citing, customerKey, fail, forbid, isExpression, list, NOT_APPLICABLE, PASS, requireTrue, unknown } from '../values';

const DB = ['aws_db_instance', 'aws_rds_cluster'];

/**
 * Checkov has one check per resource type for most database settings; a failure cites the
 * one for this resource's type. (`cluster_identifier` on aws_rds_cluster is the cluster's
 * own name, not a sign of membership: members are aws_rds_cluster_instance, judged apart.)
 */
const perType = (instance: string, cluster: string) => (r: ResourceView, outcome: RuleOutcome): RuleOutcome =>
  citing(outcome, [r.type === 'aws_rds_cluster' ? cluster : instance]);

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
    evaluate(r) {
      // Aurora Serverless v1 storage is always encrypted
      if (r.type === 'aws_rds_cluster' && r.config.engine_mode === 'serverless') return PASS;
      return perType('CKV_AWS_16', 'CKV_AWS_96')(r, requireTrue(r.config, 'storage_encrypted', 'storage_encrypted is not true'));
    },
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
    checkovDifferences: 'CKV_AWS_133 fails only a period of 0 (no backups); 1 to 6 days fail here alone.',
    evaluate(r) {
      const raw = r.config.backup_retention_period;
      if (isExpression(raw)) return unknown('backup_retention_period');
      // the provider's defaults: 1 day for clusters, 0 (none) for instances that set nothing
      const days = raw === undefined ? (r.type === 'aws_rds_cluster' ? 1 : 0) : Number(raw);
      if (days >= 7) return PASS;
      return fail(`backup_retention_period is ${raw === undefined ? `not set (${days})` : days}, below 7 days`, 'backup_retention_period', raw !== undefined && days === 0 ? ['CKV_AWS_133'] : []);
    },
  },
  {
    id: 'GP-RDS-004',
    title: 'Database has deletion protection',
    severity: 'warning',
    rationale: 'Deletion protection stops a destroy or a replacement from dropping the data. Production profiles turn it on.',
    remediation: 'Set deletion_protection = true (on by default in the prod profile).',
    resourceTypes: DB,
    checkov: ['CKV_AWS_293', 'CKV_AWS_139'],
    evaluate: (r) => perType('CKV_AWS_293', 'CKV_AWS_139')(r, requireTrue(r.config, 'deletion_protection', 'deletion_protection is not true')),
  },
  {
    id: 'GP-RDS-005',
    title: 'Database uses IAM authentication',
    severity: 'error',
    rationale: 'IAM tokens replace long-lived database passwords in application config.',
    remediation: 'Set iam_database_authentication_enabled = true.',
    resourceTypes: DB,
    checkov: ['CKV_AWS_161', 'CKV_AWS_162'],
    evaluate(r) {
      // IAM database authentication exists for MySQL, MariaDB and PostgreSQL (and their Aurora forms) only
      const engine = r.config.engine;
      if (typeof engine === 'string' && !isExpression(engine) && !/^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres)$/.test(engine)) return NOT_APPLICABLE;
      const outcome = requireTrue(r.config, 'iam_database_authentication_enabled', 'IAM authentication is off');
      // CKV_AWS_161 judges MySQL and PostgreSQL instances only
      if (r.type === 'aws_db_instance') return citing(outcome, engine === 'mysql' || engine === 'postgres' ? ['CKV_AWS_161'] : []);
      return citing(outcome, ['CKV_AWS_162']);
    },
  },
  {
    id: 'GP-RDS-006',
    title: 'No master password in configuration',
    severity: 'error',
    rationale: 'A password in Terraform sits in plan files and state in clear. RDS can generate and rotate it in Secrets Manager. Checkov has no check for this.',
    remediation: 'Remove password and set manage_master_user_password = true.',
    resourceTypes: DB,
    evaluate(r) {
      // replicas, restores and secondary clusters take their credentials from the source
      if (['replicate_source_db', 'snapshot_identifier', 'replication_source_identifier', 'global_cluster_identifier'].some((k) => r.config[k] !== undefined)) return NOT_APPLICABLE;
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
      const v = r.config.enabled_cloudwatch_logs_exports;
      if (isExpression(v)) return unknown('enabled_cloudwatch_logs_exports');
      return list(v).length ? PASS : perType('CKV_AWS_129', 'CKV_AWS_324')(r, fail('no log exports', 'enabled_cloudwatch_logs_exports'));
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
    // the provider defaults to true, but a setting written down survives a changed default (Checkov asks for it too)
    evaluate: (r) => requireTrue(r.config, 'auto_minor_version_upgrade', 'auto_minor_version_upgrade is not set to true'),
  },
  {
    id: 'GP-RDS-009',
    title: 'Database copies tags to snapshots',
    severity: 'info',
    rationale: 'Tags on snapshots keep ownership and cost data after the instance is gone.',
    remediation: 'Set copy_tags_to_snapshot = true.',
    resourceTypes: DB,
    checkov: ['CKV2_AWS_60', 'CKV_AWS_313'],
    evaluate(r) {
      // these engines keep snapshots at the cluster: set on a bare instance, the setting does nothing
      const engine = r.config.engine;
      if (r.type === 'aws_db_instance' && typeof engine === 'string' && ['aurora', 'neptune', 'docdb'].includes(engine)) {
        return fail(`engine ${engine} takes snapshots at the cluster; copy tags there (aws_rds_cluster or aws_neptune_cluster)`, 'engine', ['CKV2_AWS_60']);
      }
      return perType('CKV2_AWS_60', 'CKV_AWS_313')(r, requireTrue(r.config, 'copy_tags_to_snapshot', 'copy_tags_to_snapshot is not true'));
    },
  },
  {
    id: 'GP-RDS-010',
    title: 'Database uses a customer KMS key',
    severity: 'warning',
    rationale: 'The aws/rds key cannot be shared or governed by your key policy, which blocks cross-account restores.',
    remediation: 'Set kms_key_id to the environment data key.',
    resourceTypes: DB,
    checkov: ['CKV_AWS_327'],
    checkovDifferences: 'CKV_AWS_327 covers clusters; instances without a customer key, and the AWS-managed alias/aws/rds key, fail here only.',
    evaluate(r) {
      return customerKey(r.config.kms_key_id, 'kms_key_id', 'rds',
        { message: 'no kms_key_id: storage uses the AWS-managed aws/rds key', checkov: r.type === 'aws_rds_cluster' ? ['CKV_AWS_327'] : [] });
    },
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
