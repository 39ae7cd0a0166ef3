import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { GuarddutyDetector } from '@cdktf/provider-aws/lib/guardduty-detector';
import { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';
import { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
import { Construct } from 'constructs';
import { AuditTrail } from './audit-trail';
import { ConfigRecorder } from './config-recorder';
import { validateAccountId } from './encryption-key';
import { deriveName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface AccountBaselineProps {
  /** The 12-digit account this baseline secures (one baseline per account and region). */
  readonly accountId: string;
  readonly region: string;
  /** Organisation, used in the audit bucket name. */
  readonly org: string;
  /** Days to keep the trail in CloudWatch Logs. @default 365 */
  readonly logRetentionDays?: number;
  /** AWS Config managed rules. @default DEFAULT_CONFIG_RULES */
  readonly configRules?: string[];
}

/** AccountBaselineProps, checked at runtime. */
const ACCOUNT_BASELINE_PROPS: PropsSchema = {
  accountId: P.string(),
  region: P.string(),
  org: P.string(),
  logRetentionDays: opt(P.number({ integer: true, min: 1 })),
  configRules: opt(P.list(P.string())),
};

/**
 * The account-level guardrails every environment starts from: CloudTrail, AWS Config with
 * managed rules, GuardDuty, IAM Access Analyzer, the account-wide S3 public access block,
 * EBS encryption by default and a strict IAM password policy.
 */
export class AccountBaseline extends Construct {
  public readonly trail: AuditTrail;
  public readonly config: ConfigRecorder;

  constructor(scope: Construct, id: string, props: AccountBaselineProps) {
    super(scope, id);
    checkProps(this, props, ACCOUNT_BASELINE_PROPS, 'AccountBaselineProps');
    markGoldenPath(this, 'account-baseline');
    validateAccountId(this, 'accountId', props.accountId);
    this.trail = new AuditTrail(this, 'trail', {
      accountId: props.accountId,
      region: props.region,
      bucketName: deriveName('s3Bucket', props.org, 'audit', props.accountId, props.region),
      logRetentionDays: props.logRetentionDays,
    });
    this.config = new ConfigRecorder(this, 'config', {
      accountId: props.accountId,
      bucketName: this.trail.bucket.bucketName,
      managedRules: props.configRules,
    });
    new GuarddutyDetector(this, 'guardduty', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });
    new AccessanalyzerAnalyzer(this, 'access-analyzer', { analyzerName: 'goldenpath', type: 'ACCOUNT' });
    new S3AccountPublicAccessBlock(this, 's3-public-access-block', {
      accountId: props.accountId,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new EbsEncryptionByDefault(this, 'ebs-encryption', { enabled: true });
    new IamAccountPasswordPolicy(this, 'password-policy', {
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      maxPasswordAge: 90,
      allowUsersToChangePassword: true,
    });
  }
}
