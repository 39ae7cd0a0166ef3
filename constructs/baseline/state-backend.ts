import { Construct } from 'constructs';
import { AccessLogsBucket } from './access-logs-bucket';
import { EncryptionKey } from './encryption-key';
import { SecureBucket } from './secure-bucket';
import { deriveName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface StateBackendProps {
  /** The organisation; part of the bucket name and key alias. */
  readonly org: string;
  /** The 12-digit account that holds the state. */
  readonly accountId: string;
  /** Bucket name. @default - `<org>-tfstate-<accountId>` */
  readonly bucketName?: string;
  /** Bucket policy statements granting deploy roles their state (see stateBucketGrants). @default - none */
  readonly bucketGrants?: object[];
  /** Key policy statements for roles in other accounts (see stateKeyGrant). @default - none */
  readonly keyGrants?: object[];
}

/** StateBackendProps, checked at runtime. */
const STATE_BACKEND_PROPS: PropsSchema = {
  org: P.string(),
  accountId: P.string(),
  bucketName: opt(P.string()),
  bucketGrants: opt(P.list(P.any('a bucket policy statement'))),
  keyGrants: opt(P.list(P.any('a key policy statement'))),
};

/**
 * Bootstraps remote state: a versioned, SSE-KMS, public-access-blocked, TLS-only bucket
 * and the key that encrypts it. Locking uses S3's native lock file (`use_lockfile`), so no
 * DynamoDB table is needed. Bucket and key refuse `terraform destroy`: every stack's state
 * and its history live there.
 */
export class StateBackend extends Construct {
  public static defaultBucketName(org: string, accountId: string): string {
    return deriveName('s3Bucket', org, 'tfstate', accountId);
  }

  /** Name of the state bucket, known at synth time so other stacks can point at it. */
  public readonly bucketName: string;
  /** Alias of the state key, usable as the backend's `kms_key_id` in ARN form. */
  public readonly keyAlias: string;
  public readonly key: EncryptionKey;
  public readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: StateBackendProps) {
    super(scope, id);
    checkProps(this, props, STATE_BACKEND_PROPS, 'StateBackendProps');
    markGoldenPath(this, 'state-backend');
    this.bucketName = props.bucketName ?? StateBackend.defaultBucketName(props.org, props.accountId);
    this.keyAlias = deriveName('kmsAlias', props.org, 'tfstate');
    this.key = new EncryptionKey(this, 'key', { accountId: props.accountId, purpose: 'state', alias: this.keyAlias, statements: props.keyGrants, preventDestroy: true });
    const logs = new AccessLogsBucket(this, 'access-logs', { accountId: props.accountId, bucketName: deriveName('s3Bucket', this.bucketName, 'access-logs') });
    this.bucket = new SecureBucket(this, 'bucket', {
      bucketName: this.bucketName,
      kmsKeyArn: this.key.keyArn,
      accessLogsBucket: logs.bucketName,
      // old state versions are how you recover from a bad apply: keep them a year
      noncurrentVersionDays: 365,
      policyStatements: props.bucketGrants,
      preventDestroy: true,
    });
  }
}
