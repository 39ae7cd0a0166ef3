import { Construct } from 'constructs';
import { validateAccountId } from './encryption-key';
import { SecureBucket } from './secure-bucket';
import { PlatformValidationError } from '../../src/core/errors';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';
import { Suppressions } from '../../src/policy/suppressions';

export interface AccessLogsBucketProps {
  readonly accountId: string;
  readonly bucketName: string;
  /** Days to keep access logs. @default 365 */
  readonly retentionDays?: number;
}

/** AccessLogsBucketProps, checked at runtime. */
const ACCESS_LOGS_BUCKET_PROPS: PropsSchema = {
  accountId: P.string(),
  bucketName: P.string(),
  retentionDays: opt(P.number({ integer: true, min: 1 })),
};

/**
 * The target of S3 server access logs. S3 delivers those logs only to SSE-S3 buckets and,
 * with ACLs disabled, only as allowed by the bucket policy; both are set here, and the
 * loosening (SSE-S3, no logging of its own) is recorded as suppressions with reasons.
 */
export class AccessLogsBucket extends Construct {
  public readonly bucketName: string;
  public readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: AccessLogsBucketProps) {
    super(scope, id);
    checkProps(this, props, ACCESS_LOGS_BUCKET_PROPS, 'AccessLogsBucketProps');
    markGoldenPath(this, 'access-logs-bucket');
    validateAccountId(this, 'accountId', props.accountId);
    const days = props.retentionDays ?? 365;
    if (!Number.isInteger(days) || days < 1) throw new PlatformValidationError(this, 'retentionDays', days, 'must be a whole number of days, at least 1');
    const arn = `arn:aws:s3:::${props.bucketName}`;
    this.bucket = new SecureBucket(this, 'bucket', {
      bucketName: props.bucketName,
      s3ManagedEncryptionReason: 'S3 server access logs can only be delivered to buckets encrypted with SSE-S3',
      expireObjectsAfterDays: days,
      noncurrentVersionDays: 30,
      policyStatements: [{
        Sid: 'S3ServerAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${arn}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': props.accountId } },
      }],
    });
    Suppressions.add(this, { ruleId: 'GP-S3-008', reason: 'the access-log bucket does not log access to itself (that would loop)' });
    this.bucketName = this.bucket.bucketName;
  }
}
