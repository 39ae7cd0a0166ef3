import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Construct } from 'constructs';
import { workloadBoundary } from './deploy-permissions';
import { EnvironmentStack } from './environment-stack';
import { Platform } from './platform';
import { PLATFORM_OUTPUTS } from './platform-outputs';
import { DataTerraformRemoteStateS3, Fn } from '../../src/cdk';
import { ENVIRONMENT_PROFILES, EnvironmentProfile } from '../../src/core/environment-profile';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { stateKey } from '../../src/core/state-keys';
import { validateAccountId } from '../baseline/encryption-key';
import { parseIpv4Cidr } from '../environment/cidr';
import { collectorEndpoint, TRACE_COLLECTOR } from '../observability/tracing';
import type { ServiceEnvironment } from '../service/service-environment';

export interface ServiceStackProps {
  /** The organisation's Platform `org`. */
  readonly org: string;
  readonly team: string;
  /** The service this stack holds (its resources are tagged with it). */
  readonly service: string;
  /** An environment of the Platform (dev, prod...). */
  readonly environment: string;
  /** The environment's account and region, as the Platform has them. */
  readonly accountId: string;
  readonly region: string;
  /** Where the Platform keeps its state. */
  readonly stateAccountId: string;
  readonly stateRegion: string;
  /** @default - `prod` for an environment named prod or production, else `dev` (as Platform decides) */
  readonly profile?: EnvironmentProfile['name'];
  /**
   * The environment's VPC CIDR, as the Platform has it. Given, the guardrails can judge the
   * rules that use it at synth time.
   * @default - read from the platform's outputs at plan time
   */
  readonly vpcCidr?: string;
  /** The environment runs the platform's trace collector. @default true */
  readonly tracing?: boolean;
  /** The Platform's `platformTeam` (owner of the environment stack's state). @default 'platform' */
  readonly platformTeam?: string;
  /** The Platform has `delivery`, so team roles carry its workload permissions boundary. @default true */
  readonly permissionsBoundary?: boolean;
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** ServiceStackProps, checked at runtime (before the stack exists, so errors name its id). */
const SERVICE_STACK_PROPS: PropsSchema = {
  org: P.string(),
  team: P.string(),
  service: P.string(),
  environment: P.string(),
  accountId: P.string(),
  region: P.string(),
  stateAccountId: P.string(),
  stateRegion: P.string(),
  profile: opt(P.enum('dev', 'staging', 'prod')),
  vpcCidr: opt(P.string()),
  tracing: opt(P.boolean()),
  platformTeam: opt(P.string()),
  permissionsBoundary: opt(P.boolean()),
};

/**
 * A stack for a team's service in its own repository, on the platform another repository
 * builds: the AWS provider pinned to the environment's account, state in the platform's
 * bucket, a Kubernetes provider for the environment's cluster, and `serviceEnvironment`,
 * read from the platform's named outputs through remote state.
 */
export class ServiceStack extends EnvironmentStack {
  public readonly serviceEnvironment: ServiceEnvironment;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    checkProps(id, props, SERVICE_STACK_PROPS, 'ServiceStackProps');
    const profile = ENVIRONMENT_PROFILES[props.profile ?? (/^prod(uction)?$/.test(props.environment) ? 'prod' : 'dev')];
    const state = Platform.stateLocation(props.org, props.stateAccountId, props.stateRegion);
    super(scope, id, {
      context: { org: props.org, team: props.team, service: props.service, environment: props.environment },
      accountId: props.accountId,
      region: props.region,
      profile: profile ?? ENVIRONMENT_PROFILES.dev,
      state,
    });
    for (const prop of ['org', 'team', 'service', 'environment'] as const) validateName(this, prop, props[prop], 'kubernetesName');
    validateAccountId(this, 'accountId', props.accountId);
    validateAccountId(this, 'stateAccountId', props.stateAccountId);
    for (const prop of ['region', 'stateRegion'] as const) {
      if (!REGION.test(props[prop])) throw new PlatformValidationError(this, prop, props[prop], 'must be an AWS region such as eu-west-1');
    }
    if (!profile) throw new PlatformValidationError(this, 'profile', props.profile, `must be one of ${Object.keys(ENVIRONMENT_PROFILES).join(', ')}`);
    if (props.vpcCidr !== undefined && !parseIpv4Cidr(props.vpcCidr)) throw new PlatformValidationError(this, 'vpcCidr', props.vpcCidr, 'must be an IPv4 CIDR block such as 10.20.0.0/16');

    // the platform's stacks, by the names and state keys Platform gives them
    const remote = (owner: string, stack: string) => new DataTerraformRemoteStateS3(this, `platform-${stack}`, {
      bucket: state.bucket, key: stateKey({ org: props.org, environment: props.environment, owner, stack }), region: state.region,
    });
    const env = remote(props.platformTeam ?? 'platform', `${props.org}-${props.environment}`);
    const team = remote(props.team, `${props.org}-${props.environment}-${props.team}`);
    const o = PLATFORM_OUTPUTS.environment;
    // names the platform derives are literals here too, so they can name resources
    const clusterName = deriveName('eksCluster', props.org, props.environment);
    new KubernetesProvider(this, 'kubernetes', {
      host: env.getString(o.clusterEndpoint),
      clusterCaCertificate: Fn.base64decode(env.getString(o.clusterCaData)),
      exec: [{ apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token', '--cluster-name', clusterName, '--region', props.region] }],
    });
    this.serviceEnvironment = {
      name: props.environment,
      accountId: props.accountId,
      region: props.region,
      profile,
      namespace: props.team,
      vpcId: env.getString(o.vpcId),
      vpcCidr: props.vpcCidr ?? env.getString(o.vpcCidr),
      isolatedSubnetIds: env.getList(o.isolatedSubnetIds),
      dataKeyArn: env.getString(o.dataKeyArn),
      secretsKeyArn: env.getString(o.secretsKeyArn),
      logsKeyArn: env.getString(o.logsKeyArn),
      oidcProviderArn: env.getString(o.oidcProviderArn),
      oidcIssuer: env.getString(o.oidcIssuer),
      clusterName,
      accessLogsBucket: deriveName('s3Bucket', props.org, props.environment, 'access-logs', props.accountId),
      permissionsBoundaryArn: props.permissionsBoundary === false ? undefined : workloadBoundary(props.org, props.environment, props.accountId).arn,
      alertTopics: { page: team.getList(PLATFORM_OUTPUTS.team.alertTopicsPage), ticket: team.getList(PLATFORM_OUTPUTS.team.alertTopicsTicket) },
      tracing: props.tracing === false ? undefined : {
        endpoint: collectorEndpoint(), collectorNamespace: TRACE_COLLECTOR.namespace, collectorApp: TRACE_COLLECTOR.name, sampleRatio: profile.traceSampleRatio,
      },
    };
  }
}
