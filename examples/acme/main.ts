// The example org: what a platform team writes to get its environments and team stacks.
import { readFileSync } from 'fs';
import { join } from 'path';
import { GithubProvider } from '@cdktf/provider-github/lib/provider';
import { plugins } from './plugins';
import { AccountBaseline } from '../../constructs/baseline/account-baseline';
import { Repository } from '../../constructs/pipeline/repository';
import { Platform } from '../../constructs/platform/platform';
import { Service } from '../../constructs/service/service';
import { App } from '../../src/cdk';

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
      // medium: its prod autoscaler (9 pods of 1 CPU limit) must fit the namespace quota
      { name: 'search', costCentre: 'cc-1002', size: 'medium', onCall: 'https://oncall.acme.example/search', members: ['li@acme.example'] },
    ],
    stackPerTeam: true,
    // deploy roles for acme-platform and each team's repository, their state and cluster
    // access, and CodeBuild runners inside each VPC (the cluster endpoints are private)
    delivery: { owner: 'acme' },
    // the org's own extensions: cost centres on everything, pages to PagerDuty
    plugins,
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
  for (const env of platform.environmentNames) {
    // the payments team writes its service in TypeScript...
    new Service(platform.teamStack(env, 'payments'), 'ledger', {
      environment: platform.serviceEnvironment(env, 'payments'),
      image: 'ghcr.io/acme/ledger@sha256:4b0c3e2d0f6a9e7c1b5d8a2f3e4c6b7a9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a',
      size: 'medium',
      callers: [{ namespace: 'search', app: 'search-api' }],
      variables: { DATABASE_URL: 'postgres://${resources.db.username}@${resources.db.host}:${resources.db.port}/${resources.db.name}?sslmode=verify-full' },
      dependencies: { db: { type: 'postgres' }, events: { type: 'queue' } },
      slo: { objectivePercent: 99.9 },
      description: 'Double-entry ledger: balances and postings for every payment',
      runbookUrl: 'https://runbooks.acme.example/payments/ledger',
      providesApis: [{ name: 'ledger-api', definition: readFileSync(join(__dirname, 'ledger-openapi.yaml'), 'utf8') }],
    });
    // ...the search team in Score
    Service.fromScore(platform.teamStack(env, 'search'), readFileSync(join(__dirname, 'search-api.score.yaml'), 'utf8'), {
      environment: platform.serviceEnvironment(env, 'search'),
      slo: { objectivePercent: 99.5 },
      description: 'Search over payments and merchants',
      consumesApis: ['ledger-api'],
    });
  }
  // delivery: the platform made the OIDC deploy roles (Platform `delivery`)...
  const teams = ['payments', 'search'];
  // ...and one repository per team, with its environments and the delivery workflow
  const github = platform.sharedStack('github');
  new GithubProvider(github, 'github', { owner: 'acme' });
  const environment = (env: string, repo: string) => ({
    name: env,
    region: env === 'global' ? platform.stateStack.region : platform.environmentStack(env).region,
    production: env === 'global' || platform.environmentStack(env).profile.production,
    planRoleArn: platform.deployRolesOf(env)!.planRoleArns[repo],
    applyRoleArn: platform.deployRolesOf(env)!.applyRoleArns[repo],
    runner: env === 'global' ? undefined : platform.runnerOf(env),
  });
  for (const team of teams) {
    new Repository(github, team, {
      owner: 'acme',
      name: team,
      team: { name: team },
      description: `${team} services on the acme golden path`,
      // the payments repository keeps its docs in TechDocs (mkdocs.yml and docs/)
      techDocs: team === 'payments',
      environments: platform.environmentNames.map((env) => environment(env, team)),
    });
  }
  // the platform's own repository plans and applies the state, environment, runtime,
  // observability and GitHub stacks
  new Repository(github, 'platform', {
    owner: 'acme',
    name: platform.platformRepository!,
    team: { name: platform.platformTeam },
    description: 'The acme platform: environments, clusters, delivery',
    environments: ['global', ...platform.environmentNames].map((env) => environment(env, platform.platformRepository!)),
  });
  return platform;
}

if (require.main === module) {
  const app = new App();
  buildAcme(app);
  app.synth();
}
