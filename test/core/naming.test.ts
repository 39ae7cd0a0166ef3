import { Construct } from 'constructs';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, NAME_RULES, NameKind, validateName } from '../../src/core/naming';
import { testStack } from '../helpers';

describe('deriveName', () => {
  const limits: Array<[NameKind, number]> = [
    ['s3Bucket', 63], ['iamRole', 64], ['iamPolicy', 128], ['rdsIdentifier', 63], ['elasticacheId', 40],
    ['eksCluster', 100], ['sqsQueue', 80], ['snsTopic', 256], ['kubernetesName', 63],
    ['kubernetesLabelValue', 63], ['githubRepository', 100], ['kmsAlias', 250], ['logGroup', 512],
  ];
  test.each(limits)('%s names stay within %d characters and match the rule', (kind, max) => {
    expect(NAME_RULES[kind].maxLength).toBe(max);
    const long = deriveName(kind, 'acme', 'production', 'payments-ledger-reconciliation'.repeat(20));
    expect(long.length).toBeLessThanOrEqual(max);
    expect(long).toMatch(NAME_RULES[kind].pattern);
  });

  test('long names that share a prefix stay distinct', () => {
    const a = deriveName('elasticacheId', 'acme', 'prod', 'payments-ledger-reconciliation-a');
    const b = deriveName('elasticacheId', 'acme', 'prod', 'payments-ledger-reconciliation-b');
    expect(a).not.toBe(b);
    expect(a.length).toBe(40);
  });

  test('short names are kept as they are, lowercased where the rule says so', () => {
    expect(deriveName('s3Bucket', 'Acme', 'TFState')).toBe('acme-tfstate');
    expect(deriveName('iamRole', 'Acme', 'Deploy')).toBe('Acme-Deploy');
  });

  test('invalid characters become hyphens, never doubled', () => {
    expect(deriveName('kubernetesName', 'team_a', 'svc..x')).toBe('team-a-svc-x');
  });

  test('database identifiers start with a letter', () => {
    expect(deriveName('rdsIdentifier', '42', 'db')).toBe('x42-db');
  });
});

describe('validateName', () => {
  let scope: Construct;
  beforeEach(() => {
    scope = new Construct(testStack().stack, 'thing');
  });

  test('accepts a valid name', () => {
    expect(validateName(scope, 'bucketName', 'acme-logs', 's3Bucket')).toBe('acme-logs');
  });

  test('a name over the limit names path, prop, value and the limit', () => {
    const name = 'a'.repeat(64);
    expect(() => validateName(scope, 'bucketName', name, 's3Bucket')).toThrow(PlatformValidationError);
    expect(() => validateName(scope, 'bucketName', name, 's3Bucket'))
      .toThrow(`test/thing: \`bucketName\` must be 3 to 63 characters long for a s3Bucket name (it is 64), got "${name}"`);
  });

  test('bad characters say what is allowed', () => {
    expect(() => validateName(scope, 'namespace', 'Team_A', 'kubernetesName'))
      .toThrow(/`namespace` must be a DNS-1123 label.*got "Team_A"/);
  });

  test('GitHub repositories may not be named . or ..', () => {
    expect(() => validateName(scope, 'repository', '..', 'githubRepository')).toThrow(/not '\.' or '\.\.'/);
    expect(validateName(scope, 'repository', 'payments.api', 'githubRepository')).toBe('payments.api');
  });

  test('database identifiers refuse double hyphens and a trailing hyphen', () => {
    expect(() => validateName(scope, 'identifier', 'pay--db', 'rdsIdentifier')).toThrow(/single hyphens/);
    expect(() => validateName(scope, 'identifier', 'paydb-', 'rdsIdentifier')).toThrow(/single hyphens/);
  });
});
