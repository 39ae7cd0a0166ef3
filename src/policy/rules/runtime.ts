import { Rule, ResourceView, RuleOutcome, StackView } from '../model';
import { fail, get, isExpression, list, NOT_APPLICABLE, PASS, unknown } from '../values';
import { actionMatches, parsePolicy } from './policy-document';

/*
 * Whether the stacks run, not only whether each resource is safe: Checkov judges one resource
 * at a time; these rules look across the stacks of one `goldenpath check` run (at synth time,
 * across the one stack being synthesized).
 */

/** The stacks a rule may look across: the whole run, or the stack alone at synth time. */
const scope = (stack: StackView): readonly StackView[] => stack.app?.stacks ?? [stack];
const all = (stack: StackView, ...types: string[]): ResourceView[] => scope(stack).flatMap((s) => [...s.ofType(...types)]);
/** The environment a stack belongs to, from its golden-path context. */
const envOf = (stack: StackView): string | undefined => (typeof stack.meta.environment === 'string' ? stack.meta.environment : undefined);
/**
 * The clusters a stack's objects run on. Without one in view there is nothing to judge
 * against (not applicable): at synth time it is in another stack, and a service
 * repository's cdktf.out never holds the platform's cluster.
 */
const clustersFor = (stack: StackView): ResourceView[] => {
  const env = envOf(stack);
  return scope(stack).filter((s) => env === undefined || envOf(s) === undefined || envOf(s) === env).flatMap((s) => [...s.ofType('aws_eks_cluster')]);
};
const autoMode = (cluster: ResourceView) => [true, 'true'].includes(get(cluster.config, 'compute_config.enabled') as never);
const manifestOf = (r: ResourceView): Record<string, any> => (get(r.config, 'manifest') ?? {}) as Record<string, any>;

/** The namespace of a namespaced object: a literal, or the name of the namespace resource it references. */
function namespaceOf(r: ResourceView, stack: StackView): unknown {
  const value = get(r.config, 'metadata.namespace');
  const ref = typeof value === 'string' ? /^\$\{(kubernetes_namespace(?:_v1)?\.[\w-]+)\.metadata(?:\[0\])?\.name\}$/.exec(value) : null;
  return ref ? get(stack.byAddress(ref[1])?.config ?? {}, 'metadata.name') ?? value : value;
}

/** The first namespaced object of each namespace in a stack, computed once per stack (the rule runs per object). */
const firstObjects = new WeakMap<readonly ResourceView[], Map<unknown, ResourceView>>();
function firstPerNamespace(stack: StackView): Map<unknown, ResourceView> {
  let first = firstObjects.get(stack.resources);
  if (!first) {
    first = new Map();
    const namespaced = new Set(NAMESPACED_KUBERNETES_TYPES);
    for (const o of stack.resources.filter((x) => namespaced.has(x.type))) {
      const namespace = namespaceOf(o, stack);
      if (!first.has(namespace)) first.set(namespace, o);
    }
    firstObjects.set(stack.resources, first);
  }
  return first;
}

/** Namespaced Kubernetes resource types of the Terraform provider (their namespace is metadata.namespace). */
export const NAMESPACED_KUBERNETES_TYPES = [
  'kubernetes_deployment_v1', 'kubernetes_deployment', 'kubernetes_service_v1', 'kubernetes_service', 'kubernetes_service_account_v1', 'kubernetes_service_account',
  'kubernetes_config_map_v1', 'kubernetes_config_map', 'kubernetes_secret_v1', 'kubernetes_secret', 'kubernetes_horizontal_pod_autoscaler_v2', 'kubernetes_horizontal_pod_autoscaler_v1',
  'kubernetes_pod_disruption_budget_v1', 'kubernetes_network_policy_v1', 'kubernetes_network_policy', 'kubernetes_role_v1', 'kubernetes_role_binding_v1',
  'kubernetes_resource_quota_v1', 'kubernetes_limit_range_v1', 'kubernetes_stateful_set_v1', 'kubernetes_daemon_set_v1', 'kubernetes_job_v1', 'kubernetes_cron_job_v1', 'kubernetes_ingress_v1',
];

/** Does something in view enforce NetworkPolicies on the cluster? (Say how, when it does.) */
function networkPolicyEnforcement(stack: StackView, cluster: ResourceView): string | undefined {
  if (autoMode(cluster)) {
    const controller = all(stack, 'kubernetes_config_map_v1', 'kubernetes_config_map').some((c) =>
      get(c.config, 'metadata.name') === 'amazon-vpc-cni' && ['true', true].includes(get(c.config, 'data.enable-network-policy-controller') as never));
    const nodeClass = all(stack, 'kubernetes_manifest').some((m) => manifestOf(m).kind === 'NodeClass' && ['DefaultAllow', 'DefaultDeny'].includes(manifestOf(m).spec?.networkPolicy));
    return controller && nodeClass ? 'the network policy controller and a node class that enforces policies (EKS Auto Mode)' : undefined;
  }
  const cni = all(stack, 'aws_eks_addon').find((a) => a.config.addon_name === 'vpc-cni');
  const values = typeof cni?.config.configuration_values === 'string' ? cni.config.configuration_values : '';
  return /"enableNetworkPolicy"\s*:\s*"?true"?/.test(values) ? 'the vpc-cni add-on with enableNetworkPolicy' : undefined;
}

