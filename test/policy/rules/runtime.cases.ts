import { doc, Resources, RuleCases } from './cases';

// compositions, not single resources: each case is a stack, judged with `others` in the same run
const cluster = (auto = false, vpc: object = {}): Resources => ({
  'aws_eks_cluster.c': {
    name: 'c',
    vpc_config: { subnet_ids: ['a', 'b'], endpoint_private_access: true, endpoint_public_access: false, ...vpc },
    ...(auto ? { compute_config: { enabled: true, node_pools: ['system'] } } : {}),
  },
});
const deployment = (namespace = 'payments', extra: object = {}): Resources => ({ 'kubernetes_deployment_v1.d': { metadata: { name: 'ledger', namespace }, ...extra } });
const association = (policy: string, namespaces?: string[]): Resources => ({
  'aws_eks_access_policy_association.a': { cluster_name: 'c', principal_arn: 'arn:aws:iam::111111111111:role/gh-payments-dev-apply', policy_arn: `arn:aws:eks::aws:cluster-access-policy/${policy}`, access_scope: namespaces ? { type: 'namespace', namespaces } : { type: 'cluster' } },
});
const netpol: Resources = { 'kubernetes_network_policy_v1.p': { metadata: { name: 'p', namespace: 'payments' }, spec: { pod_selector: {} } } };
const vpcCni = (config?: object): Resources => ({ 'aws_eks_addon.cni': { cluster_name: 'c', addon_name: 'vpc-cni', ...(config ? { configuration_values: JSON.stringify(config) } : {}) } });
const controller: Resources = { 'kubernetes_config_map_v1.npc': { metadata: { name: 'amazon-vpc-cni', namespace: 'kube-system' }, data: { 'enable-network-policy-controller': 'true' } } };
const manifest = (id: string, m: object): Resources => ({ [`kubernetes_manifest.${id}`]: { manifest: m } });
const nodeClass = (networkPolicy?: string) => manifest('nc', { apiVersion: 'eks.amazonaws.com/v1', kind: 'NodeClass', metadata: { name: 'np' }, spec: { role: 'r', ...(networkPolicy ? { networkPolicy } : {}) } });
const hpa: Resources = { 'kubernetes_horizontal_pod_autoscaler_v2.h': { metadata: { name: 'ledger', namespace: 'payments' }, spec: { max_replicas: 3 } } };
const prometheusRule = manifest('rule', { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: 'r', namespace: 'payments' }, spec: {} });
const crd = manifest('crd', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'prometheusrules.monitoring.coreos.com' }, spec: { group: 'monitoring.coreos.com', names: { kind: 'PrometheusRule' } } });
const workflow = (type: string): Resources => ({ 'github_repository_file.w': { 'file': '.github/workflows/goldenpath.yml', 'content': 'on: push', '//': { goldenpath: { runners: { dev: { type, project: 'acme-dev-runner' } } } } } });

// a prod stack (account 222222222222) whose state is in the dev account's bucket
export const prodStack = (key = 'acme/prod/search/acme-prod-search.tfstate'): Resources => ({
  'terraform.backend.s3': { bucket: 'acme-tfstate-111111111111', key, use_lockfile: true, kms_key_id: 'arn:aws:kms:eu-west-1:111111111111:alias/acme-tfstate' },
  'provider.aws': { region: 'eu-west-1', allowed_account_ids: ['222222222222'] },
});
const stateAllow = (principal: string, actions: string[], resource: string) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: actions, Resource: resource });
export const stateStack = (statements: object[], keyStatements: object[] = [stateAllow('arn:aws:iam::222222222222:root', ['kms:Decrypt', 'kms:GenerateDataKey'], '*')]): Resources => ({
  'provider.aws': { region: 'eu-west-1', allowed_account_ids: ['111111111111'] },
  'aws_s3_bucket.state': { bucket: 'acme-tfstate-111111111111' },
  'aws_s3_bucket_policy.state': { bucket: '${aws_s3_bucket.state.id}', policy: doc(...statements) },
  'aws_kms_key.state': { policy: doc(...keyStatements) },
  'aws_kms_alias.state': { name: 'alias/acme-tfstate', target_key_id: '${aws_kms_key.state.key_id}' },
});
export const prodGrants = [
  stateAllow('arn:aws:iam::222222222222:root', ['s3:GetObject'], 'arn:aws:s3:::acme-tfstate-111111111111/acme/prod/*'),
  stateAllow('arn:aws:iam::222222222222:root', ['s3:PutObject'], '${aws_s3_bucket.state.arn}/acme/prod/*.tflock'),
];

