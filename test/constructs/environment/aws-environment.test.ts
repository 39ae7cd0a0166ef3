import { AwsEnvironment, AwsEnvironmentProps } from '../../../constructs/environment/aws-environment';
import { ENVIRONMENT_PROFILES } from '../../../src/core/environment-profile';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

function env(props: Partial<AwsEnvironmentProps> = {}) {
  const { stack } = contextStack();
  new AwsEnvironment(stack, 'env', { org: 'acme', environment: 'prod', accountId: '222222222222', region: 'eu-west-1', profile: ENVIRONMENT_PROFILES.prod, cidr: '10.20.0.0/16', ...props });
  return synthJson(stack);
}

describe('AwsEnvironment', () => {
  const prod = env();

  test('keys per purpose, each rotating with an explicit policy', () => {
    expect(ofType(prod, 'aws_kms_alias').map((a) => a.name).sort()).toEqual(['alias/prod/data', 'alias/prod/logs', 'alias/prod/secrets', 'alias/prod/state']);
    expect(ofType(prod, 'aws_kms_key').every((k) => k.enable_key_rotation === true && typeof k.policy === 'string')).toBe(true);
  });

  test('the profile decides NAT, retention and deletion protection', () => {
    expect(ofType(prod, 'aws_nat_gateway')).toHaveLength(3);
    expect(ofType(prod, 'aws_eks_cluster')[0]).toMatchObject({ name: 'acme-prod', deletion_protection: true });
    expect(ofType(prod, 'aws_cloudwatch_log_group').every((g) => g.retention_in_days === 365)).toBe(true);
    const dev = env({ environment: 'dev', profile: ENVIRONMENT_PROFILES.dev });
    expect(ofType(dev, 'aws_nat_gateway')).toHaveLength(1);
    expect(ofType(dev, 'aws_eks_cluster')[0].deletion_protection).toBe(false);
    expect(ofType(dev, 'aws_cloudwatch_log_group').every((g) => g.retention_in_days === 30)).toBe(true);
  });

  test('the cluster lives in the private subnets and uses the environment keys', () => {
    const [eks] = ofType(prod, 'aws_eks_cluster');
    expect(eks.vpc_config.subnet_ids).toHaveLength(3);
    expect(eks.vpc_config.subnet_ids.every((s: string) => /aws_subnet\.env_network_private-\d/.test(s))).toBe(true);
    expect(eks.encryption_config.provider.key_arn).toMatch(/aws_kms_key\.env_keys_secrets_key/);
  });

  test('without a cluster on request', () => {
    expect(ofType(env({ createCluster: false }), 'aws_eks_cluster')).toHaveLength(0);
  });

  test('passes every built-in guardrail with no suppression', () => {
    expect(blockingFindings(prod)).toEqual([]);
  });
});
