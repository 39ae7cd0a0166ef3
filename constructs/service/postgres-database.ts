import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { recordDataStore } from './data-store-entity';
import { Connection, IServiceDependency } from './grants';
import { SERVICE_ENVIRONMENT_SPEC, ServiceEnvironment } from './service-environment';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface PostgresDatabaseProps {
  readonly environment: ServiceEnvironment;
  /** Database name inside the instance. @default 'app' */
  readonly databaseName?: string;
  /** User the service connects as with IAM authentication (create it with `GRANT rds_iam`). @default 'app' */
  readonly iamUser?: string;
  /** Major PostgreSQL version. @default '17' */
  readonly engineVersion?: string;
  /** @default 'db.t4g.medium' */
  readonly instanceClass?: string;
  /** GiB. @default 20 */
  readonly allocatedStorage?: number;
  /** Days of automated backups, at least 7. @default - the environment profile's, at least 7 */
  readonly backupRetentionDays?: number;
}

/** PostgresDatabaseProps, checked at runtime. */
const POSTGRES_DATABASE_PROPS: PropsSchema = {
  environment: SERVICE_ENVIRONMENT_SPEC,
  databaseName: opt(P.string()),
  iamUser: opt(P.string()),
  engineVersion: opt(P.string()),
  instanceClass: opt(P.string()),
  allocatedStorage: opt(P.number()),
  backupRetentionDays: opt(P.number()),
};

/**
 * PostgreSQL on RDS in isolated subnets: encrypted with the environment data key, never
 * public, backups of at least 7 days, deletion protection in production, IAM
 * authentication, the master password generated and kept by RDS in Secrets Manager (never in
 * configuration or state), logs exported, TLS forced.
 */
export class PostgresDatabase extends Construct implements IServiceDependency {
  public readonly instance: DbInstance;
  public readonly databaseName: string;
  public readonly iamUser: string;
  public readonly entityRef: string;
  private readonly env: ServiceEnvironment;

  constructor(scope: Construct, id: string, props: PostgresDatabaseProps) {
    super(scope, id);
    checkProps(this, props, POSTGRES_DATABASE_PROPS, 'PostgresDatabaseProps');
    markGoldenPath(this, 'postgres');
    const env = props.environment;
    this.env = env;
    this.databaseName = props.databaseName ?? 'app';
    this.iamUser = props.iamUser ?? 'app';
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(this.databaseName)) throw new PlatformValidationError(this, 'databaseName', this.databaseName, 'must be 1–63 lowercase letters, digits or _, starting with a letter');
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(this.iamUser)) throw new PlatformValidationError(this, 'iamUser', this.iamUser, 'must be 1–63 lowercase letters, digits or _, starting with a letter');
    const backups = props.backupRetentionDays ?? Math.max(7, env.profile.backupRetentionDays);
    if (!Number.isInteger(backups) || backups < 7 || backups > 35) throw new PlatformValidationError(this, 'backupRetentionDays', backups, 'must be a whole number of days from 7 to 35');
    const storage = props.allocatedStorage ?? 20;
    if (!Number.isInteger(storage) || storage < 20 || storage > 65536) throw new PlatformValidationError(this, 'allocatedStorage', storage, 'must be a whole number of GiB from 20 to 65536');
    const major = props.engineVersion ?? '17';
    if (!/^(1[3-9])$/.test(major)) throw new PlatformValidationError(this, 'engineVersion', major, 'must be a supported PostgreSQL major version, 13 to 19');

    const name = deriveName('rdsIdentifier', ...this.node.path.split('/'));
    const subnets = new DbSubnetGroup(this, 'subnets', { name, subnetIds: env.isolatedSubnetIds, description: 'isolated subnets' });
    const sg = new SecurityGroup(this, 'sg', {
      name: `${name}-db`,
      description: 'PostgreSQL from inside the VPC',
      vpcId: env.vpcId,
      ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrBlocks: [env.vpcCidr], description: 'PostgreSQL from the VPC' }],
    });
    const params = new DbParameterGroup(this, 'params', {
      name,
      family: `postgres${major}`,
      parameter: [
        { name: 'rds.force_ssl', value: '1' },
        { name: 'log_min_duration_statement', value: '1000' },
      ],
    });
    const production = env.profile.production;
    this.instance = new DbInstance(this, 'instance', {
      identifier: name,
      engine: 'postgres',
      engineVersion: major,
      instanceClass: props.instanceClass ?? 'db.t4g.medium',
      allocatedStorage: storage,
      maxAllocatedStorage: storage * 5,
      storageType: 'gp3',
      storageEncrypted: true,
      kmsKeyId: env.dataKeyArn,
      dbName: this.databaseName,
      username: 'app_admin',
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: env.secretsKeyArn,
      iamDatabaseAuthenticationEnabled: true,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [sg.id],
      parameterGroupName: params.name,
      publiclyAccessible: false,
      multiAz: production,
      backupRetentionPeriod: backups,
      deletionProtection: env.profile.deletionProtection,
      skipFinalSnapshot: !production,
      finalSnapshotIdentifier: production ? `${name}-final` : undefined,
      copyTagsToSnapshot: true,
      autoMinorVersionUpgrade: true,
      enabledCloudwatchLogsExports: ['postgresql', 'upgrade'],
    });
    this.entityRef = recordDataStore(this, env, 'postgres', `PostgreSQL ${major} on RDS (${this.databaseName})`, env.dataKeyArn);
  }

  public connection(): Connection {
    return {
      outputs: { host: this.instance.address, port: '5432', name: this.databaseName, database: this.databaseName, username: this.iamUser },
      grants: [{
        actions: ['rds-db:connect'],
        resources: [`arn:aws:rds-db:${this.env.region}:${this.env.accountId}:dbuser:${this.instance.resourceId}/${this.iamUser}`],
      }],
      ports: [5432],
    };
  }
}
