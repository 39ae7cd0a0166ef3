import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Construct } from 'constructs';
import { PLATFORM_APPLY_MANAGED_POLICIES, teamApplyPermissions, WORKLOAD_BOUNDARY_ACTIONS, workloadBoundary } from './deploy-permissions';
import { EnvironmentStack, StateLocation } from './environment-stack';
import { PLATFORM_OUTPUTS, publishOutputs } from './platform-outputs';
import { Fn } from '../../src/cdk';
import { ANNOTATIONS, CatalogFacts, ENVIRONMENT_ENTITIES, entityName, EntityLink } from '../../src/core/catalog-facts';
import { ENVIRONMENT_PROFILES, EnvironmentProfile } from '../../src/core/environment-profile';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { GLOBAL_ENVIRONMENT, stateKey } from '../../src/core/state-keys';
import { Team, TEAM_SPEC, validateTeam } from '../../src/core/team';
import { markGoldenPath } from '../../src/golden-path';
import type { GoldenPathPlugin } from '../../src/plugins/contract';
import { Plugins } from '../../src/plugins/registry';
import { validateAccountId } from '../baseline/encryption-key';
import { StateBackend } from '../baseline/state-backend';
import { AwsEnvironment, ClusterOptions } from '../environment/aws-environment';
import { overlaps, parseIpv4Cidr } from '../environment/cidr';
import { ClusterAccess, KubernetesCluster, NODES_SPEC } from '../environment/kubernetes-cluster';
import { RuntimeBaseline } from '../environment/runtime-baseline';
import { TeamTenancy } from '../environment/team-tenancy';
import { AlertRouting } from '../observability/alert-routing';
import { TraceCollector } from '../observability/trace-collector';
import { CodeBuildRunner, RunnerSpec } from '../pipeline/codebuild-runner';
import { DeployRepository, GITHUB_OIDC_HOST, GitHubOidcDeployRole, stateBucketGrants, stateKeyGrant } from '../pipeline/github-oidc-deploy-role';
import type { ServiceEnvironment } from '../service/service-environment';

/** One environment of the platform. */
export interface EnvironmentSpec {
  /** Short name (dev, prod...): a DNS label, used in stack, resource and namespace names. */
  readonly name: string;
  /** The 12-digit AWS account of the environment. */
  readonly accountId: string;
  /** AWS region, e.g. `eu-west-1`. */
  readonly region: string;
  /** Which profile of settings applies. @default - `prod` for an environment named prod or production, else `dev` */
  readonly profile?: EnvironmentProfile['name'];
  /**
   * VPC CIDR (private IPv4, /16 to /20). When set, the environment stack gets an
   * AwsEnvironment: keys, network and an EKS cluster. Environments may not overlap.
   * @default - no AWS environment (the stack holds only what you add)
   */
  readonly cidr?: string;
  /** Cluster settings. @default - defaults of ClusterOptions */
  readonly cluster?: ClusterOptions;
  /** Create the EKS cluster (with `cidr`). @default true */
  readonly createCluster?: boolean;
  /**
   * Run an OpenTelemetry collector that exports to X-Ray on the cluster, in a stack of its
   * own (`<org>-<env>-observability`), and trace every Service by default.
   * @default true (when the environment has a cluster)
   */
  readonly tracing?: boolean;
  /**
   * The cluster runs the Prometheus Operator, so SLOs also get PrometheusRules (their CRD must
   * exist when team stacks are planned). @default false
   */
  readonly prometheusOperator?: boolean;
}

/** How the platform's and the teams' repositories deploy: GitHub OIDC roles, cluster access and runners. */
export interface PlatformDelivery {
  /** The GitHub organisation of the repositories. */
  readonly owner: string;
  /** The platform's own repository, which plans and applies the platform's stacks. @default `<org>-platform` */
  readonly repository?: string;
  /** Each team's repository, by team name. @default - a repository named after the team */
  readonly teamRepositories?: Record<string, string>;
  /**
   * Where plan and apply jobs run. `codebuild`: a CodeBuildRunner in each environment with a
   * cluster (inside its VPC, so private endpoints work); `github-hosted`: GitHub's runners,
   * only for clusters with a public endpoint; or labels of your own runners in the VPCs.
   * @default 'codebuild'
   */
  readonly runner?: 'codebuild' | 'github-hosted' | { readonly labels: string[] };
}

