// The example org: what a platform team writes to get its environments and team stacks.
import { App } from '../../src/cdk';
import { Platform } from '../../src/core/platform';

export function buildAcme(app: App): Platform {
  return new Platform(app, 'acme', {
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
}

if (require.main === module) {
  const app = new App();
  buildAcme(app);
  app.synth();
}
