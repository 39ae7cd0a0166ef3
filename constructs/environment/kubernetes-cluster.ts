import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { Construct } from 'constructs';
import { parseIpv4Cidr } from './cidr';
import { recordEnvironmentPart } from './environment-entity';
import { Fn } from '../../src/cdk';
import { EKS_DEFAULT_VERSION, EKS_SUPPORTED_VERSIONS } from '../../src/core/eks-versions';
import { PlatformValidationError } from '../../src/core/errors';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropSpec, PropsSchema } from '../../src/core/props';
import { Team, TEAM_SPEC, teamGroup } from '../../src/core/team';
import { markGoldenPath } from '../../src/golden-path';
import { EKS_LOG_TYPES } from '../../src/policy/rules/eks';
import { ServiceRole } from '../baseline/service-role';

export interface NodeGroupOptions {
  /** @default ['m7g.large'] */
  readonly instanceTypes?: string[];
  /** @default 2 */
  readonly minSize?: number;
  /** @default 6 */
  readonly maxSize?: number;
  /** Root volume size in GiB. @default 50 */
  readonly diskSizeGib?: number;
}

/** NodeGroupOptions as props carry them, checked at runtime. */
export const NODES_SPEC: PropSpec = P.object({
  instanceTypes: opt(P.list(P.string(), { minItems: 1 })), minSize: opt(P.number()), maxSize: opt(P.number()), diskSizeGib: opt(P.number({ integer: true, min: 8, max: 16384 })),
});

export interface KubernetesClusterProps {
  readonly accountId: string;
  readonly region: string;
  /** Cluster name (1–100 letters, digits, - and _). */
  readonly clusterName: string;
  /** Kubernetes version, one of EKS_SUPPORTED_VERSIONS. @default EKS_DEFAULT_VERSION */
  readonly version?: string;
  /** Private subnets for the control plane ENIs and the nodes (at least 2). */
  readonly subnetIds: string[];
  /** Key that envelope-encrypts Kubernetes secrets. */
  readonly secretsKeyArn: string;
  /** Key for the control-plane log group. */
  readonly logsKeyArn: string;
  readonly logRetentionDays: number;
  /**
   * CIDRs that may reach a public API endpoint. Empty or unset keeps the endpoint private;
   * 0.0.0.0/0 is refused.
   * @default - private endpoint only
   */
  readonly publicAccessCidrs?: string[];
  /** Teams that get an access entry (those with `awsRoleArn`). @default - none */
  readonly teams?: Team[];
  /** Managed node group settings. @default - see NodeGroupOptions */
  readonly nodes?: NodeGroupOptions;
  /** Refuse cluster deletion. @default false */
  readonly deletionProtection?: boolean;
}

/** KubernetesClusterProps, checked at runtime. */
const KUBERNETES_CLUSTER_PROPS: PropsSchema = {
  accountId: P.string(),
  region: P.string(),
  clusterName: P.string(),
  version: opt(P.string()),
  subnetIds: P.list(P.string()),
  secretsKeyArn: P.string(),
  logsKeyArn: P.string(),
  logRetentionDays: P.number({ integer: true, min: 1 }),
  publicAccessCidrs: opt(P.list(P.string())),
  teams: opt(P.list(TEAM_SPEC)),
  nodes: opt(NODES_SPEC),
  deletionProtection: opt(P.boolean()),
};

/**
 * EKS with a private endpoint by default, secrets envelope-encrypted with a customer key,
 * all five control-plane log types in an encrypted, retained log group, API access entries
 * for teams, a managed node group on a launch template that requires IMDSv2 and encrypts
 * its volumes, and the OIDC provider for IAM roles for service accounts.
 */
export class KubernetesCluster extends Construct {
  public readonly cluster: EksCluster;
  public readonly oidcProvider: IamOpenidConnectProvider;
  public readonly clusterName: string;
  /** Its catalog entity. */
  public readonly entityRef: string;

