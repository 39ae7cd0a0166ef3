/**
 * Attributes whose change makes Terraform replace the resource (ForceNew in the providers'
 * schemas), for the types the golden paths make. A changed default on one of these is a
 * breaking change: the next apply destroys and recreates the resource. Kubernetes objects are
 * replaced when their name or namespace changes. Types not listed are judged by address only.
 */
export const FORCE_NEW_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_s3_bucket: ['bucket', 'bucket_prefix'],
  aws_db_instance: ['identifier', 'engine', 'db_name', 'kms_key_id', 'storage_encrypted', 'username', 'db_subnet_group_name', 'availability_zone'],
  aws_db_parameter_group: ['name', 'family'],
  aws_db_subnet_group: ['name'],
  aws_elasticache_replication_group: ['replication_group_id', 'at_rest_encryption_enabled', 'kms_key_id', 'subnet_group_name'],
  aws_elasticache_subnet_group: ['name'],
  aws_elasticache_user: ['user_id', 'user_name', 'engine'],
  aws_elasticache_user_group: ['user_group_id', 'engine'],
  aws_eks_cluster: ['name', 'encryption_config', 'kubernetes_network_config'],
  aws_eks_node_group: ['cluster_name', 'node_group_name', 'subnet_ids', 'ami_type', 'instance_types', 'disk_size'],
  aws_eks_access_entry: ['cluster_name', 'principal_arn'],
  aws_iam_role: ['name', 'name_prefix', 'path'],
  aws_iam_role_policy: ['name', 'role'],
  aws_iam_role_policy_attachment: ['role', 'policy_arn'],
  aws_iam_openid_connect_provider: ['url'],
  aws_kms_alias: ['name'],
  aws_kms_key: ['customer_master_key_spec', 'key_usage', 'multi_region'],
  aws_sqs_queue: ['name', 'name_prefix', 'fifo_queue'],
  aws_sns_topic: ['name', 'name_prefix', 'fifo_topic'],
  aws_sns_topic_subscription: ['topic_arn', 'protocol', 'endpoint'],
  aws_cloudwatch_log_group: ['name', 'name_prefix'],
  aws_cloudwatch_metric_alarm: [],
  aws_cloudwatch_composite_alarm: ['alarm_name'],
  aws_cloudwatch_dashboard: ['dashboard_name'],
  aws_vpc: ['cidr_block', 'instance_tenancy'],
  aws_subnet: ['vpc_id', 'cidr_block', 'availability_zone'],
  aws_security_group: ['name', 'name_prefix', 'vpc_id', 'description'],
  aws_nat_gateway: ['subnet_id', 'allocation_id', 'connectivity_type'],
  aws_vpc_endpoint: ['vpc_id', 'service_name', 'vpc_endpoint_type'],
  aws_flow_log: ['log_destination', 'log_destination_type', 'traffic_type', 'vpc_id'],
  aws_launch_template: ['name', 'name_prefix'],
  aws_cloudtrail: ['name'],
  aws_xray_group: ['group_name'],
  aws_xray_sampling_rule: ['rule_name'],
  aws_guardduty_detector: [],
  github_repository: ['name'],
  github_repository_environment: ['repository', 'environment'],
  github_repository_file: ['repository', 'file'],
  github_actions_environment_variable: ['repository', 'environment', 'variable_name'],
  kubernetes_namespace_v1: ['metadata.name'],
  kubernetes_deployment_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_service_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_service_account_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_config_map_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_network_policy_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_horizontal_pod_autoscaler_v2: ['metadata.name', 'metadata.namespace'],
  kubernetes_pod_disruption_budget_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_role_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_role_binding_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_resource_quota_v1: ['metadata.name', 'metadata.namespace'],
  kubernetes_limit_range_v1: ['metadata.name', 'metadata.namespace'],
};

/** What decides a resource's identity: its address and its ForceNew attributes' values. */
export interface ResourceIdentity {
  readonly address: string;
  readonly forceNew: Readonly<Record<string, unknown>>;
}

const read = (config: unknown, path: string) => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), config);

/** The identity of every resource in a set of synthesized stacks, keyed `<stack>/<type>.<name>`. */
export function resourceIdentities(stacks: ReadonlyArray<{ readonly name: string; readonly json: any }>): Record<string, ResourceIdentity> {
  const out: Record<string, ResourceIdentity> = {};
  for (const s of [...stacks].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const [type, byName] of Object.entries<any>(s.json?.resource ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      for (const [name, config] of Object.entries<any>(byName).sort(([a], [b]) => a.localeCompare(b))) {
        const forceNew = Object.fromEntries((FORCE_NEW_ATTRIBUTES[type] ?? []).map((attr) => [attr, read(config, attr) ?? null]));
        out[`${s.name}/${type}.${name}`] = { address: `${type}.${name}`, forceNew };
      }
    }
  }
  return out;
}

/** Addresses that a move from `before` to `after` would destroy or replace, with why. */
export function replacements(before: Readonly<Record<string, ResourceIdentity>>, after: Readonly<Record<string, ResourceIdentity>>): string[] {
  const out: string[] = [];
  for (const [key, was] of Object.entries(before)) {
    const now = after[key];
    if (!now) {
      out.push(`${key}: gone (its logical id changed, or it is no longer made): destroyed`);
      continue;
    }
    for (const [attr, value] of Object.entries(was.forceNew)) {
      if (JSON.stringify(now.forceNew[attr] ?? null) !== JSON.stringify(value)) out.push(`${key}: ${attr} ${JSON.stringify(value)} → ${JSON.stringify(now.forceNew[attr] ?? null)}: replaced`);
    }
  }
  return out;
}
