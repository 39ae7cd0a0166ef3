import { RuleCases } from './cases';

const sg = (ingress: object[], egress: object[] = []) => ({ 'aws_security_group.s': { name: 'x', ingress, egress } });
const rule = (c: object) => ({ 'aws_security_group_rule.r': { type: 'ingress', description: 'why', ...c } });
const v2 = (c: object) => ({ 'aws_vpc_security_group_ingress_rule.r': { security_group_id: 'sg', description: 'why', ...c } });
const tcp = (port: number, cidr = '0.0.0.0/0', to = port) => ({ protocol: 'tcp', from_port: port, to_port: to, cidr_blocks: [cidr], description: 'why' });

export const NETWORK_CASES: Record<string, RuleCases> = {
  'GP-NET-001': {
    pass: [sg([tcp(22, '10.0.0.0/8')]), rule({ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] })],
    fail: [sg([tcp(22)]), rule({ protocol: 'tcp', from_port: 0, to_port: 1024, ipv6_cidr_blocks: ['::/0'] }), v2({ ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' })],
    unknown: [sg([{ ...tcp(22), cidr_blocks: ['${var.cidr}'] }])],
    notApplicable: [sg([], [tcp(22)])],
  },
  'GP-NET-002': {
    pass: [sg([tcp(3389, '192.168.0.0/16')])],
    fail: [sg([tcp(3389)]), v2({ ip_protocol: '6', from_port: 3389, to_port: 3389, cidr_ipv6: '::/0' })],
  },
  'GP-NET-003': {
    pass: [v2({ ip_protocol: '-1', cidr_ipv4: '10.0.0.0/16' }), sg([tcp(443)])],
    // Checkov misses this one: ip_protocol = "-1" on the newer rule resource
    fail: [v2({ ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' }), sg([{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }])],
  },
  'GP-NET-004': {
    pass: [sg([tcp(5432, '10.0.0.0/16')]), sg([tcp(443)])],
    fail: [sg([tcp(5432)]), rule({ protocol: 'tcp', from_port: 6379, to_port: 6379, cidr_blocks: ['0.0.0.0/0'] })],
  },
  'GP-NET-005': {
    pass: [sg([tcp(443), tcp(80)])],
    fail: [sg([tcp(8080)]), sg([tcp(80, '0.0.0.0/0', 443)])],
  },
  'GP-NET-006': {
    pass: [sg([tcp(443, '10.0.0.0/8')])],
    fail: [sg([{ ...tcp(443), description: undefined }]), { 'aws_vpc_security_group_ingress_rule.r': { ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '10.0.0.0/8' } }],
  },
  'GP-NET-007': {
    pass: [{ 'aws_default_security_group.d': { vpc_id: 'v' } }, { 'aws_default_security_group.d': { vpc_id: 'v', ingress: [], egress: [] } }],
    fail: [{ 'aws_default_security_group.d': { vpc_id: 'v', egress: [{ protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }] } }],
  },
  'GP-NET-008': {
    pass: [{ 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${aws_vpc.v.id}', traffic_type: 'ALL' } }],
    fail: [{ 'aws_vpc.v': { cidr_block: '10.0.0.0/16' } }, { 'aws_vpc.v': { cidr_block: '10.0.0.0/16' }, 'aws_flow_log.f': { vpc_id: '${aws_vpc.other.id}' } }],
  },
  'GP-NET-009': {
    pass: [{ 'aws_flow_log.f': { traffic_type: 'ALL' } }],
    fail: [{ 'aws_flow_log.f': { traffic_type: 'REJECT' } }],
    unknown: [{ 'aws_flow_log.f': { traffic_type: '${var.t}' } }],
  },
  'GP-NET-010': {
    pass: [{ 'aws_subnet.s': { cidr_block: '10.0.0.0/24' } }],
    fail: [{ 'aws_subnet.s': { cidr_block: '10.0.0.0/24', map_public_ip_on_launch: true } }],
  },
  'GP-NET-012': {
    pass: [sg([tcp(443)]), sg([tcp(80, '10.0.0.0/8')])],
    fail: [sg([tcp(80)]), sg([tcp(0, '0.0.0.0/0', 1024)]), v2({ ip_protocol: 'tcp', from_port: 80, to_port: 80, cidr_ipv4: '0.0.0.0/0' })],
    unknown: [sg([{ ...tcp(80), cidr_blocks: ['${var.cidr}'] }])],
  },
  'GP-NET-011': {
    pass: [sg([], [tcp(443)]), { 'aws_vpc_security_group_egress_rule.e': { ip_protocol: '-1', cidr_ipv4: '10.0.0.0/8' } }],
    fail: [sg([], [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] }]), { 'aws_vpc_security_group_egress_rule.e': { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0' } }],
    notApplicable: [sg([tcp(443)])],
  },
};
