import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { deploymentV1MetadataToTerraform, deploymentV1SpecToTerraform } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { horizontalPodAutoscalerV2SpecToTerraform } from '@cdktf/provider-kubernetes/lib/horizontal-pod-autoscaler-v2';
import { networkPolicyV1SpecToTerraform } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { podDisruptionBudgetV1SpecToTerraform } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { serviceV1SpecToTerraform } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Construct } from 'constructs';
import { Connection, grantsDocument, IServiceDependency } from './grants';
import { validateImage } from './image';
import { NamespaceBudget } from './namespace-budget';
import { PostgresDatabase } from './postgres-database';
import { scoreToServiceProps, ScoreOptions } from './score';
import { checkApi, ENTITY_NAME } from './service-api';
import { ServiceBucket } from './service-bucket';
import { ServiceCache } from './service-cache';
import { SERVICE_ENVIRONMENT_SPEC, ServiceEnvironment } from './service-environment';
import { DEPENDENCY_TYPES, ServiceDependency, ServiceProps } from './service-props';
import { ServiceQueue } from './service-queue';
import { SERVICE_SIZES } from './sizes';
import { TerraformResource } from '../../src/cdk';
import { CatalogFacts, EntityLink } from '../../src/core/catalog-facts';
import { GoldenPathContext } from '../../src/core/context';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { rawResource } from '../../src/core/raw-resource';
import { standardLabels } from '../../src/core/tags';
import { markGoldenPath } from '../../src/golden-path';
import type { SidecarSpec } from '../../src/plugins/contract';
import { Plugins } from '../../src/plugins/registry';
import { ServiceDashboard } from '../observability/service-dashboard';
import { ServiceTracing } from '../observability/service-tracing';
import { Slo } from '../observability/slo';
import { otelEnvironment, TRACE_COLLECTOR } from '../observability/tracing';

/** CloudWatch namespace where services publish Requests, Errors and Latency (e.g. with EMF). */
export const SERVICE_METRICS_NAMESPACE = 'GoldenPath/Services';

const envName = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');

const RESOURCES_SPEC = P.object({ cpu: P.string(), memory: P.string() });
/** ServiceProps, checked at runtime. */
const SERVICE_PROPS: PropsSchema = {
  environment: SERVICE_ENVIRONMENT_SPEC,
  image: P.string(),
  port: opt(P.number()),
  size: opt(P.enum(...Object.keys(SERVICE_SIZES))),
  containerResources: opt(P.object({ requests: RESOURCES_SPEC, limits: RESOURCES_SPEC })),
  minReplicas: opt(P.number()),
  maxReplicas: opt(P.number()),
  variables: opt(P.record(P.string({ nonEmpty: false }))),
  command: opt(P.list(P.string({ nonEmpty: false }))),
  args: opt(P.list(P.string({ nonEmpty: false }))),
  probes: opt(P.object({ liveness: opt(P.string()), readiness: opt(P.string()), startup: opt(P.string()) })),
  callers: opt(P.list(P.object({ namespace: P.string(), app: opt(P.string()) }))),
  dependencies: opt(P.record(P.object({ type: P.enum(...DEPENDENCY_TYPES) }, { open: true }))),
  annotations: opt(P.record(P.string({ nonEmpty: false }))),
  slo: opt(P.object({ objectivePercent: P.number(), periodDays: opt(P.number()) })),
  dashboard: opt(P.boolean()),
  tracing: opt(P.boolean()),
  runbookUrl: opt(P.string()),
  description: opt(P.string()),
  lifecycle: opt(P.enum('experimental', 'production', 'deprecated')),
  providesApis: opt(P.list(P.object({ name: P.string(), definition: opt(P.string()), definitionUrl: opt(P.string()), type: opt(P.enum('openapi', 'asyncapi', 'graphql', 'grpc')), description: opt(P.string()) }))),
  consumesApis: opt(P.list(P.string())),
  variablePrecedence: opt(P.enum('error', 'variables', 'generated')),
};

/**
 * What an application team writes most: a Deployment meeting Pod Security "restricted",
 * sized, probed and pinned; a Service, autoscaler, disruption budget and a network policy
 * admitting only the declared callers; a service account with an IRSA role trusted only by
 * that service account and granted only what its dependencies need; and those dependencies
 * (PostgreSQL, bucket, queue, cache), whose connection details arrive as environment variables.
 */