  constructor(scope: Construct, id: string, props: KubernetesClusterProps) {
    super(scope, id);
    checkProps(this, props, KUBERNETES_CLUSTER_PROPS, 'KubernetesClusterProps');
    markGoldenPath(this, 'kubernetes-cluster');
    this.clusterName = validateName(this, 'clusterName', props.clusterName, 'eksCluster');
    const version = props.version ?? EKS_DEFAULT_VERSION;
    if (!(EKS_SUPPORTED_VERSIONS as readonly string[]).includes(version)) {
      throw new PlatformValidationError(this, 'version', version, `must be a Kubernetes version in EKS standard support: ${EKS_SUPPORTED_VERSIONS.join(', ')}`);
    }
    if (props.subnetIds.length < 2) throw new PlatformValidationError(this, 'subnetIds', props.subnetIds, 'must list at least 2 subnets in different zones');
    const cidrs = props.publicAccessCidrs ?? [];
    cidrs.forEach((c, i) => {
      const block = parseIpv4Cidr(c);
      if (!block) throw new PlatformValidationError(this, `publicAccessCidrs[${i}]`, c, 'must be an IPv4 CIDR block');
      if (block.prefix < 8) throw new PlatformValidationError(this, `publicAccessCidrs[${i}]`, c, 'must not open the API endpoint to the internet (0.0.0.0/0 or any block wider than /8); list your office or VPN ranges');
    });
    const nodes = props.nodes ?? {};
    const [minSize, maxSize] = [nodes.minSize ?? 2, nodes.maxSize ?? 6];
    if (!Number.isInteger(minSize) || minSize < 1 || !Number.isInteger(maxSize) || maxSize < minSize) {
      throw new PlatformValidationError(this, 'nodes', { minSize, maxSize }, 'must have 1 <= minSize <= maxSize, whole numbers');
    }

    const logGroup = new CloudwatchLogGroup(this, 'logs', {
      // EKS writes to exactly this name; creating it first lets us set retention and the key
      name: `/aws/eks/${this.clusterName}/cluster`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logsKeyArn,
    });
    const clusterRole = new ServiceRole(this, 'cluster-role', {
      accountId: props.accountId,
      service: 'eks.amazonaws.com',
      managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEKSClusterPolicy'],
      statements: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'], Resource: props.secretsKeyArn }],
    });
    this.cluster = new EksCluster(this, 'cluster', {
      name: this.clusterName,
      version,
      roleArn: clusterRole.roleArn,
      vpcConfig: {
        subnetIds: props.subnetIds,
        endpointPrivateAccess: true,
        endpointPublicAccess: cidrs.length > 0,
        publicAccessCidrs: cidrs.length ? cidrs : undefined,
      },
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: props.secretsKeyArn } },
      enabledClusterLogTypes: EKS_LOG_TYPES,
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      deletionProtection: props.deletionProtection ?? false,
      dependsOn: [logGroup],
    });
    this.oidcProvider = new IamOpenidConnectProvider(this, 'oidc', {
      url: this.cluster.identity.get(0).oidc.get(0).issuer,
      clientIdList: ['sts.amazonaws.com'],
    });

    const nodeRole = new ServiceRole(this, 'node-role', {
      accountId: props.accountId,
      service: 'ec2.amazonaws.com',
      managedPolicyArns: ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEKS_CNI_Policy'].map((p) => `arn:aws:iam::aws:policy/${p}`),
    });
    const template = new LaunchTemplate(this, 'node-template', {
      namePrefix: `${this.clusterName}-nodes-`,
      // one hop: pods (which get AWS credentials through IRSA) cannot reach the node's instance role
      metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', volumeSize: nodes.diskSizeGib ?? 50, volumeType: 'gp3' } }],
    });
    new EksNodeGroup(this, 'nodes', {
      clusterName: this.cluster.name,
      nodeGroupName: 'default',
      nodeRoleArn: nodeRole.roleArn,
      subnetIds: props.subnetIds,
      instanceTypes: nodes.instanceTypes ?? ['m7g.large'],
      amiType: (nodes.instanceTypes ?? ['m7g.large']).every((t) => /^[a-z]+\d+g/.test(t)) ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
      scalingConfig: { minSize, maxSize, desiredSize: minSize },
      launchTemplate: { id: template.id, version: Fn.tostring(template.latestVersion) },
    });
    for (const team of props.teams ?? []) {
      if (!team.awsRoleArn) continue;
      new EksAccessEntry(this, `access-${team.name}`, { clusterName: this.cluster.name, principalArn: team.awsRoleArn, kubernetesGroups: [teamGroup(team)] });
    }
    this.entityRef = recordEnvironmentPart(this, 'cluster', `EKS ${version} cluster ${this.clusterName}`, props,
      { clusterName: this.clusterName, version, publicEndpoint: cidrs.length > 0 });
  }

  /** The cluster's OIDC issuer without https://, as IRSA trust conditions need it. */
  public get oidcIssuer(): string {
    return Fn.replace(this.cluster.identity.get(0).oidc.get(0).issuer, 'https://', '');
  }
}