export interface PlatformProps {
  /** Organisation name: a DNS label. */
  readonly org: string;
  /** The environments, at least one, names unique. */
  readonly environments: EnvironmentSpec[];
  /** Teams that build on the platform. @default - none */
  readonly teams?: Team[];
  /**
   * One stack per environment and team, so teams plan and apply independently. With a
   * cluster, each team stack also gets the team's namespace (TeamTenancy) through a
   * Kubernetes provider wired to the environment's cluster by cross-stack references.
   * @default false
   */
  readonly stackPerTeam?: boolean;
  /** The team that owns the platform's own resources. @default 'platform' */
  readonly platformTeam?: string;
  /** Account that holds the state bucket. @default - the first environment's account */
  readonly stateAccountId?: string;
  /** Region of the state bucket. @default - the first environment's region */
  readonly stateRegion?: string;
  /**
   * Keep the bootstrap stack's own state local, for the very first apply before the
   * state bucket exists; switch off and `terraform init -migrate-state` afterwards.
   * @default false
   */
  readonly bootstrapWithLocalState?: boolean;
  /**
   * Plugins for everything the platform builds (and whatever else the app holds): registered
   * on the app before any stack is made. Their order follows their dependencies, then names.
   * @default - none
   */
  readonly plugins?: GoldenPathPlugin[];
  /**
   * Deploy roles per repository and environment account (plan and apply, each reaching only
   * its own state and namespace), the state grants they need across accounts, cluster access
   * entries, and the runners their jobs use.
   * @default - no deploy roles: the cluster admits only teams' `awsRoleArn`
   */
  readonly delivery?: PlatformDelivery;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** PlatformProps, checked at runtime. */
const PLATFORM_PROPS: PropsSchema = {
  org: P.string(),
  environments: P.list(P.object({ name: P.string(), accountId: P.string(), region: P.string(), profile: opt(P.enum('dev', 'staging', 'prod')), cidr: opt(P.string()), cluster: opt(P.object({ version: opt(P.string()), publicAccessCidrs: opt(P.list(P.string())), nodes: opt(NODES_SPEC), autoMode: opt(P.boolean()) })), createCluster: opt(P.boolean()), tracing: opt(P.boolean()), prometheusOperator: opt(P.boolean()) })),
  teams: opt(P.list(TEAM_SPEC)),
  stackPerTeam: opt(P.boolean()),
  platformTeam: opt(P.string()),
  stateAccountId: opt(P.string()),
  stateRegion: opt(P.string()),
  bootstrapWithLocalState: opt(P.boolean()),
  plugins: opt(P.list(P.any('a plugin'))),
  delivery: opt(P.object({ owner: P.string(), repository: opt(P.string()), teamRepositories: opt(P.record(P.string())), runner: opt(P.any("'codebuild', 'github-hosted' or { labels }")) })),
};

/**
 * Orchestration: turns environments × teams into stacks, all keeping state in one
 * bootstrapped bucket. Stacks are created on the app (not nested) so stack names in
 * cdktf.out are stable and flat: `<org>-state`, `<org>-<env>`, `<org>-<env>-<team>`.
 */
export class Platform extends Construct {
  /** Where a platform of `org` keeps its state: the bucket and key it bootstraps in the state account. */
  public static stateLocation(org: string, stateAccountId: string, stateRegion: string): StateLocation {
    return {
      bucket: StateBackend.defaultBucketName(org, stateAccountId),
      region: stateRegion,
      kmsKeyArn: `arn:aws:kms:${stateRegion}:${stateAccountId}:alias/${deriveName('kmsAlias', org, 'tfstate')}`,
      keyPrefix: org,
    };
  }

  public readonly org: string;
  public readonly platformTeam: string;
  public readonly stateStack: EnvironmentStack;
  public readonly stateBackend: StateBackend;
  private readonly envStacks = new Map<string, EnvironmentStack>();
  private readonly state: StateLocation;
  private readonly stateAccount: { readonly accountId: string; readonly region: string };
  private readonly awsEnvs = new Map<string, AwsEnvironment>();
  private readonly tenancies = new Map<string, TeamTenancy>();
  private readonly alertRoutings = new Map<string, AlertRouting>();
  private readonly teamStacks = new Map<string, EnvironmentStack>();
  private readonly collectors = new Map<string, TraceCollector>();
  private readonly deployRoles = new Map<string, GitHubOidcDeployRole>();
  private readonly runners = new Map<string, RunnerSpec>();
  private readonly boundaries = new Map<string, string>();
  private readonly prometheusOperators = new Set<string>();
  private readonly delivery?: PlatformDelivery;

