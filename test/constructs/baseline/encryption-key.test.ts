import { EncryptionKey } from '../../../constructs/baseline/encryption-key';
import { ofType, synthJson, testStack } from '../../helpers';

function key(props: Partial<ConstructorParameters<typeof EncryptionKey>[2]> = {}) {
  const { stack } = testStack();
  new EncryptionKey(stack, 'logs', { accountId: '111111111111', purpose: 'logs', ...props });
  return synthJson(stack);
}

describe('EncryptionKey', () => {
  test('rotates, keeps the full deletion window and has an explicit policy', () => {
    const json = key({ allowServices: ['logs.eu-west-1.amazonaws.com'] });
    const [k] = ofType(json, 'aws_kms_key');
    expect(k.enable_key_rotation).toBe(true);
    expect(k.deletion_window_in_days).toBe(30);
    const policy = JSON.parse(k.policy);
    expect(policy.Statement[0].Principal).toEqual({ AWS: 'arn:aws:iam::111111111111:root' });
    expect(policy.Statement[1]).toMatchObject({
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
    });
    expect(ofType(json, 'aws_kms_alias')[0].name).toBe('alias/logs');
  });

  test('bad account id', () => {
    expect(() => key({ accountId: '12' })).toThrow('test/logs: `accountId` must be a 12-digit AWS account id, got "12"');
  });

  test('bad deletion window', () => {
    expect(() => key({ deletionWindowDays: 3 })).toThrow('test/logs: `deletionWindowDays` must be a whole number from 14 to 30, got 3');
    expect(() => key({ deletionWindowDays: 7 })).toThrow(/from 14 to 30, got 7/); // AWS allows 7; GP-KMS-004 does not
  });

  test('bad alias', () => {
    expect(() => key({ alias: 'has space' })).toThrow(/`alias` must be letters, digits, \/, _ and -/);
  });
});
