import { ResourceView, Rule, RuleOutcome } from '../model';
import { blocks, fail, forbid, isExpression, list, NOT_APPLICABLE, PASS, requireEquals, unknown } from '../values';

/** One ingress or egress permission, whichever resource type it came from. */
interface Permission {
  readonly direction: 'ingress' | 'egress';
  readonly protocol: string;
  readonly from?: number;
  readonly to?: number;
  readonly cidrs: string[];
  readonly description?: unknown;
  readonly path: string;
  readonly expression: boolean;
}

const SG_TYPES = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];
const WORLD = ['0.0.0.0/0', '::/0'];

/** Normalise the four ways Terraform expresses a security group permission. */
export function permissions(resource: ResourceView): Permission[] {
  const c: any = resource.config;
  const expression = (...v: unknown[]) => v.some((x) => isExpression(x) || (Array.isArray(x) && x.some(isExpression)));
  switch (resource.type) {
    case 'aws_security_group':
      return (['ingress', 'egress'] as const).flatMap((direction) => blocks(c[direction]).map((b, i) => ({
        direction,
        protocol: String(b.protocol ?? ''),
        from: num(b.from_port),
        to: num(b.to_port),
        cidrs: [...list(b.cidr_blocks), ...list(b.ipv6_cidr_blocks)].map(String),
        description: b.description,
        path: `${direction}[${i}]`,
        expression: expression(b.protocol, b.from_port, b.to_port, b.cidr_blocks, b.ipv6_cidr_blocks),
      })));
    case 'aws_security_group_rule':
      return [{
        direction: c.type === 'egress' ? 'egress' : 'ingress',
        protocol: String(c.protocol ?? ''),
        from: num(c.from_port),
        to: num(c.to_port),
        cidrs: [...list(c.cidr_blocks), ...list(c.ipv6_cidr_blocks)].map(String),
        description: c.description,
        path: '',
        expression: expression(c.type, c.protocol, c.from_port, c.to_port, c.cidr_blocks, c.ipv6_cidr_blocks),
      }];
    default: // aws_vpc_security_group_{ingress,egress}_rule: ip_protocol, cidr_ipv4/cidr_ipv6
      return [{
        direction: resource.type.includes('egress') ? 'egress' : 'ingress',
        protocol: String(c.ip_protocol ?? ''),
        from: num(c.from_port),
        to: num(c.to_port),
        cidrs: [c.cidr_ipv4, c.cidr_ipv6].filter((x) => x !== undefined).map(String),
        description: c.description,
        path: '',
        expression: expression(c.ip_protocol, c.from_port, c.to_port, c.cidr_ipv4, c.cidr_ipv6),
      }];
  }
}

function num(v: unknown): number | undefined {
  return v === undefined || v === null || isExpression(v) ? undefined : Number(v);
}

const allProtocols = (p: Permission) => p.protocol === '-1' || p.protocol.toLowerCase() === 'all';
const fromWorld = (p: Permission) => p.cidrs.some((c) => WORLD.includes(c));
/** TCP and UDP (by name or number) carry ports; a rule from port 0 to port 0 opens them all, as with protocol -1. */
const PORT_PROTOCOLS = ['tcp', 'udp', '6', '17'];
const covers = (p: Permission, port: number) =>
  allProtocols(p) || (PORT_PROTOCOLS.includes(p.protocol.toLowerCase()) && ((p.from === 0 && p.to === 0) || ((p.from ?? 0) <= port && port <= (p.to ?? 65535))));

/**
 * Fail when a world-open ingress permission matches `bad`. Checkov's per-port checks read
 * `protocol`, so on aws_vpc_security_group_ingress_rule they miss `ip_protocol = "-1"`:
 * such a finding cites no Checkov check.
 */
function worldIngress(resource: ResourceView, bad: (p: Permission) => boolean, what: string): RuleOutcome {
  const perms = permissions(resource).filter((p) => p.direction === 'ingress');
  if (perms.length === 0 && isExpression(resource.config.ingress)) return unknown('ingress', 'is a dynamic block whose content is known only at plan time');
  if (perms.length === 0) return NOT_APPLICABLE;
  const open = perms.find((p) => !p.expression && fromWorld(p) && bad(p));
  if (open) {
    const missedByCheckov = resource.type === 'aws_vpc_security_group_ingress_rule' && allProtocols(open);
    return fail(`ingress from ${open.cidrs.filter((c) => WORLD.includes(c)).join(', ')} ${what}`, open.path || undefined, missedByCheckov ? [] : undefined);
  }
  const unresolved = perms.find((p) => p.expression);
  if (unresolved) return unknown(unresolved.path || 'cidr_blocks', 'has parts resolved only at plan time');
  return isExpression(resource.config.ingress) ? unknown('ingress', 'is a dynamic block whose content is known only at plan time') : PASS;
}

