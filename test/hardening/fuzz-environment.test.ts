// Fuzzed props of the environment and observability constructs; see fuzz-harness.ts.
import { fuzzConstructs } from './fuzz-harness';
import { AwsEnvironment, EnvironmentKeys, KubernetesCluster, Network, TeamTenancy } from '../../constructs/environment';
import { AlertRouting, ServiceDashboard, ServiceTracing, Slo, TraceCollector } from '../../constructs/observability';
import { ENVIRONMENT_PROFILES } from '../../src/core/environment-profile';

const metric = { namespace: 'GoldenPath/Services', metricName: 'Requests', dimensions: { Service: 'ledger' } };
const team = { name: 'payments', onCall: 'oncall@acme.example', members: ['ana@acme.example'] };

fuzzConstructs([
  ['AwsEnvironment', (s, p) => new AwsEnvironment(s, 'c', p), { org: 'acme', environment: 'prod', accountId: '111111111111', region: 'eu-west-1', profile: ENVIRONMENT_PROFILES.prod, cidr: '10.20.0.0/16', createCluster: false }],
  ['EnvironmentKeys', (s, p) => new EnvironmentKeys(s, 'c', p), { accountId: '111111111111', region: 'eu-west-1', environment: 'prod' }],
  ['KubernetesCluster', (s, p) => new KubernetesCluster(s, 'c', p), { accountId: '111111111111', region: 'eu-west-1', clusterName: 'acme-prod', subnetIds: ['subnet-a', 'subnet-b'], secretsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/s', logsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/l', logRetentionDays: 365 }],
  ['Network', (s, p) => new Network(s, 'c', p), { accountId: '111111111111', region: 'eu-west-1', cidr: '10.20.0.0/16', logsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/l', logRetentionDays: 365 }],
  ['TeamTenancy', (s, p) => new TeamTenancy(s, 'c', p), { team }],
  ['AlertRouting', (s, p) => new AlertRouting(s, 'c', p), { accountId: '111111111111', team: 'payments', onCall: 'oncall@acme.example' }],
  ['ServiceDashboard', (s, p) => new ServiceDashboard(s, 'c', p), { dashboardName: 'prod-payments-ledger', region: 'eu-west-1', latency: metric, requests: metric, errors: metric, saturation: [metric], objectivePercent: 99.9 }],
  ['ServiceTracing', (s, p) => new ServiceTracing(s, 'c', p), { serviceName: 'ledger', namespace: 'payments', region: 'eu-west-1', sampleRatio: 0.1, logGroupNames: ['/goldenpath/ledger'] }],
  ['Slo', (s, p) => new Slo(s, 'c', p), { name: 'ledger', objectivePercent: 99.9, cloudwatch: { errors: metric, total: metric }, alarmTopics: { page: ['arn:page'], ticket: ['arn:ticket'] } }],
  ['TraceCollector', (s, p) => new TraceCollector(s, 'c', p), { environment: 'prod', region: 'eu-west-1', team: 'platform', oidcProviderArn: 'arn:oidc', oidcIssuer: 'oidc.example/id/A', sampleRatio: 0.1 }],
]);
