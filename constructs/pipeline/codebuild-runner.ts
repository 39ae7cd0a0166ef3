import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CodebuildProject } from '@cdktf/provider-aws/lib/codebuild-project';
import { CodebuildWebhook } from '@cdktf/provider-aws/lib/codebuild-webhook';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';
import { ServiceRole } from '../baseline/service-role';

/** Where a workflow's plan and apply jobs run. */
export type RunnerSpec =
  /** GitHub's own runners: outside every VPC, so only for clusters with a public endpoint. */
  | { readonly type: 'github-hosted'; readonly label?: string }
  /** An AWS CodeBuild project that runs GitHub Actions jobs inside the VPC (CodeBuildRunner). */
  | { readonly type: 'codebuild'; readonly project: string }
  /** Your own runners inside the VPC, by their labels. */
  | { readonly type: 'self-hosted'; readonly labels: string[] };

export interface CodeBuildRunnerProps {
  /** Project name (also in every job's `runs-on` label): letters, digits, - and _. */
  readonly projectName: string;
  readonly accountId: string;
  /** The GitHub organisation whose workflow jobs this project runs. */
  readonly githubOwner: string;
  readonly vpcId: string;
  /** Private subnets (with a route to the internet through NAT, for GitHub and registries). */
  readonly subnetIds: string[];
  /** The cluster's security group: the runner gets 443 to the API on it. */
  readonly clusterSecurityGroupId: string;
  /** Key for the build logs. */
  readonly logsKeyArn: string;
  readonly logRetentionDays: number;
  /** @default 'BUILD_GENERAL1_MEDIUM' */
  readonly computeType?: string;
}

/** CodeBuildRunnerProps, checked at runtime. */
const CODE_BUILD_RUNNER_PROPS: PropsSchema = {
  projectName: P.string(),
  accountId: P.string(),
  githubOwner: P.string(),
  vpcId: P.string(),
  subnetIds: P.list(P.string(), { minItems: 1 }),
  clusterSecurityGroupId: P.string(),
  logsKeyArn: P.arn('kms'),
  logRetentionDays: P.number({ integer: true, min: 1 }),
  computeType: opt(P.string()),
};

/**
 * GitHub Actions runners inside the VPC, hosted by AWS CodeBuild: a project in the private
 * subnets whose organisation webhook starts a build for each queued workflow job that asks
 * for it (`runs-on: codebuild-<project>-${{ github.run_id }}-${{ github.run_attempt }}`),
 * and the rule that lets it reach the cluster API on 443. The jobs still assume their OIDC
 * deploy roles; the project's own role can only write its logs and attach to the VPC.
 * CodeBuild reaches GitHub through a connection you authorise once in the console (see
 * docs/first-apply.md).
 */
export class CodeBuildRunner extends Construct {
  public readonly project: CodebuildProject;
  public readonly securityGroupId: string;
  public readonly runner: RunnerSpec;

  constructor(scope: Construct, id: string, props: CodeBuildRunnerProps) {
    super(scope, id);
    checkProps(this, props, CODE_BUILD_RUNNER_PROPS, 'CodeBuildRunnerProps');
    markGoldenPath(this, 'codebuild-runner', { service: 'delivery' });
    const name = validateName(this, 'projectName', props.projectName, 'eksCluster');
    const logs = new CloudwatchLogGroup(this, 'logs', { name: `/goldenpath/runners/${name}`, retentionInDays: props.logRetentionDays, kmsKeyId: props.logsKeyArn });
    const sg = new SecurityGroup(this, 'sg', {
      name: `${name}-runner`,
      description: 'GitHub Actions jobs run by CodeBuild: HTTPS out only',
      vpcId: props.vpcId,
      egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'], description: 'GitHub, registries, AWS APIs and the cluster API' }],
    });
    this.securityGroupId = sg.id;
    new VpcSecurityGroupIngressRule(this, 'to-cluster', {
      securityGroupId: props.clusterSecurityGroupId,
      referencedSecurityGroupId: sg.id,
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      description: `Kubernetes API from the ${name} runners`,
    });
    const role = new ServiceRole(this, 'role', {
      accountId: props.accountId,
      service: 'codebuild.amazonaws.com',
      statements: [
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logs.arn}:*` },
        // CodeBuild attaches each build to the VPC through an ENI of its own
        { Effect: 'Allow', Action: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DescribeDhcpOptions', 'ec2:DescribeVpcs'], Resource: '*' },
        { Effect: 'Allow', Action: ['ec2:CreateNetworkInterfacePermission'], Resource: `arn:aws:ec2:*:${props.accountId}:network-interface/*`, Condition: { StringEquals: { 'ec2:AuthorizedService': 'codebuild.amazonaws.com' } } },
        { Effect: 'Allow', Action: ['codeconnections:UseConnection', 'codeconnections:GetConnectionToken', 'codestar-connections:UseConnection', 'codestar-connections:GetConnectionToken'], Resource: '*' },
      ],
    });
    this.project = new CodebuildProject(this, 'project', {
      name,
      description: `GitHub Actions runners for ${props.githubOwner} inside the VPC`,
      serviceRole: role.roleArn,
      encryptionKey: props.logsKeyArn,
      buildTimeout: 60,
      artifacts: { type: 'NO_ARTIFACTS' },
      source: { type: 'GITHUB', location: 'CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION' },
      environment: { computeType: props.computeType ?? 'BUILD_GENERAL1_MEDIUM', image: 'aws/codebuild/amazonlinux-x86_64-standard:5.0', type: 'LINUX_CONTAINER', privilegedMode: false },
      vpcConfig: { vpcId: props.vpcId, subnets: props.subnetIds, securityGroupIds: [sg.id] },
      logsConfig: { cloudwatchLogs: { groupName: logs.name, status: 'ENABLED' } },
      dependsOn: role.grants,
    });
    new CodebuildWebhook(this, 'webhook', {
      projectName: this.project.name,
      buildType: 'BUILD',
      scopeConfiguration: { name: props.githubOwner, scope: 'GITHUB_ORGANIZATION' },
      filterGroup: [{ filter: [{ type: 'EVENT', pattern: 'WORKFLOW_JOB_QUEUED' }] }],
    });
    this.runner = { type: 'codebuild', project: name };
  }
}
