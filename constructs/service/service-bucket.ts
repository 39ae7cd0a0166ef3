import { Construct } from 'constructs';
import { recordDataStore } from './data-store-entity';
import { Connection, IServiceDependency } from './grants';
import { SERVICE_ENVIRONMENT_SPEC, ServiceEnvironment } from './service-environment';
import { deriveName } from '../../src/core/naming';
import { checkProps, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';
import { SecureBucket } from '../baseline/secure-bucket';

/** ServiceBucketProps, checked at runtime. */
const SERVICE_BUCKET_PROPS: PropsSchema = { environment: SERVICE_ENVIRONMENT_SPEC };

/** A SecureBucket encrypted with the environment data key, as a service dependency. */
export class ServiceBucket extends Construct implements IServiceDependency {
  public readonly bucket: SecureBucket;
  public readonly entityRef: string;
  private readonly env: ServiceEnvironment;

  constructor(scope: Construct, id: string, props: { readonly environment: ServiceEnvironment }) {
    super(scope, id);
    checkProps(this, props, SERVICE_BUCKET_PROPS, 'ServiceBucketProps');
    markGoldenPath(this, 'bucket');
    this.env = props.environment;
    const parts = this.node.path.split('/');
    this.bucket = new SecureBucket(this, 'bucket', { bucketName: deriveName('s3Bucket', ...parts, props.environment.accountId), kmsKeyArn: props.environment.dataKeyArn, accessLogsBucket: props.environment.accessLogsBucket });
    this.entityRef = recordDataStore(this, props.environment, 's3-bucket', 'S3 bucket', props.environment.dataKeyArn);
  }

  public connection(): Connection {
    return {
      outputs: { bucket: this.bucket.bucketName, region: this.env.region },
      grants: [
        { actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] },
        { actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [`${this.bucket.bucketArn}/*`] },
        { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [this.env.dataKeyArn] },
      ],
      ports: [],
    };
  }
}
