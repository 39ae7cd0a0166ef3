// Fuzzed props of the pipeline and service constructs and of the stacks; see fuzz-harness.ts.
import { fuzz, fuzzConstructs, RUNS } from './fuzz-harness';
import { DeliveryWorkflow, GitHubOidcDeployRole, Repository } from '../../constructs/pipeline';
import { EnvironmentStack, Platform, ServiceStack } from '../../constructs/platform';
import { PostgresDatabase, Service, ServiceBucket, ServiceCache, ServiceQueue } from '../../constructs/service';
import { App, TerraformStack } from '../../src/cdk';
import { ENVIRONMENT_PROFILES } from '../../src/core/environment-profile';
import { serviceEnv } from '../constructs/service/fixtures';

const env = serviceEnv();
const team = { name: 'payments', onCall: 'oncall@acme.example', members: ['ana@acme.example'] };
const stacksOf = (app: App) => app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));

fuzzConstructs([
  ['DeliveryWorkflow', (s, p) => new DeliveryWorkflow(s, 'c', p), { repository: 'payments', environments: ['dev', 'prod'] }],
  ['GitHubOidcDeployRole', (s, p) => new GitHubOidcDeployRole(s, 'c', p), { accountId: '111111111111', owner: 'acme', repositories: ['payments'], environment: 'prod', stateBucketArn: 'arn:aws:s3:::acme-tfstate', stateKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/state', applyPermissions: [{ actions: ['sqs:CreateQueue'], resources: ['arn:aws:sqs:eu-west-1:111111111111:*'] }] }],
  ['Repository', (s, p) => new Repository(s, 'c', p), { owner: 'acme', name: 'payments', team, environments: [{ name: 'prod', region: 'eu-west-1', production: true, planRoleArn: 'arn:plan', applyRoleArn: 'arn:apply' }] }],
  ['PostgresDatabase', (s, p) => new PostgresDatabase(s, 'c', p), { environment: env, databaseName: 'app', allocatedStorage: 20 }],
  ['ServiceBucket', (s, p) => new ServiceBucket(s, 'c', p), { environment: env }],
  ['ServiceCache', (s, p) => new ServiceCache(s, 'c', p), { environment: env, engine: 'valkey' }],
  ['ServiceQueue', (s, p) => new ServiceQueue(s, 'c', p), { environment: env, maxReceiveCount: 5 }],
  ['Service', (s, p) => new Service(s, 'ledger', p), { environment: env, image: 'registry.example.com/ledger:1.0.0', port: 8080, size: 'small', variables: { MODE: 'prod' }, dependencies: { db: { type: 'postgres' } }, slo: { objectivePercent: 99.9 }, description: 'Ledger' }],
]);

describe('fuzzed props of the stacks', () => {
  const stackValid = { org: 'acme', team: 'payments', service: 'ledger', environment: 'prod', accountId: '222222222222', region: 'eu-west-1', stateAccountId: '111111111111', stateRegion: 'eu-west-1', vpcCidr: '10.20.0.0/16' };
  const envValid = { context: { org: 'acme', team: 'platform', environment: 'prod' }, accountId: '222222222222', region: 'eu-west-1', profile: ENVIRONMENT_PROFILES.prod };
  const platformValid = { org: 'acme', environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1' }], teams: [team], stackPerTeam: true };

  test('the unmutated stack props build', () => {
    expect(() => new ServiceStack(new App({ skipValidation: true }), 'fuzz', stackValid as any)).not.toThrow();
    expect(() => new EnvironmentStack(new App({ skipValidation: true }), 'fuzz', envValid as any)).not.toThrow();
    const app = new App({ skipValidation: true });
    new Platform(app, 'acme', platformValid as any);
    expect(stacksOf(app).length).toBeGreaterThan(2);
  });
  test(`ServiceStack: ${RUNS} distinct cases`, () => {
    expect(fuzz(stackValid, (props) => [new ServiceStack(new App({ skipValidation: true }), 'fuzz', props)])).toBeGreaterThan(RUNS / 50);
  });
  test(`EnvironmentStack: ${RUNS} distinct cases`, () => {
    expect(fuzz(envValid, (props) => [new EnvironmentStack(new App({ skipValidation: true }), 'fuzz', props)])).toBeGreaterThan(RUNS / 50);
  });
  test(`Platform: ${RUNS} distinct cases (a whole org each)`, () => {
    expect(fuzz(platformValid, (props) => {
      const app = new App({ skipValidation: true });
      new Platform(app, 'acme', props);
      return stacksOf(app);
    })).toBeGreaterThan(RUNS / 20);
  });
});