  constructor(scope: Construct, id: string, props: PlatformProps) {
    super(scope, id);
    checkProps(this, props, PLATFORM_PROPS, 'PlatformProps');
    if (props.plugins?.length) Plugins.register(scope, ...props.plugins);
    this.org = validateName(this, 'org', props.org, 'kubernetesName');
    if (props.environments.length === 0) {
      throw new PlatformValidationError(this, 'environments', props.environments, 'must list at least one environment');
    }
    const platformTeam = validateName(this, 'platformTeam', props.platformTeam ?? 'platform', 'kubernetesName');
    this.platformTeam = platformTeam;
    const seen = new Set<string>();
    props.environments.forEach((env, i) => {
      validateName(this, `environments[${i}].name`, env.name, 'kubernetesName');
      if (seen.has(env.name)) throw new PlatformValidationError(this, `environments[${i}].name`, env.name, 'must be unique among environments');
      seen.add(env.name);
      validateAccountId(this, `environments[${i}].accountId`, env.accountId);
      if (!REGION.test(env.region)) throw new PlatformValidationError(this, `environments[${i}].region`, env.region, 'must be an AWS region such as eu-west-1');
      if (env.profile !== undefined && !(env.profile in ENVIRONMENT_PROFILES)) {
        throw new PlatformValidationError(this, `environments[${i}].profile`, env.profile, `must be one of ${Object.keys(ENVIRONMENT_PROFILES).join(', ')}`);
      }
    });
    const teams = props.teams ?? [];
    const teamNames = new Set<string>();
    const cidrs: Array<{ name: string; block: NonNullable<ReturnType<typeof parseIpv4Cidr>> }> = [];
    props.environments.forEach((env, i) => {
      if (env.cidr === undefined) return;
      const block = parseIpv4Cidr(env.cidr);
      if (!block) return; // Network names the bad CIDR with its own path
      const clash = cidrs.find((c) => overlaps(c.block, block));
      if (clash) throw new PlatformValidationError(this, `environments[${i}].cidr`, env.cidr, `must not overlap environment ${clash.name}`);
      cidrs.push({ name: env.name, block });
    });
    teams.forEach((team, i) => {
      validateTeam(this, `teams[${i}]`, team);
      if (teamNames.has(team.name)) throw new PlatformValidationError(this, `teams[${i}].name`, team.name, 'must be unique among teams');
      teamNames.add(team.name);
    });

    const first = props.environments[0];
    const stateAccountId = props.stateAccountId ?? first.accountId;
    validateAccountId(this, 'stateAccountId', stateAccountId);
    const stateRegion = props.stateRegion ?? first.region;
    if (!REGION.test(stateRegion)) throw new PlatformValidationError(this, 'stateRegion', stateRegion, 'must be an AWS region such as eu-west-1');

    const state = Platform.stateLocation(this.org, stateAccountId, stateRegion);
    const bucket = state.bucket;

    this.state = state;
    this.stateAccount = { accountId: stateAccountId, region: stateRegion };
    const delivery = props.delivery;
    this.delivery = delivery;
    if (delivery && !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(delivery.owner)) throw new PlatformValidationError(this, 'delivery.owner', delivery.owner, 'must be a GitHub organisation or user name');
    const platformRepo = this.platformRepository && validateName(this, 'delivery.repository', this.platformRepository, 'githubRepository');
    for (const [team, repo] of Object.entries(delivery?.teamRepositories ?? {})) {
      if (!teamNames.has(team)) throw new PlatformValidationError(this, `delivery.teamRepositories.${team}`, repo, `must name a team of the platform: ${[...teamNames].join(', ') || '(none)'}`);
      validateName(this, `delivery.teamRepositories.${team}`, repo, 'githubRepository');
    }
    const bucketArn = `arn:aws:s3:::${bucket}`;
    // the environment stack's state: its outputs are read by the stacks on the environment and the shared stacks
    const envStackKey = (env: string) => stateKey({ org: this.org, environment: env, owner: platformTeam, stack: `${this.org}-${env}` });
    // who deploys what, per environment: the platform repository its own stacks, each team's repository its team's
    const repositoriesOf = (env: string, accountId: string, region: string): DeployRepository[] => (platformRepo ? [
      {
        name: platformRepo,
        team: platformTeam,
        iam: 'platform',
        applyManagedPolicyArns: PLATFORM_APPLY_MANAGED_POLICIES,
        // the shared stacks (GitHub) read the environment stacks' outputs (deploy role ARNs, runners)
        reads: env === GLOBAL_ENVIRONMENT ? props.environments.map((e) => envStackKey(e.name)) : undefined,
      },
      ...(env === GLOBAL_ENVIRONMENT ? [] : teams.map((t) => ({
        name: this.teamRepository(t.name)!,
        team: t.name,
        // the outputs of the environment stack (cross-stack references and ServiceStack)
        reads: [envStackKey(env)],
        applyPermissions: teamApplyPermissions({ accountId, region, environment: env, team: t.name }),
      }))),
    ] : []);
    const envs = [{ name: GLOBAL_ENVIRONMENT, accountId: stateAccountId, region: stateRegion }, ...props.environments];
    const repositories = new Map(envs.map((e) => [e.name, repositoriesOf(e.name, e.accountId, e.region)]));
    const stateGrants = envs.flatMap((e) => repositories.get(e.name)!.flatMap((repository) =>
      stateBucketGrants({ accountId: e.accountId, environment: e.name, repository, prefix: state.keyPrefix, bucketArn })));
    // the state key's own account administers it through IAM; other accounts get a grant for their roles
    const keyGrants = envs.filter((e) => e.accountId !== stateAccountId).map((e) => stateKeyGrant(e.accountId, e.name, repositories.get(e.name)!));

    this.stateStack = new EnvironmentStack(scope, `${this.org}-state`, {
      context: { org: this.org, team: platformTeam, service: 'state', environment: GLOBAL_ENVIRONMENT },
      accountId: stateAccountId,
      region: stateRegion,
      profile: ENVIRONMENT_PROFILES.prod,
      state: (props.bootstrapWithLocalState ?? process.env.GOLDENPATH_BOOTSTRAP === '1') ? undefined : state,
    });
    this.stateBackend = new StateBackend(this.stateStack, 'state', { org: this.org, accountId: stateAccountId, bucketName: bucket, bucketGrants: stateGrants, keyGrants });
    // one GitHub OIDC provider per account: made by the first stack applied there
    const oidcProviders = new Map<string, string>();
    const oidcProvider = (stack: EnvironmentStack): string => {
      const known = oidcProviders.get(stack.accountId);
      if (known) return known;
      new IamOpenidConnectProvider(deliveryPart(stack, 'github-oidc', 'github-oidc-provider'), 'provider', { url: `https://${GITHUB_OIDC_HOST}`, clientIdList: ['sts.amazonaws.com'] });
      const arn = `arn:aws:iam::${stack.accountId}:oidc-provider/${GITHUB_OIDC_HOST}`;
      oidcProviders.set(stack.accountId, arn);
      return arn;
    };
    const deployRoles = (stack: EnvironmentStack, env: string, boundaryArn?: string) => {
      if (!platformRepo) return undefined;
      const roles = new GitHubOidcDeployRole(stack, 'github-deploy', {
        accountId: stack.accountId,
        owner: delivery!.owner,
        repositories: repositories.get(env)!,
        environment: env,
        providerArn: oidcProvider(stack),
        stateBucketArn: bucketArn,
        stateKeyArn: state.kmsKeyArn,
        stateKeyPrefix: state.keyPrefix,
        permissionsBoundaryArn: boundaryArn,
      });
      this.deployRoles.set(env, roles);
      return roles;
    };
    deployRoles(this.stateStack, GLOBAL_ENVIRONMENT);

    for (const env of props.environments) {
      const profile = ENVIRONMENT_PROFILES[env.profile ?? (/^prod(uction)?$/.test(env.name) ? 'prod' : 'dev')];
      const envStack = new EnvironmentStack(scope, `${this.org}-${env.name}`, {
        context: { org: this.org, team: platformTeam, service: 'platform', environment: env.name },
        accountId: env.accountId,
        region: env.region,
        profile,
        state,
      });
      envStack.addDependency(this.stateStack);
      this.envStacks.set(env.name, envStack);
      // the limit on every role a team's stacks create in this account
      const boundary = delivery ? workloadBoundary(this.org, env.name, env.accountId) : undefined;
      if (boundary) {
        new IamPolicy(deliveryPart(envStack, 'workload-boundary', 'permissions-boundary'), 'policy', {
          name: boundary.name,
          description: 'goldenpath: the most any role a team creates may do (its permissions boundary)',
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Workloads', Effect: 'Allow', Action: WORKLOAD_BOUNDARY_ACTIONS, Resource: '*' }] }),
        });
        this.boundaries.set(env.name, boundary.arn);
      }
      const roles = deployRoles(envStack, env.name, boundary?.arn);
      let awsEnv: AwsEnvironment | undefined;
      if (env.cidr !== undefined) {
        awsEnv = new AwsEnvironment(envStack, 'environment', {
          org: this.org,
          environment: env.name,
          accountId: env.accountId,
          region: env.region,
          profile,
          cidr: env.cidr,
          peerCidrs: props.environments.filter((e) => e !== env && e.cidr).map((e) => e.cidr!),
          createCluster: env.createCluster,
          cluster: env.cluster,
          teams,
          access: roles ? this.clusterAccess(roles, platformRepo!, teams) : undefined,
        });
        this.awsEnvs.set(env.name, awsEnv);
        const out = PLATFORM_OUTPUTS.environment;
        publishOutputs(envStack, {
          [out.vpcId]: awsEnv.network.vpc.id,
          [out.vpcCidr]: awsEnv.network.cidr,
          [out.isolatedSubnetIds]: awsEnv.network.isolatedSubnetIds,
          [out.dataKeyArn]: awsEnv.keys.data.keyArn,
          [out.secretsKeyArn]: awsEnv.keys.secrets.keyArn,
          [out.logsKeyArn]: awsEnv.keys.logs.keyArn,
          [out.accessLogsBucket]: awsEnv.accessLogsBucketName,
          ...(awsEnv.cluster ? {
            [out.oidcProviderArn]: awsEnv.cluster.oidcProvider.arn,
            [out.oidcIssuer]: awsEnv.cluster.oidcIssuer,
            [out.clusterName]: awsEnv.cluster.clusterName,
            [out.clusterEndpoint]: awsEnv.cluster.cluster.endpoint,
            [out.clusterCaData]: awsEnv.cluster.cluster.certificateAuthority.get(0).data,
          } : {}),
        });
        if (awsEnv.cluster && delivery) this.runners.set(env.name, this.runnerFor(envStack, env, awsEnv, delivery));
      }
      let runtime: EnvironmentStack | undefined;
      if (awsEnv?.cluster) {
        // what runs on the cluster before any team does, applied by the platform after the cluster exists
        runtime = new EnvironmentStack(scope, `${this.org}-${env.name}-runtime`, {
          context: { org: this.org, team: platformTeam, service: 'runtime', environment: env.name },
          accountId: env.accountId,
          region: env.region,
          profile,
          state,
        });
        runtime.addDependency(envStack);
        clusterProvider(runtime, awsEnv.cluster, env.region);
        new RuntimeBaseline(runtime, 'baseline', { cluster: awsEnv.cluster, maxCpu: (env.cluster?.nodes?.maxSize ?? 6) * 4 });
        if (props.stackPerTeam) {
          // namespaces, quotas and roles are the platform's: a namespace-scoped team role cannot make its own
          for (const team of teams) this.tenancies.set(`${env.name}/${team.name}`, new TeamTenancy(runtime, `tenancy-${team.name}`, { team }));
        }
      }
      if (awsEnv?.cluster && (env.tracing ?? true)) {
        const observability = new EnvironmentStack(scope, `${this.org}-${env.name}-observability`, {
          context: { org: this.org, team: platformTeam, service: 'observability', environment: env.name },
          accountId: env.accountId,
          region: env.region,
          profile,
          state,
        });
        observability.addDependency(runtime!);
        clusterProvider(observability, awsEnv.cluster, env.region);
        this.collectors.set(env.name, new TraceCollector(observability, 'traces', {
          environment: env.name,
          region: env.region,
          team: platformTeam,
          oidcProviderArn: awsEnv.cluster.oidcProvider.arn,
          oidcIssuer: awsEnv.cluster.oidcIssuer,
          sampleRatio: profile.traceSampleRatio,
        }));
      }
      if (env.prometheusOperator) this.prometheusOperators.add(env.name);
      CatalogFacts.record(this, {
        kind: 'Resource',
        name: ENVIRONMENT_ENTITIES.environment(env.name),
        description: `The ${env.name} environment (${profile.name} profile) in account ${env.accountId}, ${env.region}`,
        tags: ['environment', profile.name],
        annotations: { [ANNOTATIONS.account]: env.accountId, [ANNOTATIONS.region]: env.region, [ANNOTATIONS.environment]: env.name },
        spec: { type: 'environment', owner: `group:${platformTeam}`, system: platformTeam, dependsOn: awsEnv ? [awsEnv.network.entityRef, ...(awsEnv.cluster ? [awsEnv.cluster.entityRef] : [])] : [] },
        facts: { environment: env.name, profile: profile.name, production: profile.production, account: env.accountId, region: env.region, teams: teams.map((t) => t.name) },
      }, envStack);
      if (!props.stackPerTeam) continue;
      for (const team of teams) {
        const teamStack = new EnvironmentStack(scope, `${this.org}-${env.name}-${team.name}`, {
          context: { org: this.org, team: team.name, environment: env.name, costCentre: team.costCentre },
          accountId: env.accountId,
          region: env.region,
          profile,
          state,
        });
        teamStack.addDependency(runtime ?? envStack);
        this.teamStacks.set(`${env.name}/${team.name}`, teamStack);
        this.alertRoutings.set(`${env.name}/${team.name}`, new AlertRouting(teamStack, 'alerts', {
          accountId: env.accountId,
          team: team.name,
          onCall: team.onCall,
          ticketEmails: (team.members ?? []).filter((m) => m.includes('@')),
        }));
        const cluster = awsEnv?.cluster;
        const tenancy = this.tenancies.get(`${env.name}/${team.name}`);
        if (cluster && tenancy) {
          clusterProvider(teamStack, cluster, env.region);
          const routing = this.alertRoutings.get(`${env.name}/${team.name}`)!;
          publishOutputs(teamStack, {
            [PLATFORM_OUTPUTS.team.namespace]: tenancy.namespaceName,
            [PLATFORM_OUTPUTS.team.alertTopicsPage]: routing.topicArns('page'),
            [PLATFORM_OUTPUTS.team.alertTopicsTicket]: routing.topicArns('ticket'),
          });
        }
      }
    }
    this.recordOrganisation(teams);
  }

