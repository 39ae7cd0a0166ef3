import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1';
import { Construct } from 'constructs';
import { PlatformValidationError } from '../../src/core/errors';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { Team, TEAM_SPEC, teamGroup, TeamSize, validateTeam } from '../../src/core/team';
import { markGoldenPath } from '../../src/golden-path';

/** Namespace quota of one size preset. */
export interface NamespaceQuota {
  /** Sum of CPU requests, in cores. */
  readonly cpu: number;
  /** Sum of memory requests, in GiB (limits may reach twice this). */
  readonly memoryGib: number;
  readonly pods: number;
}

export const QUOTA_PRESETS: Record<TeamSize, NamespaceQuota> = {
  small: { cpu: 4, memoryGib: 8, pods: 40 },
  medium: { cpu: 16, memoryGib: 32, pods: 150 },
  large: { cpu: 64, memoryGib: 128, pods: 500 },
};

export interface TeamTenancyProps {
  readonly team: Team;
  /** Namespace name. @default - the team name */
  readonly namespace?: string;
  /** Explicit quota instead of the team's size preset. @default - QUOTA_PRESETS[team.size ?? 'small'] */
  readonly quota?: NamespaceQuota;
}

/** What the team's group may do in its namespace: run workloads, read everything, no RBAC changes. */
const TEAM_RULES = [
  { apiGroups: [''], resources: ['pods', 'pods/log', 'services', 'endpoints', 'configmaps', 'persistentvolumeclaims', 'events', 'serviceaccounts'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['pods/portforward', 'pods/exec'], verbs: ['create'] },
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'replicasets'], verbs: ['get', 'list', 'watch', 'patch'] },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get', 'list', 'watch', 'create', 'delete'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: ['get', 'list', 'watch'] },
];

/** TeamTenancyProps, checked at runtime. */
const TEAM_TENANCY_PROPS: PropsSchema = {
  team: TEAM_SPEC,
  namespace: opt(P.string()),
  quota: opt(P.object({ cpu: P.number({ min: 0 }), memoryGib: P.number({ min: 0 }), pods: P.number({ integer: true, min: 1 }) })),
};

/**
 * A team's tenancy on a cluster: a namespace that enforces Pod Security "restricted", a
 * ResourceQuota and LimitRange from a size preset, default-deny ingress and egress with
 * DNS allowed, and a Role and RoleBinding for the team's group.
 */
export class TeamTenancy extends Construct {
  public readonly namespace: NamespaceV1;
  public readonly namespaceName: string;
  /** The namespace's quota (its services' autoscalers must fit in it). */
  public readonly quota: NamespaceQuota;

  constructor(scope: Construct, id: string, props: TeamTenancyProps) {
    super(scope, id);
    checkProps(this, props, TEAM_TENANCY_PROPS, 'TeamTenancyProps');
    markGoldenPath(this, 'team-tenancy', { team: props.team.name, costCentre: props.team.costCentre });
    validateTeam(this, 'team', props.team);
    const name = validateName(this, 'namespace', props.namespace ?? props.team.name, 'kubernetesName');
    const quota = this.quota = props.quota ?? QUOTA_PRESETS[props.team.size ?? 'small'];
    for (const [k, v] of Object.entries(quota)) {
      if (typeof v !== 'number' || !(v > 0)) throw new PlatformValidationError(this, `quota.${k}`, v, 'must be a positive number');
    }
    this.namespaceName = name;
    const pss = Object.fromEntries(['enforce', 'audit', 'warn'].flatMap((mode) => [
      [`pod-security.kubernetes.io/${mode}`, 'restricted'],
      [`pod-security.kubernetes.io/${mode}-version`, 'latest'],
    ]));
    this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: {
        name,
        labels: pss,
        annotations: { 'goldenpath/owner': `group:${props.team.name}`, ...(props.team.onCall ? { 'goldenpath/on-call': props.team.onCall } : {}) },
      },
    });
    const ns = this.namespace.metadata.name;
    new ResourceQuotaV1(this, 'quota', {
      metadata: { name: 'team-quota', namespace: ns },
      spec: {
        hard: {
          'requests.cpu': String(quota.cpu),
          'requests.memory': `${quota.memoryGib}Gi`,
          'limits.cpu': String(quota.cpu * 2),
          'limits.memory': `${quota.memoryGib * 2}Gi`,
          'pods': String(quota.pods),
        },
      },
    });
    new LimitRangeV1(this, 'limits', {
      metadata: { name: 'team-defaults', namespace: ns },
      spec: { limit: [{ type: 'Container', defaultRequest: { cpu: '100m', memory: '128Mi' }, default: { cpu: '500m', memory: '512Mi' } }] },
    });
    new NetworkPolicyV1(this, 'default-deny', {
      metadata: { name: 'default-deny', namespace: ns },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    new NetworkPolicyV1(this, 'allow-dns', {
      metadata: { name: 'allow-dns', namespace: ns },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }],
        }],
      },
    });
    const role = new RoleV1(this, 'role', { metadata: { name: 'team', namespace: ns }, rule: TEAM_RULES });
    new RoleBindingV1(this, 'binding', {
      metadata: { name: 'team', namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
      subject: [{ kind: 'Group', name: teamGroup(props.team), apiGroup: 'rbac.authorization.k8s.io' }],
    });
  }
}
