import { Construct } from 'constructs';
import { checkProps, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';
import { EncryptionKey } from '../baseline/encryption-key';

export interface EnvironmentKeysProps {
  readonly accountId: string;
  readonly region: string;
  /** Environment name, in the key aliases. */
  readonly environment: string;
}

/** EnvironmentKeysProps, checked at runtime. */
const ENVIRONMENT_KEYS_PROPS: PropsSchema = { accountId: P.string(), region: P.string(), environment: P.string() };

/**
 * One KMS key per purpose, so access to one kind of data never implies another: logs
 * (CloudWatch Logs may use it), data (databases, buckets, queues), secrets (Kubernetes
 * secrets, Secrets Manager) and state.
 */
export class EnvironmentKeys extends Construct {
  public readonly logs: EncryptionKey;
  public readonly data: EncryptionKey;
  public readonly secrets: EncryptionKey;
  public readonly state: EncryptionKey;

  constructor(scope: Construct, id: string, props: EnvironmentKeysProps) {
    super(scope, id);
    checkProps(this, props, ENVIRONMENT_KEYS_PROPS, 'EnvironmentKeysProps');
    markGoldenPath(this, 'environment-keys');
    const key = (purpose: string, allowServices?: string[]) =>
      new EncryptionKey(this, purpose, { accountId: props.accountId, purpose: `${props.environment} ${purpose}`, alias: `${props.environment}/${purpose}`, allowServices });
    this.logs = key('logs', [`logs.${props.region}.amazonaws.com`]);
    this.data = key('data');
    this.secrets = key('secrets');
    this.state = key('state');
  }
}
