import { KubernetesCluster, KubernetesClusterProps } from '../../../constructs/environment/kubernetes-cluster';
import { EKS_SUPPORTED_VERSIONS } from '../../../src/core/eks-versions';
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

  test('managed nodes on a launch template that requires IMDSv2 and encrypts volumes', () => {
    const [lt] = ofType(json, 'aws_launch_template');
    expect(lt.metadata_options).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
    expect(lt.block_device_mappings[0].ebs.encrypted).toBe('true');
    const [nodes] = ofType(json, 'aws_eks_node_group');
    expect(nodes.launch_template.id).toMatch(/aws_launch_template\./);
    expect(nodes.scaling_config).toEqual({ min_size: 2, max_size: 6, desired_size: 2 });
    expect(nodes.ami_type).toBe('AL2023_ARM_64_STANDARD');
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