  /**
   * The organisation in the catalog, on the state stack: the Domain, and per team a Group, a
   * System and a User per member; the platform team too, since it owns the environments.
   */
  private recordOrganisation(teams: Team[]): void {
    const all = teams.some((t) => t.name === this.platformTeam) ? teams : [...teams, { name: this.platformTeam }];
    const record = (fact: Parameters<typeof CatalogFacts.record>[1]) => CatalogFacts.record(this, fact, this.stateStack);
    record({ kind: 'Domain', name: entityName(this.org), description: `Everything the ${this.org} platform runs`, spec: { owner: `group:${this.platformTeam}` } });
    const users = new Map<string, { email?: string; teams: string[] }>();
    for (const team of all) {
      const members = (team.members ?? []).map((m) => {
        const name = entityName(m.replace('@', '-at-'));
        const user = users.get(name) ?? { email: m.includes('@') ? m : undefined, teams: [] };
        user.teams.push(team.name);
        users.set(name, user);
        return `user:${name}`;
      });
      const onCall: EntityLink[] = team.onCall ? [{ url: team.onCall.startsWith('https://') ? team.onCall : `mailto:${team.onCall}`, title: 'On-call', type: 'on-call' }] : [];
      record({
        kind: 'Group',
        name: team.name,
        annotations: {
          ...(team.costCentre ? { [ANNOTATIONS.costCentre]: team.costCentre } : {}),
          ...(team.onCall ? { [ANNOTATIONS.onCall]: team.onCall } : {}),
        },
        links: onCall,
        spec: { type: 'team', profile: { displayName: team.name }, children: [], members },
        facts: { onCall: team.onCall, costCentre: team.costCentre, platformTeam: team.name === this.platformTeam },
      });
      record({ kind: 'System', name: team.name, description: `What the ${team.name} team runs`, spec: { owner: `group:${team.name}`, domain: entityName(this.org) } });
    }
    for (const [name, user] of users) {
      record({ kind: 'User', name, spec: { memberOf: user.teams.map((t) => `group:${t}`), profile: user.email ? { email: user.email } : {} } });
    }
  }

