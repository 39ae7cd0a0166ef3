import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { deploymentV1MetadataToTerraform, deploymentV1SpecToTerraform } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { networkPolicyV1SpecToTerraform } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { podDisruptionBudgetV1SpecToTerraform } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { serviceV1SpecToTerraform } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Construct } from 'constructs';
import { parseDocument, stringify } from 'yaml';
import { collectorEndpoint, TRACE_COLLECTOR, TracingEnvironment } from './tracing';
import { GoldenPathContext } from '../../src/core/context';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { rawResource } from '../../src/core/raw-resource';
import { standardLabels } from '../../src/core/tags';
import { markGoldenPath } from '../../src/golden-path';
import { TeamTenancy } from '../environment/team-tenancy';
import { validateImage } from '../service/image';

/** The AWS Distro for OpenTelemetry collector: it ships the awsxray exporter. */
export const ADOT_COLLECTOR_IMAGE = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.49.0';

/**
 * What the collector's role may do: send segments and telemetry, and read sampling rules.
 * X-Ray has no resource-level permissions for these, hence `*`.
 */
export const XRAY_WRITE_ACTIONS = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
] as const;

export interface TraceCollectorProps {
  /** Environment name (dev, prod...). */
  readonly environment: string;
  readonly region: string;
  /** The team that owns the collector's namespace (usually the platform team). */
  readonly team: string;
  /** The cluster's IAM OIDC provider and issuer (without https://), for IRSA. */
  readonly oidcProviderArn: string;
  readonly oidcIssuer: string;
  /** Fraction of new traces that services sample (0 to 1), handed to services. */
  readonly sampleRatio: number;
  /** @default 'observability' */
  readonly namespace?: string;
  /** Collector image, pinned. @default ADOT_COLLECTOR_IMAGE */
  readonly image?: string;
  /** @default 2 */
  readonly replicas?: number;
}

/** TraceCollectorProps, checked at runtime. */
const TRACE_COLLECTOR_PROPS: PropsSchema = {
  environment: P.string(),
  region: P.string(),
  team: P.string(),
  oidcProviderArn: P.string(),
  oidcIssuer: P.string(),
  sampleRatio: P.number(),
  namespace: opt(P.string()),
  image: opt(P.string()),
  replicas: opt(P.number()),
};

/**
 * An OpenTelemetry Collector per environment, in its own namespace held to Pod Security
 * "restricted" like every team's: it receives OTLP (gRPC 4317, HTTP 4318) from any namespace
 * and exports traces to AWS X-Ray with an IRSA role that can do exactly that.
 */
export class TraceCollector extends Construct {
  /** The collector configuration, as the collector reads it. */
  public readonly configYaml: string;
  public readonly role: IamRole;
  public readonly namespace: string;
  /** What services in this environment need to reach the collector. */
  public readonly tracing: TracingEnvironment;

  constructor(scope: Construct, id: string, props: TraceCollectorProps) {
    super(scope, id);
    checkProps(this, props, TRACE_COLLECTOR_PROPS, 'TraceCollectorProps');
    markGoldenPath(this, 'trace-collector', { service: TRACE_COLLECTOR.name });
    this.namespace = validateName(this, 'namespace', props.namespace ?? TRACE_COLLECTOR.namespace, 'kubernetesName');
    const image = validateImage(this, 'image', props.image ?? ADOT_COLLECTOR_IMAGE);
    const replicas = props.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 1 || replicas > 20) throw new PlatformValidationError(this, 'replicas', replicas, 'must be a whole number from 1 to 20');
    if (typeof props.sampleRatio !== 'number' || !(props.sampleRatio >= 0 && props.sampleRatio <= 1)) {
      throw new PlatformValidationError(this, 'sampleRatio', props.sampleRatio, 'must be a number from 0 to 1');
    }
    const name = TRACE_COLLECTOR.name;
    this.tracing = { endpoint: collectorEndpoint(this.namespace, name), collectorNamespace: this.namespace, collectorApp: name, sampleRatio: props.sampleRatio };

    const tenancy = new TeamTenancy(this, 'namespace', { team: { name: props.team }, namespace: this.namespace, quota: { cpu: 2, memoryGib: 4, pods: 20 } });