/** The account a stack's AWS provider is pinned to (allowed_account_ids or the role it assumes). */
function accountOf(stack: StackView): string | undefined {
  const aws = stack.providers.aws?.find((p) => p.alias === undefined) ?? stack.providers.aws?.[0];
  const allowed = list(aws?.allowed_account_ids).filter((a): a is string => typeof a === 'string' && /^\d{12}$/.test(a));
  if (allowed.length === 1) return allowed[0];
  const role = [get(aws, 'assume_role.role_arn'), get(aws, 'assume_role.0.role_arn')].find((r) => typeof r === 'string');
  return typeof role === 'string' ? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(role)?.[1] : undefined;
}

/** Does a policy allow some principal of `account` to call `action` on `arn`? (`self` stands for the resource's own ARN.) */
function grants(policy: unknown, account: string, action: string, arn: string, self?: { ref: RegExp; arn: string }): boolean {
  // the policy names its own bucket by reference; put the ARN in before expressions are neutralised
  const parsed = parsePolicy(self && typeof policy === 'string' ? policy.replace(self.ref, self.arn) : policy);
  if (parsed.kind !== 'parsed') return false;
  const inAccount = (p: string) => p === `AWS:${account}` || p.startsWith(`AWS:arn:aws:iam::${account}:`) || p === '*' || p === 'AWS:*';
  const glob = (pattern: string) => new RegExp(`^${pattern.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return parsed.statements.some((st) => st.effect === 'Allow' && st.principals.some(inAccount) && st.actions.some((a) => actionMatches(a, action))
    && st.resources.some((r) => glob(r).test(arn)));
}

/** The bucket and key policies a cross-account S3 backend needs, judged where the state bucket is in view. */
function backendGrants(backend: ResourceView, stack: StackView): RuleOutcome {
  const bucketName = backend.config.bucket;
  const key = backend.config.key;
  const account = accountOf(stack);
  if (typeof bucketName !== 'string' || typeof key !== 'string' || isExpression(bucketName) || isExpression(key) || !account) return NOT_APPLICABLE;
  const home = scope(stack).find((s) => s.ofType('aws_s3_bucket').some((b) => b.config.bucket === bucketName));
  const homeAccount = home && accountOf(home);
  // the bucket is not in view (another repository's), or both sides are one account: IAM alone decides
  if (!home || !homeAccount || homeAccount === account) return NOT_APPLICABLE;
  const bucket = home.ofType('aws_s3_bucket').find((b) => b.config.bucket === bucketName)!;
  const self = { ref: new RegExp(`\\$\\{${bucket.address.replace(/\./g, '\\.')}\\.arn\\}`, 'g'), arn: `arn:aws:s3:::${bucketName}` };
  const policies = home.attached(bucket, ['aws_s3_bucket_policy'], 'bucket', 'bucket');
  const object = `arn:aws:s3:::${bucketName}/${key}`;
  const needs = [['s3:GetObject', object], ['s3:PutObject', backend.config.use_lockfile === true || backend.config.use_lockfile === 'true' ? `${object}.tflock` : object]] as const;
  const missing = needs.filter(([action, arn]) => !policies.some((p) => grants(p.config.policy, account, action, arn, self)));
  if (missing.length) {
    return fail(`state of stack ${stack.name} (account ${account}) is in bucket ${bucketName} of account ${homeAccount}, whose policy grants that account no ${missing.map(([a, arn]) => `${a} on ${arn.slice(`arn:aws:s3:::${bucketName}/`.length)}`).join(' or ')}: the first plan is AccessDenied`, 'bucket');
  }
  const kmsKey = backend.config.kms_key_id;
  const alias = typeof kmsKey === 'string' ? /:(alias\/.+)$/.exec(kmsKey)?.[1] : undefined;
  const aliasResource = alias && home.ofType('aws_kms_alias').find((a) => a.config.name === alias);
  const keyRef = aliasResource && /^\$\{(aws_kms_key\.[\w-]+)\.(key_id|arn|id)\}$/.exec(String(aliasResource.config.target_key_id));
  const keyResource = keyRef ? home.byAddress(keyRef[1]) : undefined;
  if (keyResource && !['kms:Decrypt', 'kms:GenerateDataKey'].every((action) => grants(keyResource.config.policy, account, action, '*'))) {
    return fail(`state of stack ${stack.name} is encrypted with ${alias} in account ${homeAccount}, whose key policy grants account ${account} no kms:Decrypt and kms:GenerateDataKey`, 'kms_key_id');
  }
  return PASS;
}

export const RUNTIME_RULES: Rule[] = [
  {
    id: 'GP-RUN-001',
    title: 'Kubernetes objects have a deploy role the cluster admits',
    severity: 'error',
    rationale: 'With `authentication_mode = "API"` only principals with an access entry and an access policy reach the Kubernetes API; without one every object of the stack fails with Unauthorized.',
    remediation: 'Give the role that applies the stack an aws_eks_access_entry and an aws_eks_access_policy_association (admin or edit on its namespace, or cluster admin); Platform `delivery` does.',
    resourceTypes: NAMESPACED_KUBERNETES_TYPES,
    evaluate(r, stack) {
      const namespace = namespaceOf(r, stack);
      // one finding per stack and namespace: judge the first object of each
      if (firstPerNamespace(stack).get(namespace) !== r) return NOT_APPLICABLE;
      if (clustersFor(stack).length === 0) return NOT_APPLICABLE;
      if (typeof namespace !== 'string' || isExpression(namespace)) return unknown('metadata.namespace');
      const writers = all(stack, 'aws_eks_access_policy_association').filter((a) => {
        const policy = String(a.config.policy_arn ?? '');
        if (!/(AmazonEKSClusterAdminPolicy|AmazonEKSAdminPolicy|AmazonEKSEditPolicy)$/.test(policy)) return false;
        const scopeType = get(a.config, 'access_scope.type');
        return scopeType === 'cluster' || list(get(a.config, 'access_scope.namespaces')).includes(namespace);
      });
      return writers.length ? PASS : fail(`no access entry may write namespace ${namespace}: the stack's objects would be Unauthorized`, 'metadata.namespace');
    },
  },
  {
    id: 'GP-RUN-002',
    title: 'NetworkPolicies are enforced on the cluster',
    severity: 'error',
    rationale: 'EKS accepts NetworkPolicy objects and ignores them unless the VPC CNI (or Auto Mode\'s network policy controller and node class) enforces them: the isolation they promise does not exist.',
    remediation: 'With Auto Mode, apply RuntimeBaseline (the amazon-vpc-cni ConfigMap and a NodeClass with networkPolicy); without it, configure the vpc-cni add-on with enableNetworkPolicy = "true".',
    resourceTypes: ['kubernetes_network_policy_v1', 'kubernetes_network_policy'],
    evaluate(_r, stack) {
      const clusters = clustersFor(stack);
      if (clusters.length === 0) return NOT_APPLICABLE;
      const missing = clusters.filter((c) => !networkPolicyEnforcement(stack, c));
      return missing.length ? fail(`nothing enforces NetworkPolicies on ${missing.map((c) => c.address).join(', ')}`) : PASS;
    },
  },
  {
    id: 'GP-RUN-003',
    title: 'Autoscalers have a metrics API',
    severity: 'error',
    rationale: 'A HorizontalPodAutoscaler on CPU or memory reads the metrics API; without metrics-server it never scales and reports FailedGetResourceMetric.',
    remediation: 'Install metrics-server (aws_eks_addon "metrics-server"; RuntimeBaseline does).',
    resourceTypes: ['kubernetes_horizontal_pod_autoscaler_v2', 'kubernetes_horizontal_pod_autoscaler_v1', 'kubernetes_horizontal_pod_autoscaler'],
    evaluate(_r, stack) {
      if (clustersFor(stack).length === 0) return NOT_APPLICABLE;
      const metrics = all(stack, 'aws_eks_addon').some((a) => a.config.addon_name === 'metrics-server')
        || all(stack, 'helm_release').some((h) => h.config.chart === 'metrics-server');
      return metrics ? PASS : fail('nothing installs metrics-server: the autoscaler cannot read CPU or memory');
    },
  },
  {
    id: 'GP-RUN-004',
    title: 'A custom resource comes after the stack that installs its CRD',
    severity: 'error',
    rationale: 'The Kubernetes provider reads a kubernetes_manifest\'s CRD at plan time: a custom resource planned with its CRD (or without any) fails the plan.',
    remediation: 'Install the CRD (or the operator) in a stack applied before this one, or drop the custom resource where the cluster does not run its operator.',
    resourceTypes: ['kubernetes_manifest'],
    evaluate(r, stack) {
      const m = manifestOf(r);
      const [group] = String(m.apiVersion ?? '').split('/');
      if (typeof m.apiVersion !== 'string' || !m.apiVersion.includes('/') || m.kind === 'CustomResourceDefinition' || /(^|\.)k8s\.io$/.test(group) || ['apps', 'batch', 'autoscaling', 'policy'].includes(group)) return NOT_APPLICABLE;
      const installs = (s: StackView) => s.ofType('kubernetes_manifest').some((c) => manifestOf(c).kind === 'CustomResourceDefinition' && manifestOf(c).spec?.group === group && manifestOf(c).spec?.names?.kind === m.kind);
      if (installs(stack)) return fail(`${m.kind} is planned in the same stack as its CRD: the first plan fails`, 'manifest');
      // EKS Auto Mode installs its node classes and Karpenter's node pools with the cluster
      if ((group === 'eks.amazonaws.com' || group === 'karpenter.sh') && clustersFor(stack).some(autoMode)) {
        return stack.ofType('aws_eks_cluster').some(autoMode) ? fail(`${m.kind} is planned with the cluster that installs its CRD`, 'manifest') : PASS;
      }
      if (!stack.app) return NOT_APPLICABLE;
      const elsewhere = stack.app.stacks.some((s) => s !== stack && installs(s))
        || (group === 'monitoring.coreos.com' && all(stack, 'helm_release').some((h) => /prometheus/.test(String(h.config.chart ?? ''))));
      return elsewhere ? PASS : fail(`nothing in this cdktf.out installs the CRD of ${m.kind} (${group}): the plan fails`, 'manifest');
    },
  },
  {
    id: 'GP-RUN-005',
    title: 'Namespaced objects reference the namespace made in the same stack',
    severity: 'error',
    rationale: 'A literal namespace does not order the apply: Terraform creates the object and its namespace in parallel, and the object fails with "namespaces not found" until a second apply.',
    remediation: 'Use the namespace resource\'s metadata name (`namespace.metadata.name`), or create the namespace in a stack applied before.',
    resourceTypes: NAMESPACED_KUBERNETES_TYPES,
    evaluate(r, stack) {
      const namespace = get(r.config, 'metadata.namespace');
      if (typeof namespace !== 'string' || isExpression(namespace)) return PASS;
      const made = stack.ofType('kubernetes_namespace_v1', 'kubernetes_namespace').find((n) => get(n.config, 'metadata.name') === namespace);
      const ordered = list(r.config.depends_on).some((d) => made && String(d).startsWith(made.address));
      return made && !ordered ? fail(`namespace "${namespace}" is a literal while ${made.address} creates it in the same apply`, 'metadata.namespace') : PASS;
    },
  },
  {
    id: 'GP-RUN-006',
    title: 'Jobs that plan a private cluster run inside its network',
    severity: 'error',
    rationale: 'The Kubernetes provider reaches the API at plan time; GitHub-hosted runners are outside every VPC, so a private endpoint times out.',
    remediation: 'Run the environment\'s plan and apply jobs on runners in the VPC (CodeBuildRunner, or self-hosted labels), or open the endpoint to the runners\' ranges with public_access_cidrs.',
    resourceTypes: ['github_repository_file'],
    evaluate(r, stack) {
      const runners = r.meta.goldenpath?.runners as Record<string, { type: string }> | undefined;
      if (!runners) return NOT_APPLICABLE;
      const hosted = Object.entries(runners).filter(([, spec]) => spec.type === 'github-hosted').map(([env]) => env);
      // a stack without an environment in its context could be any of them
      const blocked = scope(stack).filter((s) => envOf(s) === undefined ? hosted.length > 0 : hosted.includes(envOf(s)!)).flatMap((s) => [...s.ofType('aws_eks_cluster')].map((c) => ({ s, c })))
        .filter(({ c }) => [false, 'false'].includes(get(c.config, 'vpc_config.endpoint_public_access') as never));
      return blocked.length
        ? fail(`environment ${envOf(blocked[0].s) ?? hosted.join('/')} plans on GitHub-hosted runners, but ${blocked[0].c.address} (stack ${blocked[0].s.name}) has a private endpoint only`, 'content')
        : PASS;
    },
  },
  {
    id: 'GP-RUN-007',
    title: 'State in another account\'s bucket is granted to the stack\'s account',
    severity: 'error',
    rationale: 'Cross-account S3 access needs both sides: the deploy role\'s own policy and the bucket policy (and key policy) of the account that owns the state. Without the bucket and key grants the first plan stops with AccessDenied.',
    remediation: 'Grant the stack\'s account its own state prefix in the bucket policy (read and lock for plan, write for apply) and kms:Decrypt/GenerateDataKey in the key policy; Platform `delivery` does, through StateBackend bucketGrants and keyGrants.',
    resourceTypes: ['terraform_backend_s3'],
    evaluate: (backend, stack) => backendGrants(backend, stack),
  },
];