  /**
   * A stack for organisation-wide things that belong to no environment (GitHub
   * repositories, for example), in the state account, keeping its state in the same bucket.
   */
  public sharedStack(name: string): EnvironmentStack {
    validateName(this, 'name', name, 'kubernetesName');
    const stack = new EnvironmentStack(this.node.scope!, `${this.org}-${name}`, {
      context: { org: this.org, team: this.platformTeam, service: name, environment: 'global' },
      accountId: this.stateAccount.accountId,
      region: this.stateAccount.region,
      profile: ENVIRONMENT_PROFILES.prod,
      state: this.state,
    });
    stack.addDependency(this.stateStack);
    return stack;
  }

  /**
   * Cluster access from the deploy roles that created them: the platform's apply role is
   * cluster admin and its plan role views; each team's apply role administers its namespace
   * and its plan role views it, nothing else.
   */
  private clusterAccess(roles: GitHubOidcDeployRole, platformRepo: string, teams: readonly Team[]): ClusterAccess[] {
    return [
      { id: 'platform-apply', principalArn: roles.applyRoleArns[platformRepo], policy: 'cluster-admin' },
      { id: 'platform-plan', principalArn: roles.planRoleArns[platformRepo], policy: 'view' },
      ...teams.flatMap((t): ClusterAccess[] => {
        const repo = this.teamRepository(t.name)!;
        return [
          { id: `${t.name}-apply`, principalArn: roles.applyRoleArns[repo], policy: 'admin', namespaces: [t.name] },
          { id: `${t.name}-plan`, principalArn: roles.planRoleArns[repo], policy: 'view', namespaces: [t.name] },
        ];
      }),
    ];
  }

