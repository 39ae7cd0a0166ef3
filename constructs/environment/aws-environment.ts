import { Construct } from 'constructs';
import { EnvironmentKeys } from './environment-keys';
import { ClusterAccess, KubernetesCluster, NODES_SPEC, NodeGroupOptions } from './kubernetes-cluster';
import { NatGateways, Network, VpcEndpointName } from './network';
import { EnvironmentProfile, PROFILE_SPEC } from '../../src/core/environment-profile';
import { deriveName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { Team, TEAM_SPEC } from '../../src/core/team';
import { markGoldenPath } from '../../src/golden-path';
import { AccessLogsBucket } from '../baseline/access-logs-bucket';

/** What an environment's cluster looks like; leave out to get the defaults. */
export interface ClusterOptions {
  /** @default EKS_DEFAULT_VERSION */
  readonly version?: string;
  /** @default - private endpoint only */
  readonly publicAccessCidrs?: string[];
  /** @default - see NodeGroupOptions */
  readonly nodes?: NodeGroupOptions;
  /** EKS Auto Mode (see KubernetesClusterProps.autoMode). @default true */
  readonly autoMode?: boolean;
}

export interface AwsEnvironmentProps {
  readonly org: string;
  /** Environment name (dev, prod...). */
  readonly environment: string;
  readonly accountId: string;
  readonly region: string;
  /** Settings that differ by kind of environment (retention, NAT, deletion protection). */
  readonly profile: EnvironmentProfile;
  /** The VPC CIDR (private IPv4, /16 to /20). */
  readonly cidr: string;
  /** Networks that must not overlap this one. @default - none */
  readonly peerCidrs?: string[];
  /** @default - three zones `<region>a..c` */
  readonly availabilityZones?: string[];
  /** @default - 'per-az' in production profiles, 'single' elsewhere */
  readonly natGateways?: NatGateways;
  /** @default ['s3'] (the gateway endpoint is free) */
  readonly endpoints?: VpcEndpointName[];
  /** Create an EKS cluster. @default true */
  readonly createCluster?: boolean;
  /** @default - defaults of ClusterOptions */
  readonly cluster?: ClusterOptions;
  /** Teams that get cluster access entries. @default - none */
  readonly teams?: Team[];
  /** Principals that may use the cluster API (deploy roles). @default - none */
  readonly access?: ClusterAccess[];
}

/** AwsEnvironmentProps, checked at runtime. */
const AWS_ENVIRONMENT_PROPS: PropsSchema = {
  org: P.string(),
  environment: P.string(),
  accountId: P.string(),
  region: P.string(),
  profile: PROFILE_SPEC,
  cidr: P.string(),
  peerCidrs: opt(P.list(P.string())),
  availabilityZones: opt(P.list(P.string())),
  natGateways: opt(P.enum('per-az', 'single', 'none')),
  endpoints: opt(P.list(P.string())),
  createCluster: opt(P.boolean()),
  cluster: opt(P.object({ version: opt(P.string()), publicAccessCidrs: opt(P.list(P.string())), nodes: opt(NODES_SPEC), autoMode: opt(P.boolean()) })),
  teams: opt(P.list(TEAM_SPEC)),
  access: opt(P.list(P.any('a ClusterAccess'))),
};

/** The AWS side of an environment: keys per purpose, the network, and the cluster. */
export class AwsEnvironment extends Construct {
  public readonly keys: EnvironmentKeys;
  public readonly network: Network;
  public readonly cluster?: KubernetesCluster;
  /** Name of the environment's S3 access-log bucket (a literal, usable from other stacks). */
  public readonly accessLogsBucketName: string;

  constructor(scope: Construct, id: string, props: AwsEnvironmentProps) {
    super(scope, id);
    checkProps(this, props, AWS_ENVIRONMENT_PROPS, 'AwsEnvironmentProps');
    markGoldenPath(this, 'environment', { environment: props.environment });
    const { profile } = props;
    this.accessLogsBucketName = deriveName('s3Bucket', props.org, props.environment, 'access-logs', props.accountId);
    new AccessLogsBucket(this, 'access-logs', { accountId: props.accountId, bucketName: this.accessLogsBucketName, retentionDays: Math.max(props.profile.logRetentionDays, 90) });
    this.keys = new EnvironmentKeys(this, 'keys', { accountId: props.accountId, region: props.region, environment: props.environment });
    this.network = new Network(this, 'network', {
      accountId: props.accountId,
      region: props.region,
      cidr: props.cidr,
      peerCidrs: props.peerCidrs,
      availabilityZones: props.availabilityZones,
      natGateways: props.natGateways ?? (profile.natGatewayPerAz ? 'per-az' : 'single'),
      endpoints: props.endpoints ?? ['s3'],
      logsKeyArn: this.keys.logs.keyArn,
      logRetentionDays: profile.logRetentionDays,
    });
    if (props.createCluster ?? true) {
      this.cluster = new KubernetesCluster(this, 'cluster', {
        accountId: props.accountId,
        region: props.region,
        clusterName: deriveName('eksCluster', props.org, props.environment),
        version: props.cluster?.version,
        subnetIds: this.network.privateSubnetIds,
        secretsKeyArn: this.keys.secrets.keyArn,
        logsKeyArn: this.keys.logs.keyArn,
        logRetentionDays: profile.logRetentionDays,
        publicAccessCidrs: props.cluster?.publicAccessCidrs,
        nodes: props.cluster?.nodes,
        teams: props.teams,
        deletionProtection: profile.deletionProtection,
        autoMode: props.cluster?.autoMode,
        access: props.access,
      });
    }
  }
}
