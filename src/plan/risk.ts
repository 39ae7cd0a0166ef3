/**
 * Resource types that hold data: destroying one loses it (a database, a bucket, a queue's
 * messages, a key and everything encrypted with it, a cluster and its workloads). "Stateful"
 * is judged by type alone, so a security group or subnet group removed with a cache is not,
 * nor `terraform_data`, whose input and output Terraform makes again from configuration.
 */
export const STATEFUL_TYPES = new Set([
  'aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_dynamodb_table', 'aws_s3_bucket', 'aws_kms_key',
  'aws_eks_cluster', 'aws_elasticache_replication_group', 'aws_elasticache_cluster', 'aws_efs_file_system', 'aws_ebs_volume',
  'aws_sqs_queue', 'aws_secretsmanager_secret', 'aws_ecr_repository', 'aws_cloudwatch_log_group', 'aws_backup_vault',
  'aws_opensearch_domain', 'aws_msk_cluster', 'aws_docdb_cluster', 'aws_redshift_cluster', 'aws_neptune_cluster', 'aws_memorydb_cluster',
  'github_repository', 'kubernetes_namespace', 'kubernetes_namespace_v1', 'kubernetes_persistent_volume_claim', 'kubernetes_persistent_volume_claim_v1',
  'kubernetes_stateful_set', 'kubernetes_stateful_set_v1',
]);

export function isStateful(type: string): boolean {
  return STATEFUL_TYPES.has(type);
}
