/**
 * Resource types whose destruction loses data or breaks everything that depends on them.
 * A replace of one of these is as dangerous as a destroy.
 */
export const STATEFUL_TYPES = new Set([
  'aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_dynamodb_table', 'aws_s3_bucket', 'aws_kms_key',
  'aws_eks_cluster', 'aws_elasticache_replication_group', 'aws_elasticache_cluster', 'aws_efs_file_system', 'aws_ebs_volume',
  'aws_sqs_queue', 'aws_secretsmanager_secret', 'aws_ecr_repository', 'aws_cloudwatch_log_group', 'aws_backup_vault',
  'aws_opensearch_domain', 'aws_msk_cluster', 'aws_docdb_cluster',
  'github_repository', 'kubernetes_namespace', 'kubernetes_namespace_v1', 'kubernetes_persistent_volume_claim', 'kubernetes_persistent_volume_claim_v1',
  'kubernetes_stateful_set', 'kubernetes_stateful_set_v1',
]);

/** Golden-path kinds that hold state whatever their resource type. */
export const STATEFUL_KINDS = new Set(['state-backend', 'audit-trail', 'postgres', 'bucket', 'cache', 'queue']);

export function isStateful(type: string, kind?: string): boolean {
  return STATEFUL_TYPES.has(type) || (kind !== undefined && STATEFUL_KINDS.has(kind));
}
