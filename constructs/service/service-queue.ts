import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Construct } from 'constructs';
import { recordDataStore } from './data-store-entity';
import { Connection, IServiceDependency } from './grants';
import { SERVICE_ENVIRONMENT_SPEC, ServiceEnvironment } from './service-environment';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface ServiceQueueProps {
  readonly environment: ServiceEnvironment;
  /** Receives before a message goes to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
  /** Seconds a received message stays hidden. @default 30 */
  readonly visibilityTimeoutSeconds?: number;
}

/** ServiceQueueProps, checked at runtime. */
const SERVICE_QUEUE_PROPS: PropsSchema = {
  environment: SERVICE_ENVIRONMENT_SPEC,
  maxReceiveCount: opt(P.number()),
  visibilityTimeoutSeconds: opt(P.number()),
};

/** An SQS queue encrypted with the environment data key, with a dead-letter queue kept 14 days. */
export class ServiceQueue extends Construct implements IServiceDependency {
  public readonly queue: SqsQueue;
  public readonly deadLetterQueue: SqsQueue;
  public readonly entityRef: string;
  private readonly env: ServiceEnvironment;

  constructor(scope: Construct, id: string, props: ServiceQueueProps) {
    super(scope, id);
    checkProps(this, props, SERVICE_QUEUE_PROPS, 'ServiceQueueProps');
    markGoldenPath(this, 'queue');
    this.env = props.environment;
    const maxReceive = props.maxReceiveCount ?? 5;
    if (!Number.isInteger(maxReceive) || maxReceive < 1 || maxReceive > 1000) throw new PlatformValidationError(this, 'maxReceiveCount', maxReceive, 'must be a whole number from 1 to 1000');
    const visibility = props.visibilityTimeoutSeconds ?? 30;
    if (!Number.isInteger(visibility) || visibility < 0 || visibility > 43200) throw new PlatformValidationError(this, 'visibilityTimeoutSeconds', visibility, 'must be a whole number of seconds from 0 to 43200');
    const parts = this.node.path.split('/');
    const name = deriveName('sqsQueue', ...parts);
    const encryption = { kmsMasterKeyId: this.env.dataKeyArn, kmsDataKeyReusePeriodSeconds: 300 };
    this.deadLetterQueue = new SqsQueue(this, 'dlq', { name: deriveName('sqsQueue', ...parts, 'dlq'), messageRetentionSeconds: 14 * 24 * 3600, ...encryption });
    this.queue = new SqsQueue(this, 'queue', {
      name,
      visibilityTimeoutSeconds: visibility,
      redrivePolicy: JSON.stringify({ deadLetterTargetArn: this.deadLetterQueue.arn, maxReceiveCount: maxReceive }),
      ...encryption,
    });
    this.entityRef = recordDataStore(this, this.env, 'sqs-queue', 'SQS queue with a dead-letter queue', encryption.kmsMasterKeyId);
  }

  public connection(): Connection {
    return {
      outputs: { url: this.queue.url, arn: this.queue.arn, name: this.queue.name },
      grants: [
        { actions: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'], resources: [this.queue.arn] },
        { actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [this.env.dataKeyArn] },
      ],
      ports: [],
    };
  }
}
