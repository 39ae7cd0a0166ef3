import { ConfigConfigRule } from '@cdktf/provider-aws/lib/config-config-rule';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import { Construct } from 'constructs';
import { ServiceRole } from './service-role';
import { PlatformValidationError } from '../../src/core/errors';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

/** AWS managed Config rules switched on by default: the account-level view of our guardrails. */
export const DEFAULT_CONFIG_RULES = [
  'CLOUD_TRAIL_ENABLED',
  'CLOUDTRAIL_LOG_FILE_VALIDATION_ENABLED',
  'ENCRYPTED_VOLUMES',
  'IAM_PASSWORD_POLICY',
  'IAM_ROOT_ACCESS_KEY_CHECK',
  'INCOMING_SSH_DISABLED',
  'RDS_STORAGE_ENCRYPTED',
  'ROOT_ACCOUNT_MFA_ENABLED',
  'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  'S3_BUCKET_SSL_REQUESTS_ONLY',
  'VPC_FLOW_LOGS_ENABLED',
];

export interface ConfigRecorderProps {
  readonly accountId: string;
  /** Bucket that receives configuration snapshots (it must allow config.amazonaws.com). */
  readonly bucketName: string;
  /** AWS managed rule identifiers to enable. @default DEFAULT_CONFIG_RULES */
  readonly managedRules?: string[];
}

/** ConfigRecorderProps, checked at runtime. */
const CONFIG_RECORDER_PROPS: PropsSchema = { accountId: P.string(), bucketName: P.string(), managedRules: opt(P.list(P.string())) };

/**
 * AWS Config recording every supported resource type (global ones included), delivering
 * to the audit bucket, switched on, with a set of AWS managed rules.
 */
export class ConfigRecorder extends Construct {
  public readonly recorder: ConfigConfigurationRecorder;
  public readonly rules: ConfigConfigRule[];

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    checkProps(this, props, CONFIG_RECORDER_PROPS, 'ConfigRecorderProps');
    markGoldenPath(this, 'config-recorder');
    const managedRules = props.managedRules ?? DEFAULT_CONFIG_RULES;
    managedRules.forEach((rule, i) => {
      if (!/^[A-Z0-9_]+$/.test(rule)) {
        throw new PlatformValidationError(this, `managedRules[${i}]`, rule, 'must be an AWS managed rule identifier such as S3_BUCKET_SSL_REQUESTS_ONLY');
      }
    });
    const role = new ServiceRole(this, 'role', {
      accountId: props.accountId,
      service: 'config.amazonaws.com',
      managedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWS_ConfigRole'],
    });
    this.recorder = new ConfigConfigurationRecorder(this, 'recorder', {
      name: 'goldenpath',
      roleArn: role.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    const channel = new ConfigDeliveryChannel(this, 'channel', {
      name: 'goldenpath',
      s3BucketName: props.bucketName,
      dependsOn: [this.recorder],
    });
    new ConfigConfigurationRecorderStatus(this, 'status', {
      name: this.recorder.name,
      isEnabled: true,
      dependsOn: [channel],
    });
    this.rules = managedRules.map((identifier) => new ConfigConfigRule(this, `rule-${identifier.toLowerCase()}`, {
      name: identifier.toLowerCase().replace(/_/g, '-'),
      source: { owner: 'AWS', sourceIdentifier: identifier },
      dependsOn: [this.recorder],
    }));
  }
}
