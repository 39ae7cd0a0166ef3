import { EncryptionKey, SecureBucket, ServiceRole, StateBackend } from '../../../constructs/baseline';
import { blockingFindings, contextStack, synthJson } from '../../helpers';

// Secure by default: each construct, with only its required props, passes every built-in rule.
describe('baseline constructs are clean under every built-in guardrail', () => {
  const cases: Array<[string, (scope: any) => void]> = [
    ['EncryptionKey', (s) => new EncryptionKey(s, 'k', { accountId: '111111111111', purpose: 'data' })],
    ['SecureBucket', (s) => new SecureBucket(s, 'b', { bucketName: 'acme-data', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k' })],
    ['ServiceRole', (s) => new ServiceRole(s, 'r', { accountId: '111111111111', service: 'config.amazonaws.com', statements: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] })],
    ['StateBackend', (s) => new StateBackend(s, 'state', { org: 'acme', accountId: '111111111111' })],
  ];
  test.each(cases)('%s', (_name, make) => {
    const { stack } = contextStack();
    make(stack);
    expect(blockingFindings(synthJson(stack))).toEqual([]);
  });
});

describe('ServiceRole', () => {
  test('trusts one service for one account, with inline and managed policies', () => {
    const { stack } = contextStack();
    new ServiceRole(stack, 'r', { accountId: '111111111111', service: 'logs.amazonaws.com', roleName: 'flow-logs', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    const json = synthJson(stack);
    const role = Object.values<any>(json.resource.aws_iam_role)[0];
    expect(role.name).toBe('flow-logs');
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([{
      Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
    }]);
    expect(Object.values<any>(json.resource.aws_iam_role_policy_attachment)[0].policy_arn).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(json.resource.aws_iam_role_policy).toBeUndefined();
  });

  test('bad account id', () => {
    const { stack } = contextStack();
    expect(() => new ServiceRole(stack, 'r', { accountId: '1', service: 'x' })).toThrow('test/r: `accountId` must be a 12-digit AWS account id, got "1"');
  });

  test('a service that is not a service principal (fuzzing found "${", which Terraform reads as an expression)', () => {
    const { stack } = contextStack();
    ['${', 'x', 'ec2.amazonaws.com"}', '*'].forEach((service, i) => {
      expect(() => new ServiceRole(stack, `r${i}`, { accountId: '111111111111', service })).toThrow(/`service` must be an AWS service principal such as ec2.amazonaws.com/);
    });
  });
});
