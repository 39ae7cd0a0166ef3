import { serviceEnv } from './fixtures';
import { grantDependency, PostgresDatabase, ServiceBucket, ServiceCache, ServiceQueue } from '../../../constructs/service';
import { ENVIRONMENT_PROFILES } from '../../../src/core/environment-profile';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

function build(make: (scope: any) => void) {
  const { stack } = contextStack();
  make(stack);
  return synthJson(stack);
}

describe('PostgresDatabase', () => {
  const prod = build((s) => new PostgresDatabase(s, 'db', { environment: serviceEnv() }));
  const [db] = ofType(prod, 'aws_db_instance');

  test('isolated, encrypted, private, IAM auth, no password in configuration, logs exported, TLS forced', () => {
    expect(db).toMatchObject({
      storage_encrypted: true,
      kms_key_id: serviceEnv().dataKeyArn,
      publicly_accessible: false,
      iam_database_authentication_enabled: true,
      manage_master_user_password: true,
      master_user_secret_kms_key_id: serviceEnv().secretsKeyArn,
      enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
      backup_retention_period: 30,
      deletion_protection: true,
      multi_az: true,
    });
    expect(db.password).toBeUndefined();
    expect(ofType(prod, 'aws_db_subnet_group')[0].subnet_ids).toEqual(['subnet-a', 'subnet-b']);
    expect(ofType(prod, 'aws_db_parameter_group')[0].parameter).toContainEqual({ name: 'rds.force_ssl', value: '1' });
    expect(ofType(prod, 'aws_security_group')[0].ingress[0]).toMatchObject({ from_port: 5432, cidr_blocks: ['10.10.0.0/16'] });
  });

  test('backups at least 7 days and no deletion protection outside production', () => {
    const dev = build((s) => new PostgresDatabase(s, 'db', { environment: serviceEnv({ profile: ENVIRONMENT_PROFILES.dev }) }));
    expect(ofType(dev, 'aws_db_instance')[0]).toMatchObject({ backup_retention_period: 7, deletion_protection: false, skip_final_snapshot: true });
  });

  test('passes every built-in guardrail', () => {
    expect(blockingFindings(prod)).toEqual([]);
  });

  test.each([
    [{ backupRetentionDays: 3 }, '`backupRetentionDays` must be a whole number of days from 7 to 35, got 3'],
    [{ engineVersion: '9.6' }, '`engineVersion` must be a supported PostgreSQL major version, 13 to 19, got "9.6"'],
    [{ databaseName: 'App-DB' }, '`databaseName` must be 1–63 lowercase letters, digits or _, starting with a letter, got "App-DB"'],
    [{ allocatedStorage: 5 }, '`allocatedStorage` must be a whole number of GiB from 20 to 65536, got 5'],
  ])('validation %j', (props, message) => {
    expect(() => build((s) => new PostgresDatabase(s, 'db', { environment: serviceEnv(), ...props }))).toThrow(`test/db: ${message}`);
  });
});

describe('ServiceQueue', () => {
  const json = build((s) => new ServiceQueue(s, 'jobs', { environment: serviceEnv() }));
  test('encrypted with the data key, with a dead-letter queue', () => {
    const queues = ofType(json, 'aws_sqs_queue');
    expect(queues.every((q) => q.kms_master_key_id === serviceEnv().dataKeyArn)).toBe(true);
    const main = queues.find((q) => q.redrive_policy);
    expect(JSON.parse(main.redrive_policy)).toEqual({ deadLetterTargetArn: expect.stringMatching(/aws_sqs_queue\.jobs_dlq_.*\.arn/), maxReceiveCount: 5 });
    expect(blockingFindings(json)).toEqual([]);
  });
  test('validation', () => {
    expect(() => build((s) => new ServiceQueue(s, 'jobs', { environment: serviceEnv(), maxReceiveCount: 0 }))).toThrow('test/jobs: `maxReceiveCount` must be a whole number from 1 to 1000, got 0');
  });
});

describe('ServiceCache', () => {
  const json = build((s) => new ServiceCache(s, 'cache', { environment: serviceEnv() }));
  test('encrypted at rest and in transit, IAM-authenticated user, default user off, failover in production', () => {
    expect(ofType(json, 'aws_elasticache_replication_group')[0]).toMatchObject({
      engine: 'valkey',
      at_rest_encryption_enabled: 'true',
      transit_encryption_enabled: true,
      kms_key_id: serviceEnv().dataKeyArn,
      automatic_failover_enabled: true,
      multi_az_enabled: true,
      num_cache_clusters: 2,
    });
    const users = ofType(json, 'aws_elasticache_user');
    expect(users.find((u) => u.user_name === 'default')).toMatchObject({ access_string: 'off -@all' });
    expect(users.find((u) => u.user_name !== 'default').authentication_mode).toEqual({ type: 'iam' });
    expect(blockingFindings(json)).toEqual([]);
  });
  test('validation', () => {
    expect(() => build((s) => new ServiceCache(s, 'cache', { environment: serviceEnv(), engine: 'memcached' as any }))).toThrow('test/cache: `engine` must be one of valkey, redis, got "memcached"');
  });
});

describe('ServiceBucket', () => {
  test('a SecureBucket with the data key, granting object access only', () => {
    let bucket!: ServiceBucket;
    const json = build((s) => { bucket = new ServiceBucket(s, 'files', { environment: serviceEnv() }); });
    expect(ofType(json, 'aws_s3_bucket_server_side_encryption_configuration')[0].rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toBe(serviceEnv().dataKeyArn);
    expect(bucket.connection().grants.flatMap((g) => g.actions)).toEqual(['s3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject', 'kms:Decrypt', 'kms:GenerateDataKey']);
    expect(blockingFindings(json)).toEqual([]);
  });
});

describe('grantDependency', () => {
  test('a role made elsewhere gets the same least-privilege statements as a Service', () => {
    const json = build((s) => {
      const queue = new ServiceQueue(s, 'jobs', { environment: serviceEnv() });
      grantDependency(s, 'lambda-jobs', 'existing-lambda-role', queue);
    });
    const [policy] = ofType(json, 'aws_iam_role_policy');
    expect(policy.role).toBe('existing-lambda-role');
    expect(JSON.parse(policy.policy).Statement.map((st: any) => st.Action).flat()).toEqual(
      ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'kms:Decrypt', 'kms:GenerateDataKey']);
  });
});
