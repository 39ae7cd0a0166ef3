import { collectorEndpoint } from '../../../constructs/observability/tracing';
import { ServiceEnvironment } from '../../../constructs/service/service-environment';
import { ENVIRONMENT_PROFILES } from '../../../src/core/environment-profile';

/** A service environment with literal values, as Platform.serviceEnvironment gives tokens. */
export function serviceEnv(over: Partial<ServiceEnvironment> = {}): ServiceEnvironment {
  return {
    name: 'prod',
    accountId: '111111111111',
    region: 'eu-west-1',
    profile: ENVIRONMENT_PROFILES.prod,
    namespace: 'payments',
    vpcId: 'vpc-123',
    vpcCidr: '10.10.0.0/16',
    isolatedSubnetIds: ['subnet-a', 'subnet-b'],
    dataKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/data',
    secretsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/secrets',
    oidcProviderArn: 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC',
    oidcIssuer: 'oidc.eks.eu-west-1.amazonaws.com/id/ABC',
    clusterName: 'acme-prod',
    logsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/logs',
    tracing: { endpoint: collectorEndpoint(), collectorNamespace: 'observability', collectorApp: 'otel-collector', sampleRatio: 0.1 },
    alertTopics: { page: ['arn:aws:sns:eu-west-1:111111111111:payments-alerts-page'], ticket: ['arn:aws:sns:eu-west-1:111111111111:payments-alerts-ticket'] },
    ...over,
  };
}
