import { deriveName } from '../../src/core/naming';
import type { DeployPermission } from '../pipeline/github-oidc-deploy-role';

/**
 * What the platform repository's apply role may do beyond state and IAM: everything but IAM
 * and Organizations (AWS's PowerUserAccess) — it builds networks, clusters, keys, audit and
 * runners. Its IAM writes come from GitHubOidcDeployRole's `iam: 'platform'`.
 */
export const PLATFORM_APPLY_MANAGED_POLICIES = ['arn:aws:iam::aws:policy/PowerUserAccess'];

/** The parts a team's apply role is scoped by. */
export interface TeamScope {
  readonly accountId: string;
  readonly region: string;
  readonly environment: string;
  readonly team: string;
}

/**
 * What a team's apply role may do: the AWS resources its Services and alerting make, named
 * under the team's prefix where the service names resources (`<environment>-<team>-…`), and
 * the environment's keys through grants. IAM roles come from GitHubOidcDeployRole's boundary rules.
 */
export function teamApplyPermissions(t: TeamScope): DeployPermission[] {
  const at = (service: string, resource: string) => `arn:aws:${service}:${t.region}:${t.accountId}:${resource}`;
  const named = `${t.environment}-${t.team}-*`;
  return [
    // alert topics and their subscriptions, alarms and dashboards
    { actions: ['sns:CreateTopic', 'sns:DeleteTopic', 'sns:GetTopicAttributes', 'sns:SetTopicAttributes', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:GetSubscriptionAttributes', 'sns:SetSubscriptionAttributes', 'sns:ListSubscriptionsByTopic', 'sns:TagResource', 'sns:UntagResource', 'sns:ListTagsForResource'], resources: [at('sns', `${named}`), at('sns', `${t.team}-*`)] },
    { actions: ['cloudwatch:PutMetricAlarm', 'cloudwatch:PutCompositeAlarm', 'cloudwatch:DeleteAlarms', 'cloudwatch:DescribeAlarms', 'cloudwatch:TagResource', 'cloudwatch:ListTagsForResource', 'cloudwatch:PutDashboard', 'cloudwatch:GetDashboard', 'cloudwatch:DeleteDashboards'], resources: ['*'] },
    { actions: ['logs:CreateLogGroup', 'logs:DeleteLogGroup', 'logs:PutRetentionPolicy', 'logs:AssociateKmsKey', 'logs:TagResource', 'logs:ListTagsForResource', 'logs:PutQueryDefinition', 'logs:DeleteQueryDefinition', 'logs:DescribeLogGroups', 'logs:DescribeQueryDefinitions'], resources: ['*'] },
    { actions: ['xray:CreateGroup', 'xray:UpdateGroup', 'xray:DeleteGroup', 'xray:CreateSamplingRule', 'xray:UpdateSamplingRule', 'xray:DeleteSamplingRule', 'xray:TagResource', 'xray:Get*'], resources: ['*'] },
    // data stores of the team's services
    { actions: ['rds:CreateDBInstance', 'rds:ModifyDBInstance', 'rds:DeleteDBInstance', 'rds:DescribeDBInstances', 'rds:CreateDBParameterGroup', 'rds:ModifyDBParameterGroup', 'rds:DeleteDBParameterGroup', 'rds:DescribeDBParameterGroups', 'rds:DescribeDBParameters', 'rds:CreateDBSubnetGroup', 'rds:ModifyDBSubnetGroup', 'rds:DeleteDBSubnetGroup', 'rds:DescribeDBSubnetGroups', 'rds:AddTagsToResource', 'rds:RemoveTagsFromResource', 'rds:ListTagsForResource'], resources: [at('rds', `db:${named}`), at('rds', `pg:${named}`), at('rds', `subgrp:${named}`), at('rds', `secgrp:${named}`)] },
    { actions: ['sqs:CreateQueue', 'sqs:DeleteQueue', 'sqs:GetQueueAttributes', 'sqs:SetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:TagQueue', 'sqs:UntagQueue', 'sqs:ListQueueTags'], resources: [at('sqs', named)] },
    { actions: ['elasticache:CreateReplicationGroup', 'elasticache:ModifyReplicationGroup', 'elasticache:DeleteReplicationGroup', 'elasticache:DescribeReplicationGroups', 'elasticache:CreateCacheSubnetGroup', 'elasticache:DeleteCacheSubnetGroup', 'elasticache:DescribeCacheSubnetGroups', 'elasticache:CreateCacheParameterGroup', 'elasticache:DeleteCacheParameterGroup', 'elasticache:DescribeCacheParameterGroups', 'elasticache:AddTagsToResource', 'elasticache:ListTagsForResource'], resources: [at('elasticache', `replicationgroup:${named}`), at('elasticache', `subnetgroup:${named}`), at('elasticache', `parametergroup:${named}`)] },
    { actions: ['s3:CreateBucket', 's3:DeleteBucket', 's3:ListBucket', 's3:GetBucket*', 's3:PutBucket*', 's3:DeleteBucketPolicy', 's3:GetEncryptionConfiguration', 's3:PutEncryptionConfiguration', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:GetAccelerateConfiguration', 's3:GetReplicationConfiguration'], resources: [`arn:aws:s3:::${named}`] },
    { actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:TagResource', 'secretsmanager:DeleteSecret'], resources: [at('secretsmanager', `secret:${named}`)] },
    // security groups of those data stores live in the environment's VPC
    { actions: ['ec2:CreateSecurityGroup', 'ec2:DeleteSecurityGroup', 'ec2:AuthorizeSecurityGroupIngress', 'ec2:AuthorizeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress', 'ec2:RevokeSecurityGroupEgress', 'ec2:CreateTags', 'ec2:Describe*'], resources: ['*'] },
    // the environment's keys, by grant, for the stores above
    { actions: ['kms:CreateGrant', 'kms:DescribeKey', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:Encrypt'], resources: [at('kms', 'key/*')] },
    { actions: ['eks:DescribeCluster'], resources: [at('eks', 'cluster/*')] },
  ];
}

/** The policy that bounds every role a team creates in an environment: its name, and its ARN (known before it exists). */
export function workloadBoundary(org: string, environment: string, accountId: string): { name: string; arn: string } {
  const name = deriveName('iamPolicy', org, environment, 'workload-boundary');
  return { name, arn: `arn:aws:iam::${accountId}:policy/${name}` };
}

/** What a role made by a team may do at most (its permissions boundary): call data stores and publish telemetry, never IAM. */
export const WORKLOAD_BOUNDARY_ACTIONS = [
  's3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket',
  'sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility',
  'sns:Publish',
  'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey',
  'rds-db:connect', 'secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'elasticache:Connect',
  'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets',
  'logs:CreateLogStream', 'logs:PutLogEvents', 'cloudwatch:PutMetricData', 'ssm:GetParameter', 'ssm:GetParameters',
];