  /**
   * Where an environment's plan and apply jobs run. A cluster with only a private endpoint is
   * reachable from inside its VPC: a CodeBuild runner there, or the user's own runners.
   */
  private runnerFor(stack: EnvironmentStack, env: EnvironmentSpec, aws: AwsEnvironment, delivery: PlatformDelivery): RunnerSpec {
    const choice = delivery.runner ?? 'codebuild';
    const cluster = aws.cluster!;
    if (choice === 'github-hosted') {
      if (!(env.cluster?.publicAccessCidrs?.length)) {
        throw new PlatformValidationError(this, 'delivery.runner', choice,
          `cannot plan ${this.org}-${env.name}-runtime and the team stacks of ${env.name}: the cluster ${cluster.clusterName} has a private endpoint only, which GitHub-hosted runners cannot reach; ` +
          "use runners inside the VPC (`runner: 'codebuild'`, or `{ labels }` of your own) or open the endpoint to your runners' ranges with `cluster.publicAccessCidrs`");
      }
      return { type: 'github-hosted' };
    }
    if (typeof choice === 'object') {
      if (!Array.isArray(choice.labels) || choice.labels.length === 0) throw new PlatformValidationError(this, 'delivery.runner.labels', choice.labels, 'must list the labels of runners inside the VPC');
      return { type: 'self-hosted', labels: [...choice.labels] };
    }
    if (choice !== 'codebuild') throw new PlatformValidationError(this, 'delivery.runner', choice, "must be 'codebuild', 'github-hosted' or { labels: [...] }");
    return new CodeBuildRunner(stack, 'runner', {
      projectName: deriveName('eksCluster', this.org, env.name, 'runner'),
      accountId: stack.accountId,
      githubOwner: delivery.owner,
      vpcId: aws.network.vpc.id,
      subnetIds: aws.network.privateSubnetIds,
      clusterSecurityGroupId: cluster.clusterSecurityGroupId,
      logsKeyArn: aws.keys.logs.keyArn,
      logRetentionDays: stack.profile.logRetentionDays,
    }).runner;
  }

