import { Cloudtrail } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import { AccessLogsBucket } from './access-logs-bucket';
import { EncryptionKey } from './encryption-key';
import { SecureBucket } from './secure-bucket';
import { ServiceRole } from './service-role';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface AuditTrailProps {
  readonly accountId: string;
  readonly region: string;
  /** Trail name. @default 'goldenpath-audit' */
  readonly trailName?: string;
  /** Bucket for the trail (and AWS Config snapshots). @default - `<org>-audit-<accountId>` */
  readonly bucketName: string;
  /** Days to keep the trail in CloudWatch Logs. @default 365 */
  readonly logRetentionDays?: number;
}

/** AuditTrailProps, checked at runtime. */
const AUDIT_TRAIL_PROPS: PropsSchema = {
  accountId: P.string(),
  region: P.string(),
  trailName: opt(P.string()),
  bucketName: P.string(),
  logRetentionDays: opt(P.number({ integer: true, min: 1 })),
};

/**
 * A multi-region CloudTrail with log file validation, encrypted with its own key, written
 * to a secured bucket and to an encrypted CloudWatch log group for alarms. The bucket also
 * accepts AWS Config deliveries, so one audit bucket serves the account.
 */
export class AuditTrail extends Construct {
  public readonly trail: Cloudtrail;
  public readonly bucket: SecureBucket;
  public readonly key: EncryptionKey;
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    checkProps(this, props, AUDIT_TRAIL_PROPS, 'AuditTrailProps');
    markGoldenPath(this, 'audit-trail');
    const retention = props.logRetentionDays ?? 365;
    if (!Number.isInteger(retention) || retention < 1) {
      throw new PlatformValidationError(this, 'logRetentionDays', retention, 'must be a whole number of days, at least 1');
    }
    const trailName = props.trailName ?? 'goldenpath-audit';
    const trailArn = `arn:aws:cloudtrail:${props.region}:${props.accountId}:trail/${trailName}`;
    this.key = new EncryptionKey(this, 'key', {
      accountId: props.accountId,
      purpose: 'audit',
      alias: deriveName('kmsAlias', 'goldenpath', 'audit'),
      allowServices: ['cloudtrail.amazonaws.com', `logs.${props.region}.amazonaws.com`, 'config.amazonaws.com'],
    });
    const bucketArn = `arn:aws:s3:::${props.bucketName}`;
    const fromService = (service: string, extra: object = {}) => ({
      Principal: { Service: service },
      Condition: { StringEquals: { 'aws:SourceAccount': props.accountId, ...extra } },
    });
    const logs = new AccessLogsBucket(this, 'access-logs', { accountId: props.accountId, bucketName: deriveName('s3Bucket', props.bucketName, 'access-logs') });
    this.bucket = new SecureBucket(this, 'bucket', {
      bucketName: props.bucketName,
      kmsKeyArn: this.key.keyArn,
      accessLogsBucket: logs.bucketName,
      noncurrentVersionDays: 365,
      policyStatements: [
        { Sid: 'TrailAclCheck', Effect: 'Allow', Action: 's3:GetBucketAcl', Resource: bucketArn, ...fromService('cloudtrail.amazonaws.com', { 'aws:SourceArn': trailArn }) },
        { Sid: 'TrailWrite', Effect: 'Allow', Action: 's3:PutObject', Resource: `${bucketArn}/AWSLogs/${props.accountId}/*`, ...fromService('cloudtrail.amazonaws.com', { 'aws:SourceArn': trailArn }) },
        { Sid: 'ConfigAclCheck', Effect: 'Allow', Action: ['s3:GetBucketAcl', 's3:ListBucket'], Resource: bucketArn, ...fromService('config.amazonaws.com') },
        { Sid: 'ConfigWrite', Effect: 'Allow', Action: 's3:PutObject', Resource: `${bucketArn}/AWSLogs/${props.accountId}/Config/*`, ...fromService('config.amazonaws.com') },
      ],
    });
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/goldenpath/cloudtrail/${trailName}`,
      retentionInDays: retention,
      kmsKeyId: this.key.keyArn,
    });
    const role = new ServiceRole(this, 'logs-role', {
      accountId: props.accountId,
      service: 'cloudtrail.amazonaws.com',
      statements: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${this.logGroup.arn}:*` }],
    });
    this.trail = new Cloudtrail(this, 'trail', {
      name: trailName,
      s3BucketName: this.bucket.bucketName,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      kmsKeyId: this.key.keyArn,
      cloudWatchLogsGroupArn: `${this.logGroup.arn}:*`,
      cloudWatchLogsRoleArn: role.roleArn,
      dependsOn: [this.bucket.policy],
    });
  }
}
