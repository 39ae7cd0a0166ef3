import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { S3Backend, TerraformStack } from '../../src/cdk';
import { GoldenPathContext, GoldenPathContextProps } from '../../src/core/context';
import { ENVIRONMENT_PROFILES, EnvironmentProfile, PROFILE_SPEC } from '../../src/core/environment-profile';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { stateKey } from '../../src/core/state-keys';
import { prepareStack } from '../../src/golden-path';
import { Suppressions } from '../../src/policy/suppressions';

/** Where a stack's state lives. */
export interface StateLocation {
  readonly bucket: string;
  readonly region: string;
  /** KMS key for the state objects, as an ARN (alias ARNs work). */
  readonly kmsKeyArn: string;
  /** Prefix of every state key, usually the org. */
  readonly keyPrefix: string;
}

export interface EnvironmentStackProps {
  readonly context: GoldenPathContextProps;
  readonly accountId: string;
  readonly region: string;
  readonly profile: EnvironmentProfile;
  /** Remote state; @default - local state (only for bootstrapping the state bucket) */
  readonly state?: StateLocation;
}

/** EnvironmentStackProps, checked at runtime (before the stack exists, so errors name its id). */
const ENVIRONMENT_STACK_PROPS: PropsSchema = {
  context: P.object({ org: opt(P.string()), team: opt(P.string()), environment: opt(P.string()), service: opt(P.string()), owner: opt(P.string()), costCentre: opt(P.string()) }),
  accountId: P.string(),
  region: P.string(),
  profile: PROFILE_SPEC,
  state: opt(P.object({ bucket: P.string(), region: P.string(), kmsKeyArn: P.arn('kms'), keyPrefix: P.string() })),
};

/**
 * One Terraform stack of the platform: an AWS provider pinned to the environment's account
 * and region, an encrypted, locked S3 backend, and the golden-path context for everything
 * inside it.
 */
export class EnvironmentStack extends TerraformStack {
  public readonly accountId: string;
  public readonly region: string;
  public readonly profile: EnvironmentProfile;
  public readonly aws: AwsProvider;

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    checkProps(id, props, ENVIRONMENT_STACK_PROPS, 'EnvironmentStackProps');
    super(scope, id);
    this.accountId = props.accountId;
    this.region = props.region;
    this.profile = props.profile;
    GoldenPathContext.set(this, props.context);
    prepareStack(this);
    this.aws = new AwsProvider(this, 'aws', { region: props.region, allowedAccountIds: [props.accountId] });
    suppressProfileChoices(this, props.profile);
    if (props.state) {
      const backend = new S3Backend(this, {
        bucket: props.state.bucket,
        key: stateKey({ org: props.state.keyPrefix, environment: props.context.environment, owner: props.context.team ?? 'platform', stack: id }),
        region: props.state.region,
        encrypt: true,
        kmsKeyId: props.state.kmsKeyArn,
      });
      // S3-native locking (Terraform >= 1.10); cdktf 0.21 has no typed prop for it yet
      backend.addOverride('use_lockfile', true);
    }
  }
}

/**
 * A profile that loosens a control is an explicit decision; record it as a stack-level
 * suppression with the reason, so reports show it instead of raising the same finding on
 * every resource.
 */
function suppressProfileChoices(stack: TerraformStack, profile: EnvironmentProfile): void {
  const why = `environment profile ${profile.name}`;
  if (!profile.deletionProtection) {
    Suppressions.add(stack, { ruleId: 'GP-RDS-004', reason: `${why} turns deletion protection off: its databases are disposable` });
  }
  if (!profile.production) {
    Suppressions.add(stack, { ruleId: 'GP-RDS-011', reason: `${why} runs single-AZ databases to save cost; production profiles use Multi-AZ` });
  }
  if (profile.logRetentionDays < 90) {
    Suppressions.add(stack, { ruleId: 'GP-LOG-003', reason: `${why} keeps logs ${profile.logRetentionDays} days; production profiles keep them ${ENVIRONMENT_PROFILES.prod.logRetentionDays}` });
  }
}
