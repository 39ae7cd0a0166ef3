import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Construct } from 'constructs';
import { isPrivate, overlaps, parseIpv4Cidr, subnetLayout } from './cidr';
import { recordEnvironmentPart } from './environment-entity';
import { PlatformValidationError } from '../../src/core/errors';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';
import { ServiceRole } from '../baseline/service-role';

export type NatGateways = 'per-az' | 'single' | 'none';
export type VpcEndpointName = 's3' | 'ecr' | 'sts' | 'logs';
const ENDPOINTS: readonly VpcEndpointName[] = ['s3', 'ecr', 'sts', 'logs'];

export interface NetworkProps {
  readonly accountId: string;
  readonly region: string;
  /** The VPC block: a private (RFC 1918) IPv4 CIDR from /16 to /20. */
  readonly cidr: string;
  /** Availability zones, 2 or 3. @default - `<region>a`, `<region>b`, `<region>c` */
  readonly availabilityZones?: string[];
  /** NAT gateways for the private subnets. @default 'single' */
  readonly natGateways?: NatGateways;
  /** CIDRs of networks this VPC will be peered or routed with; none may overlap. @default - none */
  readonly peerCidrs?: string[];
  /** VPC endpoints so traffic to AWS services stays in the VPC. @default - none */
  readonly endpoints?: VpcEndpointName[];
  /** KMS key for the flow log group. */
  readonly logsKeyArn: string;
  /** Days to keep flow logs. */
  readonly logRetentionDays: number;
}

/** NetworkProps, checked at runtime. */
const NETWORK_PROPS: PropsSchema = {
  accountId: P.string(),
  region: P.string(),
  cidr: P.string(),
  availabilityZones: opt(P.list(P.string())),
  natGateways: opt(P.enum('per-az', 'single', 'none')),
  peerCidrs: opt(P.list(P.string())),
  endpoints: opt(P.list(P.string())),
  logsKeyArn: P.arn('kms'),
  logRetentionDays: P.number({ integer: true, min: 1 }),
};

/**
 * A VPC with public, private and isolated subnets in each zone, computed from one CIDR;
 * NAT for the private tier; flow logs of all traffic to an encrypted, retained log group;
 * the default security group closed; optional endpoints for S3, ECR, STS and CloudWatch Logs.
 */
export class Network extends Construct {
  public readonly vpc: Vpc;
  public readonly publicSubnetIds: string[];
  public readonly privateSubnetIds: string[];
  public readonly isolatedSubnetIds: string[];
  public readonly cidr: string;
  /** Its catalog entity. */
  public readonly entityRef: string;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    checkProps(this, props, NETWORK_PROPS, 'NetworkProps');
    markGoldenPath(this, 'network');
    const block = parseIpv4Cidr(props.cidr);
    if (!block) throw new PlatformValidationError(this, 'cidr', props.cidr, 'must be an IPv4 CIDR block such as 10.20.0.0/16 (the address must start the block)');
    if (!isPrivate(block)) throw new PlatformValidationError(this, 'cidr', props.cidr, 'must lie in a private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)');
    if (block.prefix < 16 || block.prefix > 20) throw new PlatformValidationError(this, 'cidr', props.cidr, 'must be from /16 (the largest VPC) to /20 (the smallest with room for pods)');
    (props.peerCidrs ?? []).forEach((peer, i) => {
      const p = parseIpv4Cidr(peer);
      if (!p) throw new PlatformValidationError(this, `peerCidrs[${i}]`, peer, 'must be an IPv4 CIDR block');
      if (overlaps(p, block)) throw new PlatformValidationError(this, 'cidr', props.cidr, `must not overlap peer network ${peer}`);
    });
    const azs = props.availabilityZones ?? ['a', 'b', 'c'].map((l) => `${props.region}${l}`);
    if (azs.length < 2 || azs.length > 3) throw new PlatformValidationError(this, 'availabilityZones', azs, 'must list 2 or 3 zones');
    azs.forEach((az, i) => {
      if (!az.startsWith(props.region)) throw new PlatformValidationError(this, `availabilityZones[${i}]`, az, `must be a zone of ${props.region}`);
    });
    if (new Set(azs).size !== azs.length) throw new PlatformValidationError(this, 'availabilityZones', azs, 'must not repeat a zone');
    const nat = props.natGateways ?? 'single';
    if (!['per-az', 'single', 'none'].includes(nat)) throw new PlatformValidationError(this, 'natGateways', nat, "must be 'per-az', 'single' or 'none'");
    (props.endpoints ?? []).forEach((e, i) => {
      if (!ENDPOINTS.includes(e)) throw new PlatformValidationError(this, `endpoints[${i}]`, e, `must be one of ${ENDPOINTS.join(', ')}`);
    });