export class Service extends Construct {
  /**
   * A Service from a Score workload (`score.dev/v1b1`): an object, or its YAML or JSON text.
   * The workload is validated with the official Score schema; supported resource types
   * become dependencies, anything unsupported is an error naming the field.
   */
  public static fromScore(scope: Construct, workload: unknown, options: ScoreOptions): Service {
    const { name, props } = scoreToServiceProps(scope, workload, options);
    return new Service(scope, name, props);
  }

  public readonly serviceName: string;
  public readonly namespace: string;
  public readonly role: IamRole;
  public readonly deployment: TerraformResource;
  /** The dependencies by name. */
  public readonly dependencies: Record<string, IServiceDependency & Construct>;
  /** Connection outputs by dependency name (Score's `${resources.<name>.<output>}`). */
  public readonly connections: Record<string, Connection>;
  /** What observability the service got, for its catalog entity. */
  private observed: { slos?: Array<{ name: string; objectivePercent: number; periodDays: number; alerts?: Slo['alerts'] }>; dashboard?: string; traces?: string } = {};

  constructor(scope: Construct, id: string, props: ServiceProps) {
    super(scope, id);
    checkProps(this, props, SERVICE_PROPS, 'ServiceProps');
    this.serviceName = validateName(this, 'id', id, 'kubernetesName');
    markGoldenPath(this, 'service', { service: this.serviceName });
    const env = props.environment;
    this.namespace = env.namespace;
    const image = validateImage(this, 'image', props.image);
    const port = props.port ?? 8080;
    if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new PlatformValidationError(this, 'port', port, 'must be an unprivileged port from 1024 to 65535 (containers run as non-root)');
    const size = props.size ?? 'small';
    const min = props.minReplicas ?? (env.profile.production ? 3 : 2);
    const max = props.maxReplicas ?? min * 3;
    if (!Number.isInteger(min) || min < 1 || !Number.isInteger(max) || max < min) throw new PlatformValidationError(this, 'maxReplicas', { minReplicas: min, maxReplicas: max }, 'must satisfy 1 <= minReplicas <= maxReplicas');
    (props.callers ?? []).forEach((c, i) => {
      validateName(this, `callers[${i}].namespace`, c.namespace, 'kubernetesName');
      if (c.app !== undefined) validateName(this, `callers[${i}].app`, c.app, 'kubernetesLabelValue');
    });
    for (const name of Object.keys(props.variables ?? {})) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new PlatformValidationError(this, 'variables', name, 'must use variable names of letters, digits and _, not starting with a digit');
    }
    if (props.runbookUrl !== undefined && !/^https:\/\/\S+$/.test(props.runbookUrl)) throw new PlatformValidationError(this, 'runbookUrl', props.runbookUrl, 'must be an https:// URL');
    const tracing = (props.tracing ?? true) ? env.tracing : undefined;
    if ((props.tracing ?? true) && !tracing) {
      throw new PlatformValidationError(this, 'environment.tracing', undefined, "must name the environment's trace collector (platform.serviceEnvironment() does), or set `tracing: false` on the Service");
    }

    // dependencies first: their outputs become environment variables and their grants the role policy
    this.dependencies = {};
    this.connections = {};
    for (const [name, dep] of Object.entries(props.dependencies ?? {})) {
      validateName(this, `dependencies.${name}`, name, 'kubernetesName');
      const made = this.makeDependency(name, dep, env);
      this.dependencies[name] = made;
      this.connections[name] = made.connection();
    }
    const own = Object.entries(props.variables ?? {}).map(([k, v]) => [k, this.resolvePlaceholders(k, v)] as const);
    const depVariables = Object.entries(this.connections).flatMap(([name, c]) =>
      Object.entries(c.outputs).map(([k, v]) => [`${envName(name)}_${envName(k)}`, v, `dependency ${name}`] as const));
    const otelVariables = tracing ? otelEnvironment({
      serviceName: this.serviceName,
      namespace: this.namespace,
      environment: env.name,
      team: GoldenPathContext.of(this).team,
      image,
      region: env.region,
      accountId: env.accountId,
    }, tracing).map(([k, v]) => [k, v, 'tracing'] as const) : [];
    // a generated variable never silently replaces the user's, nor the other way round; the
    // same name with the same value (Score files often spell the mapping out) is one variable
    const generated = new Map<string, { value: string; source: string }>();
    for (const [k, value, source] of [...depVariables, ...otelVariables]) {
      const first = generated.get(k);
      if (first) throw new PlatformValidationError(this, 'dependencies', k, `is generated by both ${first.source} and ${source}: rename one dependency`);
      generated.set(k, { value, source });
    }
    const precedence = props.variablePrecedence ?? 'error';
    const overridden: Array<{ variable: string; kept: string; dropped: string }> = [];
    const ownKept: Array<readonly [string, string]> = [];
    for (const [k, value] of own) {
      const made = generated.get(k);
      if (made && made.value !== value) {
        if (precedence === 'error') {
          throw new PlatformValidationError(this, `variables.${k}`, value, `collides with the ${k} that ${made.source} generates${made.source === 'tracing' ? ' (set `tracing: false` to manage OpenTelemetry yourself)' : '; use the generated one, or rename the variable or the dependency'}, or set variablePrecedence`);
        }
        const userWins = precedence === 'variables';
        overridden.push({ variable: k, kept: userWins ? 'variables' : made.source, dropped: userWins ? made.source : 'variables' });
        if (!userWins) continue; // the generated value stays
      }
      generated.delete(k);
      ownKept.push([k, value]);
    }

