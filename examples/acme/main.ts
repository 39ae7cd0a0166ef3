// The example org: what a platform team writes to get its environments and team stacks.
import { AccountBaseline } from '../../constructs/baseline/account-baseline';
import { App } from '../../src/cdk';
import { Platform } from '../../src/core/platform';

export function buildAcme(app: App): Platform {
  const platform = new Platform(app, 'acme', {
    org: 'acme',
    environments: [
      { name: 'dev', accountId: '111111111111', region: 'eu-west-1', cidr: '10.10.0.0/16' },
      { name: 'prod', accountId: '222222222222', region: 'eu-west-1', cidr: '10.20.0.0/16', cluster: { nodes: { minSize: 3, maxSize: 12 } } },
    ],
    teams: [
      {
        name: 'payments',
        costCentre: 'cc-1001',
        size: 'medium',
        onCall: 'payments-oncall@acme.example',
        members: ['ana@acme.example', 'raj@acme.example'],
        awsRoleArn: 'arn:aws:iam::111111111111:role/payments-engineers',
      },
      { name: 'search', costCentre: 'cc-1002', onCall: 'https://oncall.acme.example/search', members: ['li@acme.example'] },
    ],
    stackPerTeam: true,
  });
  // every environment account starts from the account baseline
  for (const env of platform.environmentNames) {
    const stack = platform.environmentStack(env);
    new AccountBaseline(stack, 'baseline', {
      org: platform.org,
      accountId: stack.accountId,
      region: stack.region,
      logRetentionDays: stack.profile.logRetentionDays,
    });
  }
  return platform;
}

if (require.main === module) {
  const app = new App();
  buildAcme(app);
  app.synth();
}
