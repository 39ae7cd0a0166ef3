/** A golden path as the portal presents it: what it makes and how to start. */
export interface GoldenPathEntry {
  /** The `kind` its resources carry in the `"//"` metadata. */
  readonly kind: string;
  readonly construct: string;
  readonly module: string;
  readonly makes: string;
  readonly snippet: string;
}

/** The golden paths a team instantiates directly; the building blocks they use are left out. */
export const GOLDEN_PATHS: readonly GoldenPathEntry[] = [
  {
    kind: 'service',
    construct: 'Service',
    module: 'goldenpath/service',
    makes: 'A restricted Deployment with Service, autoscaler, disruption budget and caller-only network policy; an IRSA role granted only what its data stores need; the data stores; logs, traces, SLO alerts and a dashboard.',
    snippet: "new Service(platform.teamStack('prod', 'payments'), 'ledger', {\n  environment: platform.serviceEnvironment('prod', 'payments'),\n  image: 'ghcr.io/acme/ledger:1.0.0',\n  description: 'What the service does',\n  dependencies: { db: { type: 'postgres' } },\n  slo: { objectivePercent: 99.9 },\n});",
  },
  {
    kind: 'postgres',
    construct: 'PostgresDatabase',
    module: 'goldenpath/service',
    makes: 'PostgreSQL on RDS in isolated subnets, encrypted with the environment key, IAM authentication, the master password kept by RDS.',
    snippet: "dependencies: { db: { type: 'postgres' } }",
  },
  {
    kind: 'queue',
    construct: 'ServiceQueue',
    module: 'goldenpath/service',
    makes: 'An SQS queue with a dead-letter queue, encrypted with the environment key.',
    snippet: "dependencies: { events: { type: 'queue' } }",
  },
  {
    kind: 'bucket',
    construct: 'ServiceBucket',
    module: 'goldenpath/service',
    makes: 'A versioned, SSE-KMS, TLS-only S3 bucket with public access blocked and access logs.',
    snippet: "dependencies: { files: { type: 'bucket' } }",
  },
  {
    kind: 'cache',
    construct: 'ServiceCache',
    module: 'goldenpath/service',
    makes: 'Valkey on ElastiCache, encrypted at rest and in transit, IAM-authenticated.',
    snippet: "dependencies: { cache: { type: 'cache' } }",
  },
  {
    kind: 'environment',
    construct: 'Platform (environments with a cidr)',
    module: 'goldenpath/platform',
    makes: 'Per environment: keys, a network over three zones, an EKS cluster, a trace collector; per team a namespace held to Pod Security "restricted".',
    snippet: "new Platform(app, 'acme', {\n  org: 'acme',\n  environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1', cidr: '10.10.0.0/16' }],\n  teams: [{ name: 'payments', onCall: 'payments-oncall@acme.example' }],\n  stackPerTeam: true,\n});",
  },
  {
    kind: 'repository',
    construct: 'Repository',
    module: 'goldenpath/pipeline',
    makes: 'A private repository with a reviewed default branch, CODEOWNERS, plan and apply environments, and the delivery workflow.',
    snippet: "new Repository(githubStack, 'payments', { owner: 'acme', name: 'payments', team: { name: 'payments' }, environments: [...] });",
  },
  {
    kind: 'slo',
    construct: 'Slo',
    module: 'goldenpath/observability',
    makes: 'Multiwindow burn-rate alerts as CloudWatch composite alarms and a PrometheusRule, with trace and runbook links.',
    snippet: 'slo: { objectivePercent: 99.9 }',
  },
  {
    kind: 'account-baseline',
    construct: 'AccountBaseline',
    module: 'goldenpath/baseline',
    makes: 'CloudTrail, AWS Config, GuardDuty, Access Analyzer, account-level S3 public access block, EBS default encryption and a password policy.',
    snippet: "new AccountBaseline(stack, 'baseline', { org: 'acme', accountId: '111111111111', region: 'eu-west-1', logRetentionDays: 365 });",
  },
];