const DATA_PORTS = [1433, 1521, 2379, 3306, 5432, 5601, 6379, 9200, 9300, 11211, 27017];

export const NETWORK_RULES: Rule[] = [
  {
    id: 'GP-NET-001',
    title: 'No SSH from the internet',
    severity: 'error',
    rationale: 'Port 22 open to the world invites brute force; use SSM Session Manager or a bastion with a narrow CIDR.',
    remediation: 'Restrict the CIDR, or remove the rule and use SSM Session Manager.',
    resourceTypes: SG_TYPES,
    checkov: ['CKV_AWS_24'],
    checkovDifferences: 'Checkov\'s per-port checks read protocol, so they pass ip_protocol = "-1" on aws_vpc_security_group_ingress_rule; this rule fails it (citing nothing).',
    cis: ['5.2'],
    evaluate: (r) => worldIngress(r, (p) => covers(p, 22), 'reaches port 22'),
  },
  {
    id: 'GP-NET-002',
    title: 'No RDP from the internet',
    severity: 'error',
    rationale: 'Port 3389 open to the world is the most attacked Windows entry point.',
    remediation: 'Restrict the CIDR, or use Fleet Manager / SSM for remote desktop.',
    resourceTypes: SG_TYPES,
    checkov: ['CKV_AWS_25'],
    checkovDifferences: 'As GP-NET-001: ip_protocol = "-1" on the newer rule type fails here only.',
    cis: ['5.2'],
    evaluate: (r) => worldIngress(r, (p) => covers(p, 3389), 'reaches port 3389'),
  },
  {
    id: 'GP-NET-003',
    title: 'No all-traffic ingress from the internet',
    severity: 'error',
    rationale: 'Protocol -1 opens every port.',
    remediation: 'Allow only the ports the service listens on, from the callers that need them.',
    resourceTypes: SG_TYPES,
    checkov: ['CKV_AWS_277'],
    checkovDifferences: 'As GP-NET-001: ip_protocol = "-1" on the newer rule type fails here only.',
    evaluate: (r) => worldIngress(r, allProtocols, 'allows all protocols and ports'),
  },
  {
    id: 'GP-NET-004',
    title: 'No database or cache port from the internet',
    severity: 'error',
    rationale: 'Databases, caches and search clusters belong in private subnets, reachable only from their callers.',
    remediation: 'Allow the port only from the application security group or private CIDRs.',
    resourceTypes: SG_TYPES,
    evaluate: (r) => worldIngress(r, (p) => !allProtocols(p) && DATA_PORTS.some((port) => covers(p, port)), `reaches a data port (${DATA_PORTS.join(', ')})`),
  },
  {
    id: 'GP-NET-005',
    title: 'Only HTTP(S) from the internet',
    severity: 'warning',
    rationale: 'A public listener other than 80/443 is usually a forgotten debugging rule.',
    remediation: 'Put the service behind a load balancer on 443, or narrow the CIDR.',
    resourceTypes: SG_TYPES,
    evaluate: (r) => worldIngress(r, (p) => !allProtocols(p) && !((p.from ?? -1) >= 80 && (p.to ?? -1) <= 80) && !((p.from ?? -1) >= 443 && (p.to ?? -1) <= 443), 'reaches a port other than 80 or 443'),
  },
  {
    id: 'GP-NET-012',
    title: 'No plain HTTP from the internet',
    severity: 'warning',
    rationale: 'Port 80 open to the world serves traffic without TLS; a load balancer that only redirects to 443 should be the one place it is open.',
    remediation: 'Serve 443 only, or open 80 on the load balancer that redirects to HTTPS and suppress this finding there with that reason.',
    resourceTypes: SG_TYPES,
    checkov: ['CKV_AWS_260'],
    evaluate: (r) => worldIngress(r, (p) => covers(p, 80), 'reaches port 80 (plain HTTP)'),
  },
  {
    id: 'GP-NET-006',
    title: 'Security group rules are described',
    severity: 'info',
    rationale: 'A description says why a hole exists, so reviewers can tell when it is no longer needed.',
    remediation: 'Add a description to every ingress and egress rule.',
    resourceTypes: SG_TYPES,
    checkov: ['CKV_AWS_23'],
    checkovDifferences: 'CKV_AWS_23 is content with the group\'s own description; every rule needs one here, also on the aws_vpc_security_group_*_rule types Checkov does not read.',
    evaluate(r) {
      const perms = permissions(r);
      if (perms.length === 0) return NOT_APPLICABLE;
      const bare = perms.find((p) => !p.description);
      if (!bare) return PASS;
      // CKV_AWS_23 is content with the group's own description, and does not read the
      // aws_vpc_security_group_*_rule types
      const checkovFails = r.type === 'aws_security_group_rule' || (r.type === 'aws_security_group' && !r.config.description);
      return fail('a rule has no description', bare.path || 'description', checkovFails ? ['CKV_AWS_23'] : []);
    },
  },
  {
    id: 'GP-NET-007',
    title: 'Default security group is closed',
    severity: 'error',
    rationale: 'Anything launched without a security group lands in the default one; it must allow nothing. A VPC whose default group Terraform does not manage keeps the AWS default, which allows traffic between its members.',
    remediation: 'Manage aws_default_security_group for the VPC with no ingress and no egress blocks (AwsEnvironment does).',
    resourceTypes: ['aws_default_security_group', 'aws_vpc'],
    checkov: ['CKV2_AWS_12'],
    cis: ['5.4'],
    evaluate(r, stack) {
      const closed = (sg: ResourceView): RuleOutcome => {
        if (isExpression(sg.config.ingress) || isExpression(sg.config.egress)) return unknown('ingress', 'is a dynamic block whose content is known only at plan time');
        const extra = stack.attached(sg, ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'], 'security_group_id');
        if (blocks(sg.config.ingress).length || blocks(sg.config.egress).length) return fail('the default security group has rules', 'ingress');
        return extra.length ? fail(`the default security group gets rules from ${extra[0].address}`) : PASS;
      };
      if (r.type === 'aws_default_security_group') return closed(r);
      const groups = stack.attached(r, ['aws_default_security_group'], 'vpc_id');
      if (groups.length === 0) return fail('no aws_default_security_group closes the default security group of this VPC');
      return closed(groups[0]);
    },
  },
  {
    id: 'GP-NET-008',
    title: 'VPC has flow logs',
    severity: 'error',
    rationale: 'Flow logs are the only record of which addresses talked to what during an incident.',
    remediation: 'Add an aws_flow_log for the VPC to an encrypted CloudWatch log group or S3 bucket.',
    resourceTypes: ['aws_vpc'],
    checkov: ['CKV2_AWS_11'],
    cis: ['3.7'],
    evaluate(vpc, stack) {
      return stack.attached(vpc, ['aws_flow_log'], 'vpc_id').length ? PASS : fail('no aws_flow_log refers to this VPC');
    },
  },
  {
    id: 'GP-NET-009',
    title: 'Flow logs capture all traffic',
    severity: 'warning',
    rationale: 'ACCEPT-only logs hide the probing that REJECT entries reveal, and REJECT-only hides exfiltration.',
    remediation: 'Set traffic_type to ALL.',
    resourceTypes: ['aws_flow_log'],
    evaluate: (r) => requireEquals(r.config, 'traffic_type', 'ALL'),
  },
  {
    id: 'GP-NET-010',
    title: 'Subnets do not hand out public IPs',
    severity: 'warning',
    rationale: 'Auto-assigned public IPs make every instance in the subnet reachable from the internet by default.',
    remediation: 'Leave map_public_ip_on_launch false; give load balancers and NAT gateways their own addresses.',
    resourceTypes: ['aws_subnet'],
    checkov: ['CKV_AWS_130'],
    evaluate: (r) => forbid(r.config, 'map_public_ip_on_launch', true),
  },
  {
    id: 'GP-NET-011',
    title: 'Egress is not open to everything',
    severity: 'info',
    rationale: 'All-protocol egress to the internet lets a compromised workload send data anywhere.',
    remediation: 'Allow egress only to the ports and destinations needed (VPC endpoints, 443).',
    resourceTypes: SG_TYPES,
    checkov: ['CKV_AWS_382'],
    checkovDifferences: 'As GP-NET-001, for egress: ip_protocol = "-1" on aws_vpc_security_group_egress_rule fails here only.',
    evaluate(r) {
      const egress = permissions(r).filter((p) => p.direction === 'egress');
      if (egress.length === 0) return isExpression(r.config.egress) ? unknown('egress', 'is a dynamic block whose content is known only at plan time') : NOT_APPLICABLE;
      const open = egress.find((p) => !p.expression && fromWorld(p) && allProtocols(p));
      // as for ingress, Checkov misses ip_protocol "-1" on aws_vpc_security_group_egress_rule
      if (open) return fail('egress allows all protocols to the internet', open.path || undefined, r.type === 'aws_vpc_security_group_egress_rule' ? [] : undefined);
      const unresolved = egress.find((p) => p.expression);
      return unresolved ? unknown(unresolved.path || 'cidr_blocks', 'has parts resolved only at plan time') : PASS;
    },
  },
];
