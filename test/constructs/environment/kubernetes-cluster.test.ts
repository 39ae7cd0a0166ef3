import { KubernetesCluster, KubernetesClusterProps } from '../../../constructs/environment/kubernetes-cluster';
import { Annotations } from '../../../src/cdk';
import { daysOfStandardSupportLeft, EKS_DEFAULT_VERSION, EKS_SUPPORTED_VERSIONS, EKS_VERSIONS } from '../../../src/core/eks-versions';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

const base: KubernetesClusterProps = {
  accountId: '111111111111',
  region: 'eu-west-1',
  clusterName: 'acme-dev',
  subnetIds: ['subnet-a', 'subnet-b'],
  secretsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/secrets',
  logsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/logs',
  logRetentionDays: 90,
};
function cluster(props: Partial<KubernetesClusterProps> = {}) {
  const { stack } = contextStack();
  new KubernetesCluster(stack, 'eks', { ...base, ...props });
  return synthJson(stack);
}

describe('KubernetesCluster', () => {
  const json = cluster({ teams: [{ name: 'payments', awsRoleArn: 'arn:aws:iam::111111111111:role/payments' }, { name: 'search' }] });
  const [eks] = ofType(json, 'aws_eks_cluster');

  test('private endpoint, envelope-encrypted secrets, all five log types, API access', () => {
    expect(eks.vpc_config).toMatchObject({ endpoint_private_access: true, endpoint_public_access: false });
    expect(eks.encryption_config).toEqual({ resources: ['secrets'], provider: { key_arn: base.secretsKeyArn } });
    expect(eks.enabled_cluster_log_types).toEqual(['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']);
    expect(eks.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false });
    expect(ofType(json, 'aws_cloudwatch_log_group')[0]).toMatchObject({ name: '/aws/eks/acme-dev/cluster', kms_key_id: base.logsKeyArn, retention_in_days: 90 });
  });

  test('Auto Mode by default: compute, block storage, load balancing; self-managed add-ons off; no node group', () => {
    expect(eks.compute_config).toEqual({ enabled: true, node_pools: ['system'], node_role_arn: expect.stringMatching(/aws_iam_role\./) });
    expect(eks.kubernetes_network_config).toEqual({ elastic_load_balancing: { enabled: true } });
    expect(eks.storage_config).toEqual({ block_storage: { enabled: true } });
    expect(eks.bootstrap_self_managed_addons).toBe(false);
    expect(ofType(json, 'aws_eks_node_group')).toEqual([]);
    const policies = ofType(json, 'aws_iam_role_policy_attachment').map((a) => a.policy_arn.replace(/^.*\//, ''));
    expect(policies).toEqual(expect.arrayContaining(['AmazonEKSComputePolicy', 'AmazonEKSBlockStoragePolicy', 'AmazonEKSLoadBalancingPolicy', 'AmazonEKSNetworkingPolicy', 'AmazonEKSWorkerNodeMinimalPolicy', 'AmazonEC2ContainerRegistryPullOnly']));
    // the cluster role is assumed with session tags in Auto Mode
    const trusts = ofType(json, 'aws_iam_role').map((r) => JSON.parse(r.assume_role_policy).Statement[0]);
    expect(trusts.find((t) => t.Principal.Service === 'eks.amazonaws.com').Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    // the cluster waits for its role's policies (EKS needs them to create and delete ENIs)
    expect(eks.depends_on.filter((d: string) => d.startsWith('aws_iam_role_policy_attachment.')).length).toBe(policies.length);
  });

  test('standard support only, at the newest version by default; a warning within 90 days of the end', () => {
    expect(eks.upgrade_policy).toEqual({ support_type: 'STANDARD' });
    expect(eks.version).toBe(EKS_DEFAULT_VERSION);
    const oldest = EKS_VERSIONS[0];
    const days = daysOfStandardSupportLeft(oldest.version, new Date())!;
    const { stack } = contextStack();
    const made = new KubernetesCluster(stack, 'eks', { ...base, version: oldest.version });
    const warned = JSON.stringify(made.node.metadata.filter((m) => m.type === 'aws:cdk:warning' || /warn/.test(m.type)));
    if (days <= 90) expect(warned).toContain(`leaves standard support on ${oldest.endOfStandardSupport}`);
    else expect(warned).not.toContain('leaves standard support');
    expect(daysOfStandardSupportLeft(oldest.version, new Date(`${oldest.endOfStandardSupport}T00:00:00Z`))).toBe(0);
    expect(daysOfStandardSupportLeft('1.20', new Date())).toBeUndefined();
    expect(Annotations).toBeDefined();
  });

  test('access entries with their policies: cluster admin cluster-wide, admin and view in namespaces only', () => {
    const access = cluster({
      access: [
        { id: 'platform', principalArn: 'arn:aws:iam::111111111111:role/gh-platform-dev-apply', policy: 'cluster-admin' },
        { id: 'payments', principalArn: 'arn:aws:iam::111111111111:role/gh-payments-dev-apply', policy: 'admin', namespaces: ['payments'] },
      ],
    });
    const associations = ofType(access, 'aws_eks_access_policy_association');
    expect(associations.map((a) => [a.policy_arn.replace(/^.*\//, ''), a.access_scope])).toEqual([
      ['AmazonEKSClusterAdminPolicy', { type: 'cluster' }],
      ['AmazonEKSAdminPolicy', { type: 'namespace', namespaces: ['payments'] }],
    ]);
    // the association names its entry, so it is created after it
    expect(associations.every((a) => /aws_eks_access_entry\./.test(a.principal_arn))).toBe(true);
    expect(() => cluster({ access: [{ id: 'x', principalArn: 'arn:aws:iam::111111111111:role/x', policy: 'admin' }] })).toThrow('test/eks: `access[0].namespaces` must name the namespaces admin applies in, got []');
    expect(() => cluster({ access: [{ id: 'x', principalArn: 'arn:aws:iam::111111111111:role/x', policy: 'cluster-admin', namespaces: ['a'] }] })).toThrow('`access[0].namespaces` must be empty for cluster-admin');
  });

  test('without Auto Mode: managed nodes on a launch template that requires IMDSv2 and encrypts volumes, at the cluster version, with the managed add-ons', () => {
    const managed = cluster({ autoMode: false });
    expect(ofType(managed, 'aws_eks_cluster')[0].compute_config).toBeUndefined();
    const [lt] = ofType(managed, 'aws_launch_template');
    expect(lt.metadata_options).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
    expect(lt.block_device_mappings[0].ebs.encrypted).toBe('true');
    const [nodes] = ofType(managed, 'aws_eks_node_group');
    expect(nodes.launch_template.id).toMatch(/aws_launch_template\./);
    expect(nodes.scaling_config).toEqual({ min_size: 2, max_size: 6, desired_size: 2 });
    expect(nodes.ami_type).toBe('AL2023_ARM_64_STANDARD');
    expect(nodes.version).toMatch(/aws_eks_cluster\..*\.version/);
    // EKS needs the node role's policies to join nodes and to delete their instances and ENIs
    expect(nodes.depends_on.filter((d: string) => d.startsWith('aws_iam_role_policy_attachment.'))).toHaveLength(3);
    const addons = Object.fromEntries(ofType(managed, 'aws_eks_addon').map((a) => [a.addon_name, a]));
    expect(Object.keys(addons).sort()).toEqual(['aws-ebs-csi-driver', 'coredns', 'eks-pod-identity-agent', 'kube-proxy', 'vpc-cni']);
    // network policies are enforced only when the VPC CNI is told to
    expect(JSON.parse(addons['vpc-cni'].configuration_values)).toEqual({ enableNetworkPolicy: 'true' });
    // pinned: to the version given, else the default EKS has for the cluster version
    expect(addons.coredns.addon_version).toMatch(/data\.aws_eks_addon_version\./);
    expect(ofType(cluster({ autoMode: false, addonVersions: { coredns: 'v1.12.1-eksbuild.2' } }), 'aws_eks_addon').find((a) => a.addon_name === 'coredns').addon_version).toBe('v1.12.1-eksbuild.2');
    expect(addons.coredns.depends_on).toEqual([expect.stringMatching(/^aws_eks_node_group\./)]);
    expect(blockingFindings(managed)).toEqual([]);
  });

  test('the OIDC provider for IRSA and access entries for teams with a role', () => {
    expect(ofType(json, 'aws_iam_openid_connect_provider')[0]).toMatchObject({ client_id_list: ['sts.amazonaws.com'], url: expect.stringMatching(/identity\[0\]\.oidc\[0\]\.issuer/) });
    expect(ofType(json, 'aws_eks_access_entry')).toEqual([expect.objectContaining({ principal_arn: 'arn:aws:iam::111111111111:role/payments', kubernetes_groups: ['team:payments'] })]);
  });

  test('a public endpoint only for the CIDRs given', () => {
    const [pub] = ofType(cluster({ publicAccessCidrs: ['203.0.113.0/24'] }), 'aws_eks_cluster');
    expect(pub.vpc_config).toMatchObject({ endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] });
  });

  test('passes every built-in guardrail', () => {
    expect(blockingFindings(json)).toEqual([]);
  });

  describe('validation', () => {
    const cases: Array<[string, Partial<KubernetesClusterProps>, string | RegExp]> = [
      ['public endpoint open to the internet', { publicAccessCidrs: ['0.0.0.0/0'] },
        'test/eks: `publicAccessCidrs[0]` must not open the API endpoint to the internet (0.0.0.0/0 or any block wider than /8); list your office or VPN ranges, got "0.0.0.0/0"'],
      ['too wide', { publicAccessCidrs: ['203.0.113.0/24', '0.0.0.0/1'] }, /`publicAccessCidrs\[1\]` must not open the API endpoint to the internet/],
      ['bad CIDR', { publicAccessCidrs: ['office'] }, 'test/eks: `publicAccessCidrs[0]` must be an IPv4 CIDR block, got "office"'],
      ['unsupported version', { version: '1.27' }, `test/eks: \`version\` must be a Kubernetes version in EKS standard support: ${EKS_SUPPORTED_VERSIONS.join(', ')}, got "1.27"`],
      ['name over the limit', { clusterName: 'x'.repeat(101) }, /`clusterName` must be 1 to 100 characters long for a eksCluster name \(it is 101\)/],
      ['one subnet', { subnetIds: ['a'] }, 'test/eks: `subnetIds` must list at least 2 subnets in different zones, got ["a"]'],
      ['node sizes', { nodes: { minSize: 5, maxSize: 2 } }, 'test/eks: `nodes` must have 1 <= minSize <= maxSize, whole numbers, got {"minSize":5,"maxSize":2}'],
    ];
    test.each(cases)('%s', (_n, props, message) => {
      expect(() => cluster(props)).toThrow(message);
    });
  });
});
