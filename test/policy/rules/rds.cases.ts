import { RuleCases } from './cases';

const db = (over: object = {}) => ({
  'aws_db_instance.d': {
    engine: 'postgres',
    instance_class: 'db.t4g.small',
    storage_encrypted: true,
    kms_key_id: 'arn:key',
    publicly_accessible: false,
    backup_retention_period: 7,
    deletion_protection: true,
    iam_database_authentication_enabled: true,
    manage_master_user_password: true,
    enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
    copy_tags_to_snapshot: true,
    multi_az: true,
    ...over,
  },
});
const cluster = (over: object = {}) => ({
  'aws_rds_cluster.c': {
    engine: 'aurora-postgresql',
    storage_encrypted: true,
    kms_key_id: 'arn:key',
    backup_retention_period: 14,
    deletion_protection: true,
    iam_database_authentication_enabled: true,
    manage_master_user_password: true,
    enabled_cloudwatch_logs_exports: ['postgresql'],
    copy_tags_to_snapshot: true,
    ...over,
  },
});

export const RDS_CASES: Record<string, RuleCases> = {
  'GP-RDS-001': {
    pass: [db(), cluster()],
    fail: [db({ storage_encrypted: false }), cluster({ storage_encrypted: undefined })],
    unknown: [db({ storage_encrypted: '${var.e}' })],
  },
  'GP-RDS-002': { pass: [db(), { 'aws_rds_cluster_instance.i': { cluster_identifier: 'c' } }], fail: [db({ publicly_accessible: true }), { 'aws_rds_cluster_instance.i': { publicly_accessible: true } }] },
  'GP-RDS-003': { pass: [db(), cluster()], fail: [db({ backup_retention_period: 1 }), db({ backup_retention_period: undefined }), cluster({ backup_retention_period: undefined })] },
  'GP-RDS-004': { pass: [db(), cluster()], fail: [db({ deletion_protection: false }), cluster({ deletion_protection: undefined })] },
  'GP-RDS-005': { pass: [db(), cluster()], fail: [db({ iam_database_authentication_enabled: undefined })] },
  'GP-RDS-006': {
    pass: [db(), cluster()],
    fail: [db({ manage_master_user_password: undefined, password: 'hunter22' }), cluster({ manage_master_user_password: undefined, master_password: '${var.pw}' }), db({ manage_master_user_password: undefined })],
    notApplicable: [db({ manage_master_user_password: undefined, replicate_source_db: 'primary' })],
  },
  'GP-RDS-007': { pass: [db(), cluster()], fail: [db({ enabled_cloudwatch_logs_exports: [] }), cluster({ enabled_cloudwatch_logs_exports: undefined })] },
  'GP-RDS-008': { pass: [db({ auto_minor_version_upgrade: true })], fail: [db({ auto_minor_version_upgrade: false }), db()], unknown: [db({ auto_minor_version_upgrade: '${var.u}' })] },
  'GP-RDS-009': { pass: [db()], fail: [db({ copy_tags_to_snapshot: undefined })] },
  'GP-RDS-010': { pass: [db()], fail: [db({ kms_key_id: undefined })] },
  'GP-RDS-011': { pass: [db()], fail: [db({ multi_az: false })] },
};
