import { EnvironmentProfile, PROFILE_SPEC } from '../../src/core/environment-profile';
import { opt, P, PropSpec } from '../../src/core/props';
import type { TracingEnvironment } from '../observability/tracing';

/** A ServiceEnvironment as props carry it, checked at runtime. */
export const SERVICE_ENVIRONMENT_SPEC: PropSpec = P.object({
  name: P.string(),
  accountId: P.string(),
  region: P.string(),
  profile: PROFILE_SPEC,
  namespace: P.string(),
  vpcId: P.string(),
  vpcCidr: P.string(),
  isolatedSubnetIds: P.list(P.string()),
  dataKeyArn: P.arn('kms'),
  secretsKeyArn: P.arn('kms'),
  oidcProviderArn: P.string(),
  oidcIssuer: P.string(),
  clusterName: P.string(),
  logsKeyArn: P.arn('kms'),
  accessLogsBucket: opt(P.string()),
  alertTopics: opt(P.object({ page: P.list(P.string()), ticket: P.list(P.string()) })),
  tracing: opt(P.object({ endpoint: P.string(), collectorNamespace: P.string(), collectorApp: P.string(), sampleRatio: P.number({ min: 0, max: 1 }) })),
  permissionsBoundaryArn: opt(P.string()),
  prometheusOperator: opt(P.boolean()),
  quota: opt(P.object({ cpu: P.number({ min: 0 }), memoryGib: P.number({ min: 0 }), pods: P.number({ integer: true, min: 1 }) })),
});

/**
 * What a service needs to know about the environment and namespace it runs in. `Platform`
 * builds it (`platform.serviceEnvironment(env, team)`); values from the environment stack
 * cross into a team stack as cdktf cross-stack references.
 */
export interface ServiceEnvironment {
  /** Environment name (dev, prod...). */
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly profile: EnvironmentProfile;
  /** The team's namespace on the cluster. */
  readonly namespace: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Subnets with no route out, for databases and caches. */
  readonly isolatedSubnetIds: string[];
  /** KMS key for data at rest (databases, buckets, queues, caches). */
  readonly dataKeyArn: string;
  /** KMS key for secrets (the database master password). */
  readonly secretsKeyArn: string;
  /** The cluster's IAM OIDC provider, for IRSA. */
  readonly oidcProviderArn: string;
  /** The OIDC issuer without `https://`. */
  readonly oidcIssuer: string;
  /** The EKS cluster name (Container Insights dimensions). */
  readonly clusterName: string;
  /** KMS key for log groups. */
  readonly logsKeyArn: string;
  /** Bucket that receives S3 server access logs of the service's buckets. @default - no access logging */
  readonly accessLogsBucket?: string;
  /** SNS topics of the team that SLO alerts go to. @default - alarms without actions */
  readonly alertTopics?: { readonly page: string[]; readonly ticket: string[] };
  /**
   * The environment's trace collector. Services are traced by default and need it; a
   * Service with `tracing: false` does not.
   * @default - no collector
   */
  readonly tracing?: TracingEnvironment;
  /**
   * The policy the service's IAM role carries as its permissions boundary: the platform's
   * limit on what any team-made role may do (team apply roles can create roles only with it).
   * @default - no boundary
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * The cluster runs the Prometheus Operator (its PrometheusRule CRD exists), so SLOs also
   * get a PrometheusRule. CloudWatch alarms are made either way.
   * @default false
   */
  readonly prometheusOperator?: boolean;
  /**
   * The namespace's quota: every service's autoscaler maximum must fit in it.
   * @default - not checked
   */
  readonly quota?: { readonly cpu: number; readonly memoryGib: number; readonly pods: number };
}
