import { Platform, PlatformProps } from '../../../constructs/platform/platform';
import { TerraformStack, Testing } from '../../../src/cdk';
import { synthJson } from '../../helpers';

const base: PlatformProps = {
  org: 'acme',
  environments: [
    { name: 'dev', accountId: '111111111111', region: 'eu-west-1' },
    { name: 'prod', accountId: '222222222222', region: 'us-east-1' },
  ],
  teams: [{ name: 'payments' }, { name: 'search' }],
};

function platform(props: Partial<PlatformProps> = {}) {
  const app = Testing.app();
  return { app, platform: new Platform(app, 'acme', { ...base, ...props }) };
}

describe('Platform', () => {
  test('one stack per environment plus the state stack, each with an encrypted, locked S3 backend', () => {
    const { platform: p } = platform();
    expect(p.environmentNames).toEqual(['dev', 'prod']);
    const prod = synthJson(p.environmentStack('prod'));
    expect(prod.terraform.backend.s3).toEqual({
      bucket: 'acme-tfstate-111111111111',
      key: 'acme/prod/platform/acme-prod.tfstate',
      region: 'eu-west-1',
      encrypt: true,
      use_lockfile: true,
      kms_key_id: 'arn:aws:kms:eu-west-1:111111111111:alias/acme-tfstate',
    });
    expect(prod.provider.aws[0]).toEqual({ region: 'us-east-1', allowed_account_ids: ['222222222222'] });
    expect(p.environmentStack('prod').profile.name).toBe('prod');
    expect(p.environmentStack('dev').profile.name).toBe('dev');
    expect(synthJson(p.stateStack).terraform.backend.s3.key).toBe('acme/global/platform/acme-state.tfstate');
  });

  test('per-team stacks when asked, carrying the team in their context', () => {
    const { platform: p } = platform({ stackPerTeam: true });
    const stack = p.teamStack('dev', 'search');
    expect(stack.node.id).toBe('acme-dev-search');
    expect(synthJson(stack)['//'].goldenpath).toMatchObject({ team: 'search', environment: 'dev', org: 'acme' });
    expect(stack.dependencies).toContain(p.environmentStack('dev'));
  });

  test('profile loosening is recorded as stack suppressions with reasons', () => {
    const { platform: p } = platform();
    const dev = synthJson(p.environmentStack('dev'))['//'].goldenpath.suppressions.map((x: any) => x.ruleId);
    expect(dev).toEqual(['GP-RDS-004', 'GP-RDS-011', 'GP-LOG-003']);
    expect(synthJson(p.environmentStack('prod'))['//'].goldenpath.suppressions).toBeUndefined();
  });

  test('the state stack can bootstrap with local state', () => {
    const { platform: p } = platform({ bootstrapWithLocalState: true });
    expect(synthJson(p.stateStack).terraform.backend?.s3).toBeUndefined();
  });

  test('asking for an unknown environment or team names what exists', () => {
    const { platform: p } = platform();
    expect(() => p.environmentStack('qa')).toThrow('acme: `environment` must be one of dev, prod, got "qa"');
    expect(() => p.teamStack('dev', 'payments')).toThrow(/needs `stackPerTeam: true`/);
  });

  test('environments with a cidr get an AwsEnvironment; team stacks get their namespace through the cluster', () => {
    const { app, platform: p } = platform({
      stackPerTeam: true,
      environments: [{ ...base.environments[0], cidr: '10.10.0.0/16' }, { ...base.environments[1], cidr: '10.20.0.0/16', createCluster: false }],
    });
    expect(p.awsEnvironment('dev').cluster?.clusterName).toBe('acme-dev');
    expect(p.awsEnvironment('prod').cluster).toBeUndefined();
    expect(p.tenancy('dev', 'payments')?.namespaceName).toBe('payments');
    expect(p.tenancy('prod', 'payments')).toBeUndefined();
    // app.synth() prepares every stack first; that is when cross-stack references are wired
    app.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c)).forEach((st) => st.prepareStack());
    const team = synthJson(p.teamStack('dev', 'payments'));
    // the cluster endpoint crosses stacks through remote state in the shared S3 backend
    expect(team.provider.kubernetes[0].host).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-acme-dev\.outputs\./);
    expect(team.data.terraform_remote_state['cross-stack-reference-input-acme-dev'].config).toMatchObject({ bucket: 'acme-tfstate-111111111111', key: 'acme/dev/platform/acme-dev.tfstate' });
    expect(Object.keys(synthJson(p.environmentStack('dev')).output ?? {}).length).toBeGreaterThan(0);
    expect(p.serviceEnvironment('dev', 'payments')).toMatchObject({ name: 'dev', namespace: 'payments', vpcCidr: '10.10.0.0/16', accountId: '111111111111' });
    expect(() => p.serviceEnvironment('prod', 'payments')).toThrow('acme: `team` needs a team namespace in prod: an environment with a cidr and a cluster, `stackPerTeam: true` and the team in `teams`, got "payments"');
    expect(() => p.awsEnvironment('qa')).toThrow('acme: `environment` must be one of the environments with a cidr: dev, prod, got "qa"');
  });

  test('an environment with a cluster gets a trace collector stack; services there get its endpoint and the profile ratio', () => {
    const { app, platform: p } = platform({
      stackPerTeam: true,
      environments: [{ ...base.environments[0], cidr: '10.10.0.0/16' }, { ...base.environments[1], cidr: '10.20.0.0/16', tracing: false }],
    });
    const stackIds = app.node.children.filter((c) => TerraformStack.isStack(c)).map((c) => c.node.id);
    expect(stackIds).toContain('acme-dev-observability');
    expect(stackIds).not.toContain('acme-prod-observability');
    expect(p.serviceEnvironment('dev', 'payments').tracing).toEqual({
      endpoint: 'http://otel-collector.observability.svc.cluster.local:4318', collectorNamespace: 'observability', collectorApp: 'otel-collector', sampleRatio: 1,
    });
    expect(p.serviceEnvironment('prod', 'payments').tracing).toBeUndefined();
    expect(p.traceCollector('dev')?.namespace).toBe('observability');
  });

  describe('validation', () => {
    const cases: Array<[string, Partial<PlatformProps>, RegExp]> = [
      ['org', { org: 'Acme Corp' }, /`org` must be a DNS-1123 label.*got "Acme Corp"/],
      ['no environments', { environments: [] }, /`environments` must list at least one environment, got \[\]/],
      ['environment name', { environments: [{ name: 'Dev!', accountId: '111111111111', region: 'eu-west-1' }] }, /`environments\[0\]\.name` must be a DNS-1123 label/],
      ['duplicate environment', { environments: [base.environments[0], base.environments[0]] }, /`environments\[1\]\.name` must be unique among environments, got "dev"/],
      ['account id', { environments: [{ name: 'dev', accountId: '1234', region: 'eu-west-1' }] }, /`environments\[0\]\.accountId` must be a 12-digit AWS account id, got "1234"/],
      ['region', { environments: [{ name: 'dev', accountId: '111111111111', region: 'europe' }] }, /`environments\[0\]\.region` must be an AWS region such as eu-west-1, got "europe"/],
      ['profile', { environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1', profile: 'qa' as any }] }, /`environments\[0\]\.profile` must be one of dev, staging, prod, got "qa"/],
      ['team name', { teams: [{ name: 'Payments Team' }] }, /`teams\[0\]\.name` must be a DNS-1123 label/],
      ['duplicate team', { teams: [{ name: 'a' }, { name: 'a' }] }, /`teams\[1\]\.name` must be unique among teams, got "a"/],
      ['state account', { stateAccountId: 'x' }, /`stateAccountId` must be a 12-digit AWS account id, got "x"/],
      ['state region', { stateRegion: 'mars-1' }, /`stateRegion` must be an AWS region/],
      ['overlapping environment CIDRs', { environments: [{ ...base.environments[0], cidr: '10.0.0.0/16' }, { ...base.environments[1], cidr: '10.0.128.0/17' }] },
        /acme: `environments\[1\]\.cidr` must not overlap environment dev, got "10\.0\.128\.0\/17"/],
      ['invalid environment CIDR', { environments: [{ ...base.environments[0], cidr: '10.0.0.0/33' }] }, /acme-dev\/environment\/network: `cidr` must be an IPv4 CIDR block/],
      ['team on-call', { teams: [{ name: 'a', onCall: 'nobody' }] }, /`teams\[0\]\.onCall` must be an e-mail address or an https:\/\/ URL, got "nobody"/],
    ];
    test.each(cases)('%s', (_name, props, message) => {
      expect(() => platform(props)).toThrow(message);
    });
  });
});