export const RUNTIME_CASES: Record<string, RuleCases> = {
  'GP-RUN-001': {
    pass: [
      { ...deployment(), ...cluster(), ...association('AmazonEKSAdminPolicy', ['payments']) },
      { ...deployment(), ...cluster(), ...association('AmazonEKSClusterAdminPolicy') },
    ],
    fail: [
      { ...deployment(), ...cluster() },
      // view may read, not write
      { ...deployment(), ...cluster(), ...association('AmazonEKSViewPolicy', ['payments']) },
      // admin in another namespace
      { ...deployment(), ...cluster(), ...association('AmazonEKSAdminPolicy', ['search']) },
    ],
    unknown: [{ ...deployment('${var.namespace}'), ...cluster() }],
    // at synth time a team stack does not hold the cluster: nothing to judge against
    notApplicable: [deployment()],
  },
  'GP-RUN-002': {
    pass: [
      { ...netpol, ...cluster(), ...vpcCni({ enableNetworkPolicy: 'true' }) },
      { ...netpol, ...cluster(true), ...controller, ...nodeClass('DefaultAllow') },
    ],
    fail: [
      { ...netpol, ...cluster(), ...vpcCni() },
      { ...netpol, ...cluster() },
      // the controller alone: nodes of the default node class do not enforce
      { ...netpol, ...cluster(true), ...controller, ...nodeClass() },
      { ...netpol, ...cluster(true), ...nodeClass('DefaultAllow') },
    ],
    notApplicable: [netpol],
  },
  'GP-RUN-003': {
    pass: [{ ...hpa, ...cluster(), 'aws_eks_addon.m': { cluster_name: 'c', addon_name: 'metrics-server' } }],
    fail: [{ ...hpa, ...cluster() }, { ...hpa, ...cluster(), ...vpcCni() }],
    notApplicable: [hpa],
  },
  'GP-RUN-004': {
    target: 'kubernetes_manifest.rule',
    others: [crd],
    pass: [prometheusRule],
    fail: [{ ...prometheusRule, ...crd }],
  },
  'GP-RUN-005': {
    pass: [
      { ...deployment('${kubernetes_namespace_v1.ns.metadata[0].name}'), 'kubernetes_namespace_v1.ns': { metadata: { name: 'payments' } } },
      // made by another stack, applied before this one
      deployment(),
    ],
    fail: [{ ...deployment(), 'kubernetes_namespace_v1.ns': { metadata: { name: 'payments' } } }],
  },
  'GP-RUN-006': {
    pass: [{ ...workflow('codebuild'), ...cluster() }, { ...workflow('github-hosted'), ...cluster(false, { endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] }) }],
    fail: [{ ...workflow('github-hosted'), ...cluster() }],
    notApplicable: [{ 'github_repository_file.w': { file: 'README.md', content: 'x' } }],
  },
  'GP-RUN-007': {
    target: 'terraform.backend.s3',
    others: [stateStack(prodGrants)],
    pass: [prodStack()],
    fail: [
      // the grant covers another environment's prefix
      prodStack('acme/staging/search/acme-staging-search.tfstate'),
    ],
    // the same account: IAM alone decides
    notApplicable: [{ ...prodStack(), 'provider.aws': { region: 'eu-west-1', allowed_account_ids: ['111111111111'] } }],
  },
};
