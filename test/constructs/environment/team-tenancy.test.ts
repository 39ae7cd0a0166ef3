import { QUOTA_PRESETS, TeamTenancy, TeamTenancyProps } from '../../../constructs/environment/team-tenancy';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

function tenancy(props: Partial<TeamTenancyProps> = {}) {
  const { stack } = contextStack();
  new TeamTenancy(stack, 'payments', { team: { name: 'payments', size: 'medium', onCall: 'oncall@acme.example' }, ...props });
  return synthJson(stack);
}

describe('TeamTenancy', () => {
  const json = tenancy();

  test('namespace enforces, audits and warns Pod Security restricted, with owner labels', () => {
    const [ns] = ofType(json, 'kubernetes_namespace_v1');
    expect(ns.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'goldenpath/team': 'payments',
    });
    expect(ns.metadata.annotations).toEqual({ 'goldenpath/owner': 'group:payments', 'goldenpath/on-call': 'oncall@acme.example' });
  });

  test('quota from the size preset, or explicit values, and default container limits', () => {
    expect(ofType(json, 'kubernetes_resource_quota_v1')[0].spec.hard).toEqual({
      'requests.cpu': String(QUOTA_PRESETS.medium.cpu), 'requests.memory': '32Gi', 'limits.cpu': '32', 'limits.memory': '64Gi', 'pods': '150',
    });
    const custom = tenancy({ quota: { cpu: 2, memoryGib: 3, pods: 10 } });
    expect(ofType(custom, 'kubernetes_resource_quota_v1')[0].spec.hard['requests.memory']).toBe('3Gi');
    expect(ofType(json, 'kubernetes_limit_range_v1')[0].spec.limit[0]).toMatchObject({ type: 'Container', default_request: { cpu: '100m', memory: '128Mi' } });
  });

  test('default-deny ingress and egress, with DNS allowed', () => {
    const policies = ofType(json, 'kubernetes_network_policy_v1');
    expect(policies.find((p) => p.metadata.name === 'default-deny').spec).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
    const dns = policies.find((p) => p.metadata.name === 'allow-dns').spec;
    expect(dns.egress[0].ports).toEqual([{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }]);
  });

  test("a Role without wildcards bound to the team's group", () => {
    const [binding] = ofType(json, 'kubernetes_role_binding_v1');
    expect(binding.subject).toEqual([{ kind: 'Group', name: 'team:payments', api_group: 'rbac.authorization.k8s.io' }]);
    const rules = ofType(json, 'kubernetes_role_v1')[0].rule;
    expect(JSON.stringify(rules)).not.toContain('"*"');
  });

  test('passes every built-in guardrail', () => {
    expect(blockingFindings(json)).toEqual([]);
  });

  describe('validation', () => {
    const cases: Array<[string, Partial<TeamTenancyProps>, string]> = [
      ['namespace name', { namespace: 'Payments_NS' }, 'test/payments: `namespace` must be a DNS-1123 label: lowercase letters, digits and hyphens, starting and ending with a letter or digit (kubernetesName name), got "Payments_NS"'],
      ['team name over the limit', { team: { name: 'p'.repeat(64) } }, `test/payments: \`team.name\` must be 1 to 63 characters long for a kubernetesName name (it is 64), got "${'p'.repeat(64)}"`],
      ['size', { team: { name: 'payments', size: 'huge' as any } }, 'test/payments: `team.size` must be one of small, medium, large, got "huge"'],
      ['on-call', { team: { name: 'payments', onCall: 'call bob' } }, 'test/payments: `team.onCall` must be an e-mail address or an https:// URL, got "call bob"'],
      ['role ARN', { team: { name: 'payments', awsRoleArn: 'payments-role' } }, 'test/payments: `team.awsRoleArn` must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got "payments-role"'],
      ['system group', { team: { name: 'payments', group: 'system:masters' } }, "test/payments: `team.group` must be a non-empty group name not starting with 'system:', got \"system:masters\""],
      ['quota', { quota: { cpu: 0, memoryGib: 1, pods: 1 } }, 'test/payments: `quota.cpu` must be a positive number, got 0'],
    ];
    test.each(cases)('%s', (_n, props, message) => {
      expect(() => tenancy(props)).toThrow(message);
    });
  });
});