    this.cidr = props.cidr;
    const layout = subnetLayout(block, azs.length);
    this.vpc = new Vpc(this, 'vpc', { cidrBlock: props.cidr, enableDnsHostnames: true, enableDnsSupport: true });
    new DefaultSecurityGroup(this, 'default-sg', { vpcId: this.vpc.id }); // no rules: closed

    const igw = new InternetGateway(this, 'igw', { vpcId: this.vpc.id });
    const publicRt = new RouteTable(this, 'public-rt', { vpcId: this.vpc.id });
    new Route(this, 'public-default', { routeTableId: publicRt.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
    const subnets = (tier: 'public' | 'private' | 'isolated') => azs.map((az, i) => new Subnet(this, `${tier}-${i}`, {
      vpcId: this.vpc.id,
      cidrBlock: layout[tier][i],
      availabilityZone: az,
      mapPublicIpOnLaunch: false,
      // the role tags EKS and the AWS load balancer controller read
      tags: tier === 'public' ? { 'kubernetes.io/role/elb': '1' } : tier === 'private' ? { 'kubernetes.io/role/internal-elb': '1' } : {},
    }));
    const publics = subnets('public');
    const privates = subnets('private');
    const isolated = subnets('isolated');
    publics.forEach((s, i) => new RouteTableAssociation(this, `public-assoc-${i}`, { subnetId: s.id, routeTableId: publicRt.id }));

    const natCount = nat === 'per-az' ? azs.length : nat === 'single' ? 1 : 0;
    const natIds = [...Array(natCount).keys()].map((i) => {
      const eip = new Eip(this, `nat-eip-${i}`, { domain: 'vpc' });
      return new NatGateway(this, `nat-${i}`, { allocationId: eip.id, subnetId: publics[i].id, dependsOn: [igw] }).id;
    });
    const privateRts = privates.map((s, i) => {
      const rt = new RouteTable(this, `private-rt-${i}`, { vpcId: this.vpc.id });
      if (natIds.length) new Route(this, `private-default-${i}`, { routeTableId: rt.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: natIds[Math.min(i, natIds.length - 1)] });
      new RouteTableAssociation(this, `private-assoc-${i}`, { subnetId: s.id, routeTableId: rt.id });
      return rt;
    });
    const isolatedRt = new RouteTable(this, 'isolated-rt', { vpcId: this.vpc.id }); // no route out
    isolated.forEach((s, i) => new RouteTableAssociation(this, `isolated-assoc-${i}`, { subnetId: s.id, routeTableId: isolatedRt.id }));

    const flowLogs = new CloudwatchLogGroup(this, 'flow-logs', {
      name: `/goldenpath/vpc/${this.node.path.replace(/\//g, '-')}/flow-logs`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logsKeyArn,
    });
    const flowRole = new ServiceRole(this, 'flow-logs-role', {
      accountId: props.accountId,
      service: 'vpc-flow-logs.amazonaws.com',
      statements: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], Resource: `${flowLogs.arn}:*` }],
    });
    new FlowLog(this, 'flow-log', { vpcId: this.vpc.id, trafficType: 'ALL', logDestination: flowLogs.arn, iamRoleArn: flowRole.roleArn, maxAggregationInterval: 60 });

    const endpoints = props.endpoints ?? [];
    if (endpoints.includes('s3')) {
      new VpcEndpoint(this, 'endpoint-s3', {
        vpcId: this.vpc.id,
        serviceName: `com.amazonaws.${props.region}.s3`,
        vpcEndpointType: 'Gateway',
        routeTableIds: [...privateRts.map((rt) => rt.id), isolatedRt.id],
      });
    }
    const interfaces = endpoints.flatMap((e) => (e === 'ecr' ? ['ecr.api', 'ecr.dkr'] : e === 's3' ? [] : [e]));
    if (interfaces.length) {
      const sg = new SecurityGroup(this, 'endpoints-sg', {
        vpcId: this.vpc.id,
        name: `${id}-endpoints`,
        description: 'HTTPS from the VPC to AWS service endpoints',
        ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: [props.cidr], description: 'HTTPS from inside the VPC' }],
      });
      for (const svc of interfaces) {
        new VpcEndpoint(this, `endpoint-${svc.replace('.', '-')}`, {
          vpcId: this.vpc.id,
          serviceName: `com.amazonaws.${props.region}.${svc}`,
          vpcEndpointType: 'Interface',
          subnetIds: privates.map((s) => s.id),
          securityGroupIds: [sg.id],
          privateDnsEnabled: true,
        });
      }
    }
    this.publicSubnetIds = publics.map((s) => s.id);
    this.privateSubnetIds = privates.map((s) => s.id);
    this.isolatedSubnetIds = isolated.map((s) => s.id);
    this.entityRef = recordEnvironmentPart(this, 'network', `VPC ${this.cidr} over ${azs.length} zones`, props,
      { cidr: this.cidr, availabilityZones: azs, natGateways: nat, endpoints: [...endpoints].sort() });
  }
}
