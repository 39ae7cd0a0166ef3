// The example org: what a platform team writes to get its environments and team stacks.
import { AccountBaseline } from '../../constructs/baseline/account-baseline';
import { App } from '../../src/cdk';
import { Platform } from '../../src/core/platform';

export function buildAcme(app: App): Platform {
  const platform = new Platform(app, 'acme', {
    org: 'acme',
    environments: [
      { name: 'dev', accountId: '111111111111', region: 'eu-west-1' },
      { name: 'prod', accountId: '222222222222', region: 'eu-west-1' },
    ],
    teams: [
      { name: 'payments', costCentre: 'cc-1001' },
      { name: 'search', costCentre: 'cc-1002' },
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