    // IRSA: only this service account, with this audience, can assume the role
    const account = `system:serviceaccount:${this.namespace}:${this.serviceName}`;
    this.role = new IamRole(this, 'role', {
      name: deriveName('iamRole', env.name, this.namespace, this.serviceName, 'irsa'),
      // the platform's limit on every role a team makes: its apply role can create no other
      permissionsBoundary: env.permissionsBoundaryArn,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { Federated: env.oidcProviderArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${env.oidcIssuer}:sub`]: account, [`${env.oidcIssuer}:aud`]: 'sts.amazonaws.com' } },
        }],
      }),
    });
    const grants = Object.values(this.connections).flatMap((c) => c.grants);
    if (grants.length) {
      new IamRolePolicy(this, 'role-policy', {
        role: this.role.name,
        name: 'dependencies',
        policy: grantsDocument(grants),
      });
    }

    // Kubernetes objects are written as raw JSON through the provider's typed converters:
    // same output as the typed classes, a fraction of the synth time (see bench/service.ts)
    const labels = { app: this.serviceName };
    const objectMeta = deploymentV1MetadataToTerraform({ name: this.serviceName, namespace: this.namespace, labels: { ...standardLabels(GoldenPathContext.of(this)), ...labels } });
    const k8s = (name: string, type: string, config: Record<string, unknown>) => rawResource(this, name, `kubernetes_${type}`, 'kubernetes', config);
    k8s('service-account', 'service_account_v1', {
      metadata: { ...objectMeta, annotations: { 'eks.amazonaws.com/role-arn': this.role.arn } },
      automount_service_account_token: false,
    });
    const resources = props.containerResources ?? SERVICE_SIZES[size];
    NamespaceBudget.claim(this, env, max, resources);
    const probe = (path: string, extra: object = {}) => ({ httpGet: { path, port: String(port) }, ...extra });
    const variables: Array<readonly [string, string]> = [...ownKept, ...[...generated].map(([k, g]) => [k, g.value] as const)];
    // plugins add what every service of the org carries; each addition is recorded in the metadata
    const sidecars: SidecarSpec[] = [];
    const annotations: Record<string, string> = { ...props.annotations };
    Plugins.runServiceHooks(this, {
      serviceName: this.serviceName,
      namespace: this.namespace,
      environment: env.name,
      context: GoldenPathContext.of(this),
      addVariable: (name, value, source) => {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new PlatformValidationError(this, `${source} variable`, name, 'must be a variable name of letters, digits and _');
        const mine = variables.find(([k]) => k === name);
        if (mine) throw new PlatformValidationError(this, `${source} variable ${name}`, value, `collides with the ${name} the service already has (${own.some(([k]) => k === name) ? 'its variables' : generated.get(name)?.source})`);
        variables.push([name, value]);
      },
      addSidecar: (sidecar, source) => {
        validateName(this, `${source} sidecar`, sidecar.name, 'kubernetesName');
        if (sidecar.name === this.serviceName || sidecars.some((c) => c.name === sidecar.name)) throw new PlatformValidationError(this, `${source} sidecar`, sidecar.name, 'must not reuse a container name');
        validateImage(this, `${source} sidecar ${sidecar.name} image`, sidecar.image);
        sidecars.push(sidecar);
      },
      addAnnotation: (key, value, source) => {
        if (annotations[key] !== undefined && annotations[key] !== value) throw new PlatformValidationError(this, `${source} annotation ${key}`, value, `collides with ${annotations[key]}, already set`);
        annotations[key] = value;
      },
    });
    this.deployment = k8s('deployment', 'deployment_v1', {
      metadata: { ...objectMeta, annotations: Object.keys(annotations).length ? annotations : undefined },
      wait_for_rollout: false,
      spec: deploymentV1SpecToTerraform({
        // no replicas: the autoscaler owns the count, and an apply would reset it
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: this.serviceName,
            // the EKS pod identity webhook mounts its own projected token for IRSA
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: '10001', runAsGroup: '10001', fsGroup: '10001', seccompProfile: { type: 'RuntimeDefault' } },
            container: [{
              name: this.serviceName,
              image,
              command: props.command,
              args: props.args,
              port: [{ name: 'http', containerPort: port }],
              env: variables.map(([name, value]) => ({ name, value })),
              resources: { requests: { ...resources.requests }, limits: { ...resources.limits } },
              livenessProbe: probe(props.probes?.liveness ?? '/healthz', { periodSeconds: 10 }),
              readinessProbe: probe(props.probes?.readiness ?? '/ready', { periodSeconds: 5 }),
              // starting up ends when the process would pass its liveness probe
              startupProbe: probe(props.probes?.startup ?? props.probes?.liveness ?? '/healthz', { periodSeconds: 5, failureThreshold: 30 }),
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
              volumeMount: [{ name: 'tmp', mountPath: '/tmp' }],
            }, ...sidecars.map((c) => ({
              name: c.name,
              image: c.image,
              args: c.args,
              env: Object.entries(c.env ?? {}).map(([name, value]) => ({ name, value })),
              resources: {
                requests: { cpu: c.resources?.cpu ?? '50m', memory: c.resources?.memory ?? '64Mi' },
                limits: { cpu: c.resources?.cpu ?? '100m', memory: c.resources?.memory ?? '128Mi' },
              },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
              volumeMount: [{ name: 'tmp', mountPath: '/tmp' }],
            }))],
            volume: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      }),
    });
    k8s('service', 'service_v1', {
      metadata: objectMeta,
      spec: serviceV1SpecToTerraform({ selector: labels, port: [{ name: 'http', port: 80, targetPort: String(port) }] }),
    });
    k8s('autoscaler', 'horizontal_pod_autoscaler_v2', {
      metadata: objectMeta,
      spec: horizontalPodAutoscalerV2SpecToTerraform({
        minReplicas: min,
        maxReplicas: max,
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this.serviceName },
        metric: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      }),
    });
    k8s('disruption-budget', 'pod_disruption_budget_v1', {
      metadata: objectMeta,
      spec: podDisruptionBudgetV1SpecToTerraform({ maxUnavailable: '1', selector: { matchLabels: labels } }),
    });
    const callers = props.callers ?? [];
    const depPorts = [...new Set(Object.values(this.connections).flatMap((c) => c.ports))];
    this.addObservability(props, env, tracing !== undefined);
    k8s('network-policy', 'network_policy_v1', {
      metadata: objectMeta,
      spec: networkPolicyV1SpecToTerraform({
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress', 'Egress'],
        ingress: callers.length ? [{
          from: callers.map((c) => ({
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': c.namespace } },
            ...(c.app ? { podSelector: { matchLabels: { app: c.app } } } : {}),
          })),
          ports: [{ port: String(port), protocol: 'TCP' }],
        }] : [],
        egress: [
          // AWS APIs (through NAT or VPC endpoints) and the service's own data stores
          { ports: [{ port: '443', protocol: 'TCP' }] },
          ...(depPorts.length ? [{ to: [{ ipBlock: { cidr: env.vpcCidr } }], ports: depPorts.map((p) => ({ port: String(p), protocol: 'TCP' })) }] : []),
          // spans go to the environment's collector over OTLP/HTTP
          ...(tracing ? [{
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': tracing.collectorNamespace } }, podSelector: { matchLabels: { app: tracing.collectorApp } } }],
            ports: [{ port: String(TRACE_COLLECTOR.httpPort), protocol: 'TCP' }],
          }] : []),
        ],
      }),
    });
    if (overridden.length) this.deployment.addOverride('//.goldenpath.overriddenVariables', overridden);
    this.recordEntity(props, env, image, tracing !== undefined);
  }

  /**
   * The catalog Component of this service in this environment: owner, system, lifecycle,
   * data stores, APIs, Kubernetes annotations, and the facts its scorecard reads.
   */
  private recordEntity(props: ServiceProps, env: ServiceEnvironment, image: string, traced: boolean): void {
    const ctx = GoldenPathContext.of(this);
    const lifecycle = props.lifecycle ?? (env.profile.production ? 'production' : 'experimental');
    if (!['experimental', 'production', 'deprecated'].includes(lifecycle)) throw new PlatformValidationError(this, 'lifecycle', lifecycle, 'must be experimental, production or deprecated');
    if (props.description !== undefined && (typeof props.description !== 'string' || props.description.trim() === '')) throw new PlatformValidationError(this, 'description', props.description, 'must be a non-empty string');
    const system = ctx.team ? { system: ctx.team } : {};
    const provided = (props.providesApis ?? []).map((api, i) => checkApi(this, `providesApis[${i}]`, api));
    (props.consumesApis ?? []).forEach((name, i) => {
      if (typeof name !== 'string' || !ENTITY_NAME.test(name)) throw new PlatformValidationError(this, `consumesApis[${i}]`, name, 'must be the name of a catalog API entity');
    });
    for (const api of provided) {
      CatalogFacts.record(this, {
        kind: 'API',
        name: api.name,
        description: api.description,
        spec: { type: api.type, lifecycle, owner: ctx.owner, ...system, definition: api.definition },
        facts: { environment: env.name, providedBy: this.serviceName },
      });
    }
    const observed = this.observed;
    const links: EntityLink[] = [
      ...(observed.dashboard ? [{ url: observed.dashboard, title: `Dashboard (${env.name})`, type: 'dashboard' }] : []),
      ...(observed.traces ? [{ url: observed.traces, title: `Traces (${env.name})`, type: 'traces' }] : []),
      ...(props.runbookUrl ? [{ url: props.runbookUrl, title: 'Runbook', type: 'runbook' }] : []),
    ];
    CatalogFacts.record(this, {
      kind: 'Component',
      name: this.serviceName,
      description: props.description?.trim(),
      annotations: {
        'backstage.io/kubernetes-id': this.serviceName,
        'backstage.io/kubernetes-namespace': this.namespace,
      },
      links,
      spec: {
        type: 'service',
        lifecycle,
        owner: ctx.owner,
        ...system,
        dependsOn: Object.values(this.dependencies).map((d) => d.entityRef),
        providesApis: provided.map((a) => `api:${a.name}`),
        consumesApis: (props.consumesApis ?? []).map((name) => `api:${name}`),
      },
      facts: {
        environment: env.name,
        production: env.profile.production,
        account: env.accountId,
        region: env.region,
        cluster: env.clusterName,
        namespace: this.namespace,
        image,
        slos: observed.slos ?? [],
        dashboard: observed.dashboard,
        traces: observed.traces,
        runbook: props.runbookUrl,
        alertsRouted: (env.alertTopics?.page.length ?? 0) > 0,
        traced,
        callers: (props.callers ?? []).map((c) => ({ namespace: c.namespace, app: c.app })),
        dependencies: Object.entries(this.dependencies).map(([name, d]) => ({ name, entity: d.entityRef })),
      },
    });
  }

  /** Log group, SLO and dashboard; what they are is recorded in the metadata for the catalog. */
  private addObservability(props: ServiceProps, env: ServiceEnvironment, traced: boolean): void {
    const logs = new CloudwatchLogGroup(this, 'logs', {
      name: `/goldenpath/${env.name}/${this.namespace}/${this.serviceName}`,
      retentionInDays: env.profile.logRetentionDays,
      kmsKeyId: env.logsKeyArn,
    });
    const dims = { Environment: env.name, Namespace: this.namespace, Service: this.serviceName };
    const cw = (metricName: string) => ({ namespace: SERVICE_METRICS_NAMESPACE, metricName, dimensions: dims });
    const prom = (extra = '') => `http_requests_total{namespace="${this.namespace}",service="${this.serviceName}"${extra}}`;
    const tracing = traced ? new ServiceTracing(this, 'tracing', {
      serviceName: this.serviceName,
      namespace: this.namespace,
      region: env.region,
      sampleRatio: env.tracing!.sampleRatio,
      logGroupNames: [logs.name],
    }) : undefined;
    if (tracing) {
      this.deployment.addOverride('//.goldenpath.traces', tracing.url);
      this.observed.traces = tracing.url;
    }
    if (props.runbookUrl) this.deployment.addOverride('//.goldenpath.runbook', props.runbookUrl);
    if (props.slo) {
      const slo = new Slo(this, 'slo', {
        name: `${this.serviceName}-availability`,
        objectivePercent: props.slo.objectivePercent,
        periodDays: props.slo.periodDays,
        cloudwatch: { errors: cw('Errors'), total: cw('Requests') },
        // a PrometheusRule needs the operator's CRD at plan time: only where the cluster has it
        prometheus: env.prometheusOperator ? { errors: prom(',code=~"5.."'), total: prom(), namespace: this.namespace } : undefined,
        alarmTopics: env.alertTopics,
        traces: tracing && { region: env.region, serviceName: this.serviceName },
        runbookUrl: props.runbookUrl,
      });
      const summary = { name: slo.name, objectivePercent: slo.objectivePercent, periodDays: slo.periodDays };
      this.deployment.addOverride('//.goldenpath.slos', [summary]);
      this.observed.slos = [{ ...summary, alerts: slo.alerts }];
    }
    if (props.dashboard ?? props.slo !== undefined) {
      const container = (metricName: string) => ({ namespace: 'ContainerInsights', metricName, dimensions: { ClusterName: env.clusterName, Namespace: this.namespace, Service: this.serviceName } });
      const dashboard = new ServiceDashboard(this, 'dashboard', {
        dashboardName: `${env.name}-${this.namespace}-${this.serviceName}`,
        region: env.region,
        latency: cw('Latency'),
        requests: cw('Requests'),
        errors: cw('Errors'),
        saturation: [container('pod_cpu_utilization'), container('pod_memory_utilization')],
        objectivePercent: props.slo?.objectivePercent ?? 99.9,
        tracesGroupName: tracing?.groupName,
        grafana: {
          namespace: this.namespace,
          latencyBuckets: `http_request_duration_seconds_bucket{namespace="${this.namespace}",service="${this.serviceName}"}`,
          requests: prom(),
          errors: prom(',code=~"5.."'),
        },
      });
      this.deployment.addOverride('//.goldenpath.dashboard', dashboard.url);
      this.observed.dashboard = dashboard.url;
    }
  }

  /** Resolve Score-style placeholders against this service's dependencies. */
  private resolvePlaceholders(variable: string, value: string): string {
    return value.replace(/\$(\$)?\{([^}]*)\}/g, (whole: string, escaped: string | undefined, expr: string) => {
      if (escaped) return whole; // Terraform reads $${ as a literal ${
      if (expr === 'metadata.name') return this.serviceName;
      const m = /^resources\.([^.]+)\.([^.]+)$/.exec(expr);
      if (!m) throw new PlatformValidationError(this, `variables.${variable}`, value, 'may only use the placeholders ${metadata.name} and ${resources.<dependency>.<output>}');
      const connection = this.connections[m[1]];
      if (!connection) throw new PlatformValidationError(this, `variables.${variable}`, value, `refers to ${m[1]}, but the dependencies are: ${Object.keys(this.connections).join(', ') || '(none)'}`);
      const output = connection.outputs[m[2]];
      if (output === undefined) throw new PlatformValidationError(this, `variables.${variable}`, value, `refers to output ${m[2]} of ${m[1]}, which has: ${Object.keys(connection.outputs).join(', ')}`);
      return output;
    });
  }

  private makeDependency(name: string, dep: ServiceDependency, env: ServiceEnvironment): IServiceDependency & Construct {
    const { type: _type, ...props } = dep as ServiceDependency & Record<string, unknown>;
    switch (dep.type) {
      case 'postgres': return new PostgresDatabase(this, name, { ...props, environment: env });
      case 'queue': return new ServiceQueue(this, name, { ...props, environment: env });
      case 'cache': return new ServiceCache(this, name, { ...props, environment: env });
      case 'bucket': return new ServiceBucket(this, name, { environment: env });
      default:
        throw new PlatformValidationError(this, `dependencies.${name}.type`, (dep as { type: unknown }).type, `must be one of ${DEPENDENCY_TYPES.join(', ')}`);
    }
  }
}
