import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsEksAddonVersion } from '@cdktf/provider-aws/lib/data-aws-eks-addon-version';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { Construct } from 'constructs';
import { parseIpv4Cidr } from './cidr';
import { recordEnvironmentPart } from './environment-entity';
import { Annotations, Fn } from '../../src/cdk';
import { daysOfStandardSupportLeft, EKS_DEFAULT_VERSION, EKS_SUPPORT_WARNING_DAYS, EKS_SUPPORTED_VERSIONS, EKS_VERSIONS } from '../../src/core/eks-versions';
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
  /**
   * EKS Auto Mode: AWS runs compute (autoscaled nodes), block storage, load balancing and
   * pod networking. Off, the cluster gets a managed node group and the managed add-ons
   * vpc-cni (with network policies on), coredns, kube-proxy, eks-pod-identity-agent and
   * aws-ebs-csi-driver; nodes then stay between `nodes.minSize` and `maxSize` unless you add
   * an autoscaler.
   * @default true
   */
  readonly autoMode?: boolean;
  /** Who may use the Kubernetes API, besides teams' human roles. @default - nobody else */
  readonly access?: ClusterAccess[];
  /**
   * Add-on versions by add-on name. @default - the version EKS marks as the default for the
   * cluster's Kubernetes version (read at plan time, so it changes only with the cluster version)
   */
  readonly addonVersions?: Record<string, string>;
}

/** An IAM principal's access to the cluster API, as an access entry and its policy. */
export interface ClusterAccess {
  /** A construct id for the entry (a DNS label). */
  readonly id: string;
  readonly principalArn: string;
  /**
   * `cluster-admin` (AmazonEKSClusterAdminPolicy, cluster-wide), or `admin`, `edit` or `view`
   * in `namespaces` only (AmazonEKSAdminPolicy, AmazonEKSEditPolicy, AmazonEKSViewPolicy).
   */
  readonly policy: 'cluster-admin' | 'admin' | 'edit' | 'view';
  /** Namespaces the policy applies in; required for admin, edit and view. @default - cluster-wide (cluster-admin and view only) */
  readonly namespaces?: string[];
}

/** Access policies by the name ClusterAccess uses. */
export const ACCESS_POLICIES = {
  'cluster-admin': 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
  'admin': 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy',
  'edit': 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
  'view': 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
} as const;

/** KubernetesClusterProps, checked at runtime. */
const KUBERNETES_CLUSTER_PROPS: PropsSchema = {
  accountId: P.string(),
  region: P.string(),
  clusterName: P.string(),
  version: opt(P.string()),
  subnetIds: P.list(P.string()),
  secretsKeyArn: P.arn('kms'),
  logsKeyArn: P.arn('kms'),
  logRetentionDays: P.number({ integer: true, min: 1 }),
  publicAccessCidrs: opt(P.list(P.string())),
  teams: opt(P.list(TEAM_SPEC)),
  nodes: opt(NODES_SPEC),
  deletionProtection: opt(P.boolean()),
  autoMode: opt(P.boolean()),
  access: opt(P.list(P.object({ id: P.string(), principalArn: P.string(), policy: P.enum(...Object.keys(ACCESS_POLICIES)), namespaces: opt(P.list(P.string())) }))),
  addonVersions: opt(P.record(P.string())),
};

/**
 * EKS with a private endpoint by default, secrets envelope-encrypted with a customer key,
 * all five control-plane log types in an encrypted, retained log group, API access entries
 * with their access policies, standard support only (EKS upgrades instead of charging for
 * extended support), EKS Auto Mode by default (or a managed node group on a launch
 * template that requires IMDSv2, with the managed add-ons), and the OIDC provider for IAM
 * roles for service accounts.
 */
export class KubernetesCluster extends Construct {
  public readonly cluster: EksCluster;
  public readonly oidcProvider: IamOpenidConnectProvider;
  public readonly clusterName: string;
  /** Its catalog entity. */
  public readonly entityRef: string;
  /** Is EKS Auto Mode on (compute, storage, load balancing and pod networking run by AWS)? */
  public readonly autoMode: boolean;
  /** The role nodes run with (Auto Mode node classes name it). */
  public readonly nodeRole: ServiceRole;
  /** The cluster security group EKS creates (what admits the API on 443 to the VPC). */
  public readonly clusterSecurityGroupId: string;

