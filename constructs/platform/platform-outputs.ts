import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from '../../src/cdk';

/**
 * The named outputs a platform's stacks publish for services that live in other repositories
 * (read back by ServiceStack through remote state). Names are a contract: renaming one is a
 * breaking change.
 */
export const PLATFORM_OUTPUTS = {
  environment: {
    vpcId: 'goldenpath_vpc_id',
    vpcCidr: 'goldenpath_vpc_cidr',
    isolatedSubnetIds: 'goldenpath_isolated_subnet_ids',
    dataKeyArn: 'goldenpath_data_key_arn',
    secretsKeyArn: 'goldenpath_secrets_key_arn',
    logsKeyArn: 'goldenpath_logs_key_arn',
    oidcProviderArn: 'goldenpath_oidc_provider_arn',
    oidcIssuer: 'goldenpath_oidc_issuer',
    clusterName: 'goldenpath_cluster_name',
    clusterEndpoint: 'goldenpath_cluster_endpoint',
    clusterCaData: 'goldenpath_cluster_ca_data',
    accessLogsBucket: 'goldenpath_access_logs_bucket',
  },
  team: {
    namespace: 'goldenpath_namespace',
    alertTopicsPage: 'goldenpath_alert_topics_page',
    alertTopicsTicket: 'goldenpath_alert_topics_ticket',
  },
} as const;

/** Publish values under their contract names (plain strings or lists). */
export function publishOutputs(stack: TerraformStack, values: Record<string, string | string[]>): void {
  for (const [name, value] of Object.entries(values)) {
    new TerraformOutput(stack as Construct, name, { value, description: 'goldenpath platform contract: read by ServiceStack in team repositories' });
  }
}
