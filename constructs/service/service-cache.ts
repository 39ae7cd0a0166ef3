import { ElasticacheReplicationGroup } from '@cdktf/provider-aws/lib/elasticache-replication-group';
import { ElasticacheSubnetGroup } from '@cdktf/provider-aws/lib/elasticache-subnet-group';
import { ElasticacheUser } from '@cdktf/provider-aws/lib/elasticache-user';
import { ElasticacheUserGroup } from '@cdktf/provider-aws/lib/elasticache-user-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import { recordDataStore } from './data-store-entity';
import { Connection, IServiceDependency } from './grants';
import { SERVICE_ENVIRONMENT_SPEC, ServiceEnvironment } from './service-environment';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface ServiceCacheProps {
  readonly environment: ServiceEnvironment;
  /** @default 'valkey' */
  readonly engine?: 'valkey' | 'redis';
  /** @default 'cache.t4g.small' */
  readonly nodeType?: string;
}

/** ServiceCacheProps, checked at runtime. */
const SERVICE_CACHE_PROPS: PropsSchema = { environment: SERVICE_ENVIRONMENT_SPEC, engine: opt(P.enum('valkey', 'redis')), nodeType: opt(P.string()) };

/**
 * Valkey (or Redis OSS) on ElastiCache in isolated subnets: encrypted at rest with the data
 * key and in transit, authenticated by IAM through an ElastiCache user (no password exists),
 * the default user switched off, replicas with failover in production.
 */
export class ServiceCache extends Construct implements IServiceDependency {
  public readonly replicationGroup: ElasticacheReplicationGroup;
  public readonly userName: string;
  public readonly entityRef: string;
  private readonly user: ElasticacheUser;

  constructor(scope: Construct, id: string, props: ServiceCacheProps) {
    super(scope, id);
    checkProps(this, props, SERVICE_CACHE_PROPS, 'ServiceCacheProps');
    markGoldenPath(this, 'cache');
    const env = props.environment;
    const engine = props.engine ?? 'valkey';
    if (engine !== 'valkey' && engine !== 'redis') throw new PlatformValidationError(this, 'engine', engine, "must be 'valkey' or 'redis'");
    const name = deriveName('elasticacheId', ...this.node.path.split('/'));
    this.userName = deriveName('elasticacheId', name, 'app');
    const subnets = new ElasticacheSubnetGroup(this, 'subnets', { name, subnetIds: env.isolatedSubnetIds, description: 'isolated subnets' });
    const sg = new SecurityGroup(this, 'sg', {
      name: `${name}-cache`,
      description: 'Cache from inside the VPC',
      vpcId: env.vpcId,
      ingress: [{ protocol: 'tcp', fromPort: 6379, toPort: 6379, cidrBlocks: [env.vpcCidr], description: 'Cache clients in the VPC' }],
    });
    const userEngine = engine === 'valkey' ? 'valkey' : 'redis';
    // every user group must hold a user named "default"; this one can do nothing
    const defaultUser = new ElasticacheUser(this, 'default-user', {
      userId: `${name}-default`.slice(0, 40), userName: 'default', engine: userEngine, accessString: 'off -@all', authenticationMode: { type: 'no-password-required' },
    });
    this.user = new ElasticacheUser(this, 'app-user', {
      userId: this.userName, userName: this.userName, engine: userEngine, accessString: 'on ~* +@all -@dangerous', authenticationMode: { type: 'iam' },
    });
    const group = new ElasticacheUserGroup(this, 'users', { userGroupId: name, engine: userEngine, userIds: [defaultUser.userId, this.user.userId] });
    const production = env.profile.production;
    this.replicationGroup = new ElasticacheReplicationGroup(this, 'cache', {
      replicationGroupId: name,
      description: `cache for ${this.node.path}`,
      engine,
      engineVersion: engine === 'valkey' ? '8.0' : '7.1',
      nodeType: props.nodeType ?? 'cache.t4g.small',
      numCacheClusters: production ? 2 : 1,
      automaticFailoverEnabled: production,
      multiAzEnabled: production,
      atRestEncryptionEnabled: 'true',
      kmsKeyId: env.dataKeyArn,
      transitEncryptionEnabled: true,
      userGroupIds: [group.userGroupId],
      subnetGroupName: subnets.name,
      securityGroupIds: [sg.id],
      snapshotRetentionLimit: production ? 7 : 1,
      autoMinorVersionUpgrade: 'true',
    });
    this.entityRef = recordDataStore(this, env, engine, `${engine === 'valkey' ? 'Valkey' : 'Redis OSS'} on ElastiCache`, env.dataKeyArn);
  }

  public connection(): Connection {
    return {
      outputs: { host: this.replicationGroup.primaryEndpointAddress, port: '6379', username: this.userName },
      grants: [{ actions: ['elasticache:Connect'], resources: [this.replicationGroup.arn, this.user.arn] }],
      ports: [6379],
    };
  }
}