  /** The deploy roles of an environment (`global` for the state and shared stacks), with `delivery`. */
  public deployRolesOf(environment: string): GitHubOidcDeployRole | undefined {
    return this.deployRoles.get(environment);
  }

  /** The runner an environment's plan and apply jobs use, with `delivery` and a cluster. */
  public runnerOf(environment: string): RunnerSpec | undefined {
    return this.runners.get(environment);
  }

  /** The platform's own repository, with `delivery`. */
  public get platformRepository(): string | undefined {
    return this.delivery ? this.delivery.repository ?? `${this.org}-platform` : undefined;
  }

  /** A team's repository, with `delivery`. */
  public teamRepository(team: string): string | undefined {
    return this.delivery ? this.delivery.teamRepositories?.[team] ?? team : undefined;
  }

  /** ARN of the state bucket and the key that encrypts it, for roles that plan. */
  public get stateBucketArn(): string {
    return `arn:aws:s3:::${this.state.bucket}`;
  }

  /** Names of the environments, in the order given. */
  public get environmentNames(): string[] {
    return [...this.envStacks.keys()];
  }

  /** The shared stack of an environment. */
  public environmentStack(environment: string): EnvironmentStack {
    const stack = this.envStacks.get(environment);
    if (!stack) throw new PlatformValidationError(this, 'environment', environment, `must be one of ${this.environmentNames.join(', ')}`);
    return stack;
  }

