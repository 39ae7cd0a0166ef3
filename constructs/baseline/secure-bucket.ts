import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Construct } from 'constructs';
import { PlatformValidationError } from '../../src/core/errors';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';
import { Suppressions } from '../../src/policy/suppressions';

export interface SecureBucketProps {
  /** The bucket name (3–63 lowercase letters, digits and hyphens). */
  readonly bucketName: string;
  /**
   * ARN of the KMS key for SSE-KMS. Leave out only for a bucket that must use SSE-S3
   * (server access log targets); that loosening is recorded as a suppression.
   */
  readonly kmsKeyArn?: string;
  /** Why the bucket uses SSE-S3 instead of a KMS key (required without `kmsKeyArn`). @default - none */
  readonly s3ManagedEncryptionReason?: string;
  /** Delete current objects after this many days. @default - kept */
  readonly expireObjectsAfterDays?: number;
  /** Days to keep old object versions. @default 90 */
  readonly noncurrentVersionDays?: number;
  /** Bucket that receives server access logs. @default - no access logging */
  readonly accessLogsBucket?: string;
  /** Extra statements for the bucket policy (the TLS-only deny is always there). @default - none */
  readonly policyStatements?: object[];
  /** Let `terraform destroy` delete a bucket that still holds objects. @default false */
  readonly forceDestroy?: boolean;
  /** Refuse `terraform destroy` of the bucket (Terraform's `prevent_destroy`). @default false */
  readonly preventDestroy?: boolean;
}

/** SecureBucketProps, checked at runtime. */
const SECURE_BUCKET_PROPS: PropsSchema = {
  bucketName: P.string(),
  kmsKeyArn: opt(P.arn('kms')),
  s3ManagedEncryptionReason: opt(P.string()),
  expireObjectsAfterDays: opt(P.number({ integer: true, min: 1 })),
  noncurrentVersionDays: opt(P.number({ integer: true, min: 1 })),
  accessLogsBucket: opt(P.string()),
  policyStatements: opt(P.list(P.any('an IAM policy statement'))),
  forceDestroy: opt(P.boolean()),
  preventDestroy: opt(P.boolean()),
};

/**
 * An S3 bucket that passes every built-in guardrail: versioned, SSE-KMS with a bucket key,
 * all public access blocked, objects owned by the bucket owner (ACLs off), TLS-only policy,
 * and a lifecycle that expires old versions and aborts stale uploads.
 */
export class SecureBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly bucketName: string;
  public readonly bucketArn: string;
  /** The bucket policy; services that write here should depend on it. */
  public readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    checkProps(this, props, SECURE_BUCKET_PROPS, 'SecureBucketProps');
    markGoldenPath(this, 'secure-bucket');
    validateName(this, 'bucketName', props.bucketName, 's3Bucket');
    const noncurrentVersionDays = props.noncurrentVersionDays ?? 90;
    if (!Number.isInteger(noncurrentVersionDays) || noncurrentVersionDays < 1) {
      throw new PlatformValidationError(this, 'noncurrentVersionDays', noncurrentVersionDays, 'must be a whole number of days, at least 1');
    }

    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy ?? false,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.bucketName = this.bucket.bucket;
    this.bucketArn = this.bucket.arn;

    new S3BucketVersioningA(this, 'versioning', {
      bucket: this.bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    if (props.kmsKeyArn === undefined) {
      if (!props.s3ManagedEncryptionReason) throw new PlatformValidationError(this, 'kmsKeyArn', undefined, 'must be given (or `s3ManagedEncryptionReason` must say why SSE-S3 is needed)');
      Suppressions.add(this, { ruleId: 'GP-S3-002', reason: props.s3ManagedEncryptionReason }, { ruleId: 'GP-S3-011', reason: props.s3ManagedEncryptionReason });
    }
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket: this.bucket.id,
      rule: [props.kmsKeyArn === undefined
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket: this.bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket: this.bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket: this.bucket.id,
      rule: [{
        id: 'expire-old-versions',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        noncurrentVersionExpiration: [{ noncurrentDays: noncurrentVersionDays }],
        expiration: props.expireObjectsAfterDays ? [{ days: props.expireObjectsAfterDays }] : undefined,
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
      }],
    });
    if (props.accessLogsBucket) {
      new S3BucketLoggingA(this, 'logging', {
        bucket: this.bucket.id,
        targetBucket: props.accessLogsBucket,
        targetPrefix: `${props.bucketName}/`,
      });
    }
    this.policy = new S3BucketPolicy(this, 'policy', {
      bucket: this.bucket.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          ...(props.policyStatements ?? []),
        ],
      }),
    });
  }
}
