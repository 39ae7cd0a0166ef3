import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { S3Backend, TerraformStack } from '../cdk';
import { prepareStack } from '../golden-path';
import { GoldenPathContext, GoldenPathContextProps } from './context';
import { EnvironmentProfile } from './environment-profile';

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
    super(scope, id);
    this.accountId = props.accountId;
    this.region = props.region;
    this.profile = props.profile;
    GoldenPathContext.set(this, props.context);
    prepareStack(this);
    this.aws = new AwsProvider(this, 'aws', { region: props.region, allowedAccountIds: [props.accountId] });
    if (props.state) {
      const backend = new S3Backend(this, {
        bucket: props.state.bucket,
        key: [props.state.keyPrefix, props.context.environment, `${id}.tfstate`].filter(Boolean).join('/'),
        region: props.state.region,
        encrypt: true,
        kmsKeyId: props.state.kmsKeyArn,
      });
      // S3-native locking (Terraform >= 1.10); cdktf 0.21 has no typed prop for it yet
      backend.addOverride('use_lockfile', true);
    }
  }
}