  /** The AWS environment (network, keys, cluster) of an environment that has a `cidr`. */
  public awsEnvironment(environment: string): AwsEnvironment {
    const env = this.awsEnvs.get(environment);
    if (!env) throw new PlatformValidationError(this, 'environment', environment, `must be one of the environments with a cidr: ${[...this.awsEnvs.keys()].join(', ') || '(none)'}`);
    return env;
  }

  /** A team's alert topics in an environment (needs `stackPerTeam`). */
  public alertRouting(environment: string, team: string): AlertRouting | undefined {
    return this.alertRoutings.get(`${environment}/${team}`);
  }

  /** A team's namespace in an environment (needs `stackPerTeam` and a cluster). */
  public tenancy(environment: string, team: string): TeamTenancy | undefined {
    return this.tenancies.get(`${environment}/${team}`);
  }

  /**
   * Everything a Service in a team's stack needs from its environment: network, keys, the
   * cluster's OIDC provider and the team's namespace. Values cross stacks as references.
   */
  public serviceEnvironment(environment: string, team: string): ServiceEnvironment {
    const aws = this.awsEnvironment(environment);
    const tenancy = this.tenancy(environment, team);
    if (!aws.cluster || !tenancy) {
      throw new PlatformValidationError(this, 'team', team, `needs a team namespace in ${environment}: an environment with a cidr and a cluster, \`stackPerTeam: true\` and the team in \`teams\``);
    }
    const stack = this.environmentStack(environment);
    const alerts = this.alertRouting(environment, team);
    return {
      name: environment,
      accountId: stack.accountId,
      region: stack.region,
      profile: stack.profile,
      namespace: tenancy.namespaceName,
      vpcId: aws.network.vpc.id,
      vpcCidr: aws.network.cidr,
      isolatedSubnetIds: aws.network.isolatedSubnetIds,
      dataKeyArn: aws.keys.data.keyArn,
      secretsKeyArn: aws.keys.secrets.keyArn,
      oidcProviderArn: aws.cluster.oidcProvider.arn,
      oidcIssuer: aws.cluster.oidcIssuer,
      clusterName: aws.cluster.clusterName,
      logsKeyArn: aws.keys.logs.keyArn,
      accessLogsBucket: aws.accessLogsBucketName,
      alertTopics: alerts && { page: alerts.topicArns('page'), ticket: alerts.topicArns('ticket') },
      tracing: this.collectors.get(environment)?.tracing,
      permissionsBoundaryArn: this.boundaries.get(environment),
      prometheusOperator: this.prometheusOperators.has(environment),
      quota: tenancy.quota,
    };
  }

  /** The trace collector of an environment (one with a cluster and tracing on). */
  public traceCollector(environment: string): TraceCollector | undefined {
    return this.collectors.get(environment);
  }

  /** A team's own stack in an environment (needs `stackPerTeam`). */
  public teamStack(environment: string, team: string): EnvironmentStack {
    this.environmentStack(environment); // names the environment if that is what is wrong
    const stack = this.teamStacks.get(`${environment}/${team}`);
    if (!stack) {
      const known = [...this.teamStacks.keys()].filter((k) => k.startsWith(`${environment}/`)).map((k) => k.slice(environment.length + 1));
      throw new PlatformValidationError(this, 'team', team,
        known.length ? `must be one of the teams with a stack in ${environment}: ${known.join(', ')}` : 'needs `stackPerTeam: true` on the Platform (and the team in `teams`)');
    }
    return stack;
  }
}

/** A construct for a delivery resource made by the platform itself, so it carries golden-path metadata. */
function deliveryPart(stack: EnvironmentStack, id: string, kind: string): Construct {
  const part = new Construct(stack, id);
  markGoldenPath(part, kind, { service: 'delivery' });
  return part;
}

/** A Kubernetes provider for the cluster; references into the environment stack cross as remote state. */
function clusterProvider(stack: EnvironmentStack, cluster: KubernetesCluster, region: string): KubernetesProvider {
  return new KubernetesProvider(stack, 'kubernetes', {
    host: cluster.cluster.endpoint,
    clusterCaCertificate: Fn.base64decode(cluster.cluster.certificateAuthority.get(0).data),
    exec: [{ apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token', '--cluster-name', cluster.clusterName, '--region', region] }],
  });
}
