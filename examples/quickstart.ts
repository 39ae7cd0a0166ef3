// The README quickstart, kept here so a test runs it: a team's own stack with golden-path constructs.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { EncryptionKey } from '../constructs/baseline/encryption-key';
import { SecureBucket } from '../constructs/baseline/secure-bucket';
import { App, TerraformStack } from '../src/cdk';
import { GoldenPathContext } from '../src/core/context';

export function quickstart(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'payments-dev');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1', allowedAccountIds: ['111111111111'] });
  GoldenPathContext.set(stack, { org: 'acme', team: 'payments', environment: 'dev', service: 'ledger' });

  const key = new EncryptionKey(stack, 'data-key', { accountId: '111111111111', purpose: 'ledger-data' });
  new SecureBucket(stack, 'exports', { bucketName: 'acme-ledger-exports-dev', kmsKeyArn: key.keyArn });
  return stack;
}