    this.role = new IamRole(this, 'role', {
      name: deriveName('iamRole', props.environment, this.namespace, name, 'irsa'),
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { Federated: props.oidcProviderArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${props.oidcIssuer}:sub`]: `system:serviceaccount:${this.namespace}:${name}`, [`${props.oidcIssuer}:aud`]: 'sts.amazonaws.com' } },
        }],
      }),
    });
    new IamRolePolicy(this, 'xray', {
      role: this.role.name,
      name: 'xray-write',
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [...XRAY_WRITE_ACTIONS], Resource: '*' }] }),
    });

    this.configYaml = stringify(collectorConfig(props.region), { sortMapEntries: false });
    validateCollectorConfig(this.configYaml);

    const labels = { app: name };
    const meta = deploymentV1MetadataToTerraform({ name, namespace: tenancy.namespace.metadata.name, labels: { ...standardLabels(GoldenPathContext.of(this)), ...labels } });
    const k8s = (rid: string, type: string, config: Record<string, unknown>) => rawResource(this, rid, `kubernetes_${type}`, 'kubernetes', config);
    k8s('service-account', 'service_account_v1', { metadata: { ...meta, annotations: { 'eks.amazonaws.com/role-arn': this.role.arn } }, automount_service_account_token: false });
    k8s('config', 'config_map_v1', { metadata: meta, data: { 'collector.yaml': this.configYaml } });
    const health = { httpGet: { path: '/', port: String(TRACE_COLLECTOR.healthPort) } };
    k8s('deployment', 'deployment_v1', {
      metadata: meta,
      wait_for_rollout: false,
      spec: deploymentV1SpecToTerraform({
        replicas: String(replicas),
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: '10001', runAsGroup: '10001', fsGroup: '10001', seccompProfile: { type: 'RuntimeDefault' } },
            container: [{
              name,
              image,
              args: ['--config=/conf/collector.yaml'],
              port: [
                { name: 'otlp-grpc', containerPort: TRACE_COLLECTOR.grpcPort },
                { name: 'otlp-http', containerPort: TRACE_COLLECTOR.httpPort },
                { name: 'health', containerPort: TRACE_COLLECTOR.healthPort },
              ],
              env: [{ name: 'AWS_REGION', value: props.region }],
              resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
              livenessProbe: { ...health, periodSeconds: 10 },
              readinessProbe: { ...health, periodSeconds: 5 },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
              volumeMount: [{ name: 'config', mountPath: '/conf', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
            }],
            volume: [{ name: 'config', configMap: { name } }, { name: 'tmp', emptyDir: {} }],
          },
        },
      }),
    });
    k8s('service', 'service_v1', {
      metadata: meta,
      spec: serviceV1SpecToTerraform({
        selector: labels,
        port: [
          { name: 'otlp-grpc', port: TRACE_COLLECTOR.grpcPort, targetPort: String(TRACE_COLLECTOR.grpcPort) },
          { name: 'otlp-http', port: TRACE_COLLECTOR.httpPort, targetPort: String(TRACE_COLLECTOR.httpPort) },
        ],
      }),
    });
    k8s('disruption-budget', 'pod_disruption_budget_v1', {
      metadata: meta,
      spec: podDisruptionBudgetV1SpecToTerraform({ maxUnavailable: '1', selector: { matchLabels: labels } }),
    });
    k8s('network-policy', 'network_policy_v1', {
      metadata: meta,
      spec: networkPolicyV1SpecToTerraform({
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress', 'Egress'],
        // OTLP from workloads in any namespace; out only to the X-Ray API over TLS
        ingress: [{
          from: [{ namespaceSelector: {} }],
          ports: [TRACE_COLLECTOR.grpcPort, TRACE_COLLECTOR.httpPort].map((p) => ({ port: String(p), protocol: 'TCP' })),
        }],
        egress: [{ ports: [{ port: '443', protocol: 'TCP' }] }],
      }),
    });
  }
}

/**
 * The collector pipeline: OTLP in, memory limit and batching, X-Ray out. Resource attributes
 * that teams filter by become indexed X-Ray annotations.
 */
function collectorConfig(region: string): Record<string, unknown> {
  return {
    extensions: { health_check: { endpoint: `0.0.0.0:${TRACE_COLLECTOR.healthPort}` } },
    receivers: {
      otlp: {
        protocols: {
          grpc: { endpoint: `0.0.0.0:${TRACE_COLLECTOR.grpcPort}` },
          http: { endpoint: `0.0.0.0:${TRACE_COLLECTOR.httpPort}` },
        },
      },
    },
    processors: {
      memory_limiter: { check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 25 },
      batch: { timeout: '5s', send_batch_size: 512 },
    },
    exporters: {
      awsxray: {
        region,
        indexed_attributes: ['service.namespace', 'deployment.environment.name', 'goldenpath.team'],
      },
    },
    service: {
      extensions: ['health_check'],
      pipelines: {
        traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['awsxray'] },
      },
    },
  };
}

const PIPELINE_SECTIONS = ['receivers', 'processors', 'exporters'] as const;

/**
 * Read a collector configuration as the collector would, and refuse what it would refuse at
 * start-up: YAML errors, a pipeline without receivers or exporters, a pipeline or the
 * service naming a component that is not defined, a pipeline of an unknown signal.
 * Returns the parsed configuration.
 */
export function validateCollectorConfig(text: string): Record<string, any> {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`collector config is not valid YAML: ${doc.errors[0].message}`);
  const config = doc.toJS() as Record<string, any> | null;
  if (!config || typeof config !== 'object') throw new Error('collector config must be a YAML mapping');
  const pipelines = config.service?.pipelines;
  if (!pipelines || typeof pipelines !== 'object' || Object.keys(pipelines).length === 0) throw new Error('collector config: service.pipelines must define at least one pipeline');
  const defined = (section: string, id: string) => Object.prototype.hasOwnProperty.call(config[section] ?? {}, id);
  for (const [pipeline, spec] of Object.entries<any>(pipelines)) {
    if (!/^(traces|metrics|logs)(\/[\w-]+)?$/.test(pipeline)) throw new Error(`collector config: pipeline "${pipeline}" must be traces, metrics or logs (optionally /<name>)`);
    for (const section of PIPELINE_SECTIONS) {
      const ids: unknown = spec?.[section] ?? [];
      if (!Array.isArray(ids)) throw new Error(`collector config: service.pipelines.${pipeline}.${section} must be a list`);
      if (section !== 'processors' && ids.length === 0) throw new Error(`collector config: pipeline "${pipeline}" must list at least one of ${section}`);
      for (const component of ids) {
        if (!defined(section, String(component))) throw new Error(`collector config: pipeline "${pipeline}" uses ${section.slice(0, -1)} "${component}", which is not defined under ${section}`);
      }
    }
  }
  for (const ext of config.service?.extensions ?? []) {
    if (!defined('extensions', String(ext))) throw new Error(`collector config: service.extensions names "${ext}", which is not defined under extensions`);
  }
  return config;
}
