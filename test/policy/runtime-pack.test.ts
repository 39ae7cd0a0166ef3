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
import { viewWith } from './rules/cases';
import { prodGrants, prodStack, stateStack } from './rules/runtime.cases';

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

  test('prod state in the dev account: without grants the first plan is AccessDenied', () => {
    const app = Testing.app();
    new Platform(app, 'acme', {
      org: 'acme',
      environments: [
        { name: 'dev', accountId: '111111111111', region: 'eu-west-1', cidr: '10.10.0.0/16' },
        { name: 'prod', accountId: '222222222222', region: 'eu-west-1', cidr: '10.20.0.0/16' },
      ],
    });
    const failed = judge(app).filter((f) => f.ruleId === 'GP-RUN-007');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((f) => f.stack.startsWith('acme-prod') && f.address === 'terraform.backend.s3')).toBe(true);
    expect(failed[0].message).toMatch(new RegExp('^state of stack acme-prod\\S* \\(account 222222222222\\) is in bucket acme-tfstate-111111111111 '
      + 'of account 111111111111, whose policy grants that account no s3:GetObject on acme/prod/'));
  });
});

describe('GP-RUN-007 needs every grant the backend uses', () => {
  const rule = RUNTIME.rules.find((r) => r.id === 'GP-RUN-007')!;
  const judgeBackend = (others: Parameters<typeof viewWith>[1]) => {
    const stack = viewWith(prodStack(), others);
    return rule.evaluate(stack.backend!, stack);
  };
  test('the lock file is written too', () => {
    expect(judgeBackend([stateStack(prodGrants.slice(0, 1))])).toMatchObject({ status: 'fail', message: expect.stringContaining('no s3:PutObject on acme/prod/search/acme-prod-search.tfstate.tflock') });
  });
  test('the key policy must let the account decrypt and encrypt', () => {
    expect(judgeBackend([stateStack(prodGrants, [])])).toMatchObject({ status: 'fail', attribute: 'kms_key_id' });
  });
  test('with the bucket in no stack of the run there is nothing to judge against', () => {
    expect(judgeBackend([]).status).toBe('not-applicable');
  });
});
