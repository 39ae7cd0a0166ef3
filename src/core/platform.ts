import { Construct } from 'constructs';
import { ENVIRONMENT_PROFILES, EnvironmentProfile } from './environment-profile';
import { EnvironmentStack, StateLocation } from './environment-stack';
import { PlatformValidationError } from './errors';
import { deriveName, validateName } from './naming';
import { validateAccountId } from '../../constructs/baseline/encryption-key';
import { StateBackend } from '../../constructs/baseline/state-backend';

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
}

/** A team as the platform sees it. */
export interface TeamSpec {
  /** Short name: a DNS label, used in names, tags and namespaces. */
  readonly name: string;
  /** Cost centre billed for the team's resources. @default - none */
  readonly costCentre?: string;
}

export interface PlatformProps {
  /** Organisation name: a DNS label. */
  readonly org: string;
  /** The environments, at least one, names unique. */
  readonly environments: EnvironmentSpec[];
  /** Teams that build on the platform. @default - none */
  readonly teams?: TeamSpec[];
  /** One stack per environment and team, so teams plan and apply independently. @default false */
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
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/**
 * Orchestration: turns environments × teams into stacks, all keeping state in one
 * bootstrapped bucket. Stacks are created on the app (not nested) so stack names in
 * cdktf.out are stable and flat: `<org>-state`, `<org>-<env>`, `<org>-<env>-<team>`.
 */
export class Platform extends Construct {
  public readonly org: string;
  public readonly stateStack: EnvironmentStack;
  public readonly stateBackend: StateBackend;
  private readonly envStacks = new Map<string, EnvironmentStack>();
  private readonly teamStacks = new Map<string, EnvironmentStack>();

  constructor(scope: Construct, id: string, props: PlatformProps) {
    super(scope, id);
    this.org = validateName(this, 'org', props.org, 'kubernetesName');
    if (props.environments.length === 0) {
      throw new PlatformValidationError(this, 'environments', props.environments, 'must list at least one environment');
    }
    const platformTeam = validateName(this, 'platformTeam', props.platformTeam ?? 'platform', 'kubernetesName');
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
    teams.forEach((team, i) => {
      validateName(this, `teams[${i}].name`, team.name, 'kubernetesName');
      if (teamNames.has(team.name)) throw new PlatformValidationError(this, `teams[${i}].name`, team.name, 'must be unique among teams');
      teamNames.add(team.name);
    });

    const first = props.environments[0];
    const stateAccountId = props.stateAccountId ?? first.accountId;
    validateAccountId(this, 'stateAccountId', stateAccountId);
    const stateRegion = props.stateRegion ?? first.region;
    if (!REGION.test(stateRegion)) throw new PlatformValidationError(this, 'stateRegion', stateRegion, 'must be an AWS region such as eu-west-1');

    const bucket = StateBackend.defaultBucketName(this.org, stateAccountId);
    const state: StateLocation = {
      bucket,
      region: stateRegion,
      kmsKeyArn: `arn:aws:kms:${stateRegion}:${stateAccountId}:alias/${deriveName('kmsAlias', this.org, 'tfstate')}`,
      keyPrefix: this.org,
    };

    this.stateStack = new EnvironmentStack(scope, `${this.org}-state`, {
      context: { org: this.org, team: platformTeam, service: 'state', environment: 'global' },
      accountId: stateAccountId,
      region: stateRegion,
      profile: ENVIRONMENT_PROFILES.prod,
      state: props.bootstrapWithLocalState ? undefined : state,
    });
    this.stateBackend = new StateBackend(this.stateStack, 'state', { org: this.org, accountId: stateAccountId, bucketName: bucket });

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
      if (!props.stackPerTeam) continue;
      for (const team of teams) {
        const teamStack = new EnvironmentStack(scope, `${this.org}-${env.name}-${team.name}`, {
          context: { org: this.org, team: team.name, environment: env.name, costCentre: team.costCentre },
          accountId: env.accountId,
          region: env.region,
          profile,
          state,
        });
        teamStack.addDependency(envStack);
        this.teamStacks.set(`${env.name}/${team.name}`, teamStack);
      }
    }
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

  /** A team's own stack in an environment (needs `stackPerTeam`). */
  public teamStack(environment: string, team: string): EnvironmentStack {
    const stack = this.teamStacks.get(`${environment}/${team}`);
    if (!stack) {
      const known = [...this.teamStacks.keys()];
      throw new PlatformValidationError(this, 'team', `${environment}/${team}`,
        known.length ? `must be one of ${known.join(', ')}` : 'needs `stackPerTeam: true` on the Platform');
    }
    return stack;
  }
}
