import { Network, NetworkProps } from '../../../constructs/environment/network';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

const base: NetworkProps = { accountId: '111111111111', region: 'eu-west-1', cidr: '10.20.0.0/16', logsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/logs', logRetentionDays: 365 };
function network(props: Partial<NetworkProps> = {}) {
  const { stack } = contextStack();
  new Network(stack, 'net', { ...base, ...props });
  return synthJson(stack);
}

describe('Network', () => {
  const json = network({ natGateways: 'per-az', endpoints: ['s3', 'ecr', 'sts', 'logs'] });

  test('three tiers in each of three zones, from one CIDR', () => {
    const subnets = ofType(json, 'aws_subnet');
    expect(subnets).toHaveLength(9);
    expect(subnets.map((s) => s.cidr_block).sort()).toContain('10.20.0.0/18');
    expect(new Set(subnets.map((s) => s.availability_zone))).toEqual(new Set(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']));
    expect(subnets.every((s) => s.map_public_ip_on_launch === false)).toBe(true);
  });

  test('NAT per zone in production, a single one otherwise, none on request', () => {
    expect(ofType(json, 'aws_nat_gateway')).toHaveLength(3);
    expect(ofType(network(), 'aws_nat_gateway')).toHaveLength(1);
    const none = network({ natGateways: 'none' });
    expect(ofType(none, 'aws_nat_gateway')).toHaveLength(0);
    expect(ofType(none, 'aws_route').map((r) => r.destination_cidr_block)).toEqual(['0.0.0.0/0']); // only the public route
  });

  test('flow logs of all traffic to an encrypted, retained log group; default security group closed', () => {
    expect(ofType(json, 'aws_flow_log')[0]).toMatchObject({ traffic_type: 'ALL', vpc_id: expect.stringMatching(/aws_vpc\./) });
    expect(ofType(json, 'aws_cloudwatch_log_group')[0]).toMatchObject({ retention_in_days: 365, kms_key_id: base.logsKeyArn });
    const sg = ofType(json, 'aws_default_security_group')[0];
    expect(sg.ingress).toBeUndefined();
    expect(sg.egress).toBeUndefined();
  });

  test('endpoints: S3 as a gateway, the others as interfaces with private DNS', () => {
    const endpoints = ofType(json, 'aws_vpc_endpoint');
    expect(endpoints.map((e) => e.service_name).sort()).toEqual(['ecr.api', 'ecr.dkr', 'logs', 's3', 'sts'].map((s) => `com.amazonaws.eu-west-1.${s}`));
    expect(endpoints.find((e) => e.service_name.endsWith('.s3')).vpc_endpoint_type).toBe('Gateway');
    expect(endpoints.filter((e) => e.vpc_endpoint_type === 'Interface').every((e) => e.private_dns_enabled)).toBe(true);
  });

  test('passes every built-in guardrail', () => {
    expect(blockingFindings(json)).toEqual([]);
  });

  describe('validation', () => {
    const cases: Array<[string, Partial<NetworkProps>, string]> = [
      ['not a CIDR', { cidr: '10.20.0.0' }, 'test/net: `cidr` must be an IPv4 CIDR block such as 10.20.0.0/16 (the address must start the block), got "10.20.0.0"'],
      ['host bits set', { cidr: '10.20.1.0/16' }, 'test/net: `cidr` must be an IPv4 CIDR block such as 10.20.0.0/16 (the address must start the block), got "10.20.1.0/16"'],
      ['public range', { cidr: '52.0.0.0/16' }, 'test/net: `cidr` must lie in a private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), got "52.0.0.0/16"'],
      ['too small', { cidr: '10.20.0.0/24' }, 'test/net: `cidr` must be from /16 (the largest VPC) to /20 (the smallest with room for pods), got "10.20.0.0/24"'],
      ['too large', { cidr: '10.0.0.0/8' }, 'test/net: `cidr` must be from /16 (the largest VPC) to /20 (the smallest with room for pods), got "10.0.0.0/8"'],
      ['overlaps a peer', { peerCidrs: ['10.20.128.0/17'] }, 'test/net: `cidr` must not overlap peer network 10.20.128.0/17, got "10.20.0.0/16"'],
      ['bad peer', { peerCidrs: ['nope'] }, 'test/net: `peerCidrs[0]` must be an IPv4 CIDR block, got "nope"'],
      ['one zone', { availabilityZones: ['eu-west-1a'] }, 'test/net: `availabilityZones` must list 2 or 3 zones, got ["eu-west-1a"]'],
      ['zone of another region', { availabilityZones: ['eu-west-1a', 'us-east-1b'] }, 'test/net: `availabilityZones[1]` must be a zone of eu-west-1, got "us-east-1b"'],
      ['repeated zone', { availabilityZones: ['eu-west-1a', 'eu-west-1a'] }, 'test/net: `availabilityZones` must not repeat a zone, got ["eu-west-1a","eu-west-1a"]'],
      ['NAT mode', { natGateways: 'many' as any }, 'test/net: `natGateways` must be one of per-az, single, none, got "many"'],
      ['endpoint', { endpoints: ['dynamodb' as any] }, 'test/net: `endpoints[0]` must be one of s3, ecr, sts, logs, got "dynamodb"'],
    ];
    test.each(cases)('%s', (_n, props, message) => {
      expect(() => network(props)).toThrow(message);
    });
  });
});
