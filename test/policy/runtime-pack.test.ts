// The runtime pack over whole compositions, as `goldenpath check` runs it on a cdktf.out:
// the example org passes it with no suppression; the same org without deploy roles does not.
import { Platform } from '../../constructs/platform/platform';
import { Service } from '../../constructs/service/service';
import { buildAcme } from '../../examples/acme/main';
import { App, TerraformStack, Testing } from '../../src/cdk';
import { evaluate, RuleSet } from '../../src/policy/engine';
import { RUNTIME } from '../../src/policy/packs';
import { stackView } from '../../src/policy/stack-view';
import { synthJson } from '../helpers';

function judge(app: App) {
  const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));
  stacks.forEach((s) => s.prepareStack());
  return evaluate(stacks.map((s) => stackView(s.node.id, synthJson(s))), new RuleSet([RUNTIME])).findings;
}

describe('runtime pack over compositions', () => {
  test('the example org runs: no runtime finding, none suppressed', () => {
    const app = Testing.app();
    buildAcme(app);
    expect(judge(app).map((f) => `${f.ruleId} ${f.stack} ${f.address}: ${f.message}`)).toEqual([]);
  });

  test('without deploy roles nobody may apply the team stacks, and hosted runners cannot plan the private cluster', () => {
    const app = Testing.app();
    const platform = new Platform(app, 'acme', {
      org: 'acme',
      environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1', cidr: '10.10.0.0/16' }],
      teams: [{ name: 'payments' }],
      stackPerTeam: true,
    });
    new Service(platform.teamStack('dev', 'payments'), 'ledger', { environment: platform.serviceEnvironment('dev', 'payments'), image: 'ghcr.io/acme/ledger:1.0.0' });
    const findings = judge(app).filter((f) => f.status === 'fail');
    expect(findings.map((f) => [f.ruleId, f.stack])).toEqual(expect.arrayContaining([['GP-RUN-001', 'acme-dev-payments'], ['GP-RUN-001', 'acme-dev-runtime']]));
    expect(findings.find((f) => f.stack === 'acme-dev-payments')!.message).toBe('no access entry may write namespace payments: the stack\'s objects would be Unauthorized');
    expect(() => new Platform(Testing.app(), 'acme', {
      org: 'acme',
      environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1', cidr: '10.10.0.0/16' }],
      delivery: { owner: 'acme', runner: 'github-hosted' },
    })).toThrow(/`delivery.runner` cannot plan acme-dev-runtime and the team stacks of dev: the cluster acme-dev has a private endpoint only.*'codebuild'.*publicAccessCidrs/);
  });
});