  constructor(scope: Construct, id: string, props: KubernetesClusterProps) {
    super(scope, id);
    checkProps(this, props, KUBERNETES_CLUSTER_PROPS, 'KubernetesClusterProps');
    markGoldenPath(this, 'kubernetes-cluster');
    this.clusterName = validateName(this, 'clusterName', props.clusterName, 'eksCluster');
    const version = props.version ?? EKS_DEFAULT_VERSION;
    if (!(EKS_SUPPORTED_VERSIONS as readonly string[]).includes(version)) {
      throw new PlatformValidationError(this, 'version', version, `must be a Kubernetes version in EKS standard support: ${EKS_SUPPORTED_VERSIONS.join(', ')}`);
    }
    const left = daysOfStandardSupportLeft(version, new Date());
    if (left !== undefined && left <= EKS_SUPPORT_WARNING_DAYS) {
      const end = EKS_VERSIONS.find((v) => v.version === version)!.endOfStandardSupport;
      Annotations.of(this).addWarning(`EKS ${version} leaves standard support on ${end} (${left < 0 ? 'already ended' : `in ${left} days`}); upgrade to ${EKS_DEFAULT_VERSION} before then, or EKS upgrades the cluster itself`);
    }
    this.autoMode = props.autoMode ?? true;
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
      // Auto Mode's capabilities act for the cluster with session tags
      sessionTags: this.autoMode,
      managedPolicyArns: ['AmazonEKSClusterPolicy', ...(this.autoMode ? ['AmazonEKSComputePolicy', 'AmazonEKSBlockStoragePolicy', 'AmazonEKSLoadBalancingPolicy', 'AmazonEKSNetworkingPolicy'] : [])]
        .map((p) => `arn:aws:iam::aws:policy/${p}`),
      statements: [{ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey', 'kms:CreateGrant'], Resource: props.secretsKeyArn }],
    });
    this.nodeRole = new ServiceRole(this, 'node-role', {
      accountId: props.accountId,
      service: 'ec2.amazonaws.com',
      managedPolicyArns: (this.autoMode ? ['AmazonEKSWorkerNodeMinimalPolicy', 'AmazonEC2ContainerRegistryPullOnly'] : ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEKS_CNI_Policy'])
        .map((p) => `arn:aws:iam::aws:policy/${p}`),
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
      // no paid extended support: at the end of standard support EKS upgrades the cluster
      upgradePolicy: { supportType: 'STANDARD' },
      ...(this.autoMode ? {
        // the general-purpose pool's node class does not enforce network policies: workloads
        // get a node pool of their own (RuntimeBaseline), system add-ons the built-in one
        computeConfig: { enabled: true, nodePools: ['system'], nodeRoleArn: this.nodeRole.roleArn },
        kubernetesNetworkConfig: { elasticLoadBalancing: { enabled: true } },
        storageConfig: { blockStorage: { enabled: true } },
        bootstrapSelfManagedAddons: false,
      } : {}),
      // EKS needs its role's policies while it creates and deletes the cluster's ENIs
      dependsOn: [logGroup, ...clusterRole.grants, ...(this.autoMode ? this.nodeRole.grants : [])],
    });
    this.clusterSecurityGroupId = this.cluster.vpcConfig.clusterSecurityGroupId;
    this.oidcProvider = new IamOpenidConnectProvider(this, 'oidc', {
      url: this.cluster.identity.get(0).oidc.get(0).issuer,
      clientIdList: ['sts.amazonaws.com'],
    });
    if (!this.autoMode) this.addNodeGroup(props, nodes, minSize, maxSize);
    for (const team of props.teams ?? []) {
      if (!team.awsRoleArn) continue;
      // people reach their namespace through the team group and its RoleBinding
      new EksAccessEntry(this, `access-${team.name}`, { clusterName: this.cluster.name, principalArn: team.awsRoleArn, kubernetesGroups: [teamGroup(team)] });
    }
    (props.access ?? []).forEach((a, i) => this.grantAccess(a, i));
    this.entityRef = recordEnvironmentPart(this, 'cluster', `EKS ${version} cluster ${this.clusterName}`, props,
      { clusterName: this.clusterName, version, publicEndpoint: cidrs.length > 0, autoMode: this.autoMode });
  }

  /** An access entry and its access policy for one principal. */
  private grantAccess(access: ClusterAccess, i: number): void {
    validateName(this, `access[${i}].id`, access.id, 'kubernetesName');
    const namespaces = access.namespaces ?? [];
    namespaces.forEach((n, j) => validateName(this, `access[${i}].namespaces[${j}]`, n, 'kubernetesName'));
    if (access.policy === 'cluster-admin' && namespaces.length) throw new PlatformValidationError(this, `access[${i}].namespaces`, namespaces, 'must be empty for cluster-admin, which is cluster-wide');
    if ((access.policy === 'admin' || access.policy === 'edit') && !namespaces.length) throw new PlatformValidationError(this, `access[${i}].namespaces`, namespaces, `must name the namespaces ${access.policy} applies in`);
    const entry = new EksAccessEntry(this, `access-${access.id}`, { clusterName: this.cluster.name, principalArn: access.principalArn });
    new EksAccessPolicyAssociation(this, `access-${access.id}-policy`, {
      clusterName: this.cluster.name,
      principalArn: entry.principalArn,
      policyArn: ACCESS_POLICIES[access.policy],
      accessScope: namespaces.length ? { type: 'namespace', namespaces } : { type: 'cluster' },
    });
  }

  /** Without Auto Mode: a managed node group at the cluster's version, and the add-ons it needs. */
  private addNodeGroup(props: KubernetesClusterProps, nodes: NodeGroupOptions, minSize: number, maxSize: number): void {
    const template = new LaunchTemplate(this, 'node-template', {
      namePrefix: `${this.clusterName}-nodes-`,
      // one hop: pods (which get AWS credentials through IRSA) cannot reach the node's instance role
      metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled', httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', volumeSize: nodes.diskSizeGib ?? 50, volumeType: 'gp3' } }],
    });
    const addon = (name: string, extra: Partial<ConstructorParameters<typeof EksAddon>[2]> = {}) => new EksAddon(this, `addon-${name}`, {
      clusterName: this.cluster.name,
      addonName: name,
      addonVersion: this.addonVersion(name, props.addonVersions?.[name]),
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
      ...extra,
    });
    // before the nodes: pods get IPs (and network policies are enforced) from the start
    const cni = addon('vpc-cni', { configurationValues: JSON.stringify({ enableNetworkPolicy: 'true' }) });
    const podIdentity = addon('eks-pod-identity-agent');
    const kubeProxy = addon('kube-proxy');
    const group = new EksNodeGroup(this, 'nodes', {
      clusterName: this.cluster.name,
      nodeGroupName: 'default',
      version: this.cluster.version,
      nodeRoleArn: this.nodeRole.roleArn,
      subnetIds: props.subnetIds,
      instanceTypes: nodes.instanceTypes ?? ['m7g.large'],
      amiType: (nodes.instanceTypes ?? ['m7g.large']).every((t) => /^[a-z]+\d+g/.test(t)) ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
      scalingConfig: { minSize, maxSize, desiredSize: minSize },
      launchTemplate: { id: template.id, version: Fn.tostring(template.latestVersion) },
      // without its policies EKS can neither join nodes nor delete their instances and ENIs
      dependsOn: [...this.nodeRole.grants, cni, kubeProxy],
    });
    const ebsRole = new ServiceRole(this, 'ebs-csi-role', {
      accountId: props.accountId,
      service: 'pods.eks.amazonaws.com',
      sessionTags: true,
      managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy'],
    });
    // these run as pods: they wait for nodes
    addon('coredns', { dependsOn: [group] });
    addon('aws-ebs-csi-driver', { dependsOn: [group, podIdentity], podIdentityAssociation: [{ roleArn: ebsRole.roleArn, serviceAccount: 'ebs-csi-controller-sa' }] });
  }

  /** The pinned version of an add-on, or the default EKS gives it for the cluster's version. */
  public addonVersion(name: string, pinned?: string): string {
    return pinned ?? new DataAwsEksAddonVersion(this, `addon-${name}-version`, { addonName: name, kubernetesVersion: this.cluster.version, mostRecent: false }).version;
  }

  /** The cluster's OIDC issuer without https://, as IRSA trust conditions need it. */
  public get oidcIssuer(): string {
    return Fn.replace(this.cluster.identity.get(0).oidc.get(0).issuer, 'https://', '');
  }
}
