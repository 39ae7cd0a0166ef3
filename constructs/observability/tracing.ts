import { Token } from '../../src/cdk';

/**
 * What a Service needs to send traces in its environment: where the collector listens and
 * how much to sample. `Platform` fills it in for environments with a cluster.
 */
export interface TracingEnvironment {
  /** OTLP/HTTP endpoint of the environment's collector, e.g. `http://otel-collector.observability.svc.cluster.local:4318`. */
  readonly endpoint: string;
  /** Namespace the collector runs in: services get network egress to it. */
  readonly collectorNamespace: string;
  /** The collector pods' `app` label. */
  readonly collectorApp: string;
  /** Fraction of new traces to sample, 0 to 1 (from the environment profile). */
  readonly sampleRatio: number;
}

/** The collector's name, namespace and ports (OTLP's registered ports). */
export const TRACE_COLLECTOR = {
  name: 'otel-collector',
  namespace: 'observability',
  grpcPort: 4317,
  httpPort: 4318,
  healthPort: 13133,
} as const;

/** In-cluster OTLP/HTTP endpoint of a collector Service. */
export function collectorEndpoint(namespace: string = TRACE_COLLECTOR.namespace, name: string = TRACE_COLLECTOR.name): string {
  return `http://${name}.${namespace}.svc.cluster.local:${TRACE_COLLECTOR.httpPort}`;
}

/** What identifies a service in its traces. */
export interface TracedService {
  readonly serviceName: string;
  /** Kubernetes namespace; also OpenTelemetry's `service.namespace`. */
  readonly namespace: string;
  readonly environment: string;
  readonly team?: string;
  readonly image: string;
  readonly region: string;
  readonly accountId: string;
}

/**
 * `service.version` from an image reference: the tag when there is one, else the first 12
 * hex digits of the digest (as short as a git sha, still unique in practice).
 */
export function imageVersion(image: string): string | undefined {
  if (Token.isUnresolved(image)) return undefined;
  const [name, digest] = image.split('@');
  const tag = name.split('/').pop()!.split(':')[1];
  if (tag) return tag;
  const hex = /^sha256:([a-f0-9]{12})/.exec(digest ?? '');
  return hex ? hex[1] : undefined;
}

/**
 * OTEL_RESOURCE_ATTRIBUTES as the SDK specification reads it: `key=value` pairs joined by
 * commas, values percent-encoded (W3C Baggage octets), so a `,` or `=` in a value cannot
 * split it. Keys are semantic-convention names; `goldenpath.team` is ours (no convention names a team).
 */
export function resourceAttributes(s: TracedService): string {
  const version = imageVersion(s.image);
  const attributes: Array<[string, string | undefined]> = [
    ['service.namespace', s.namespace],
    ['service.version', version],
    ['deployment.environment.name', s.environment],
    ['k8s.namespace.name', s.namespace],
    ['k8s.deployment.name', s.serviceName],
    ['cloud.provider', 'aws'],
    ['cloud.platform', 'aws_eks'],
    ['cloud.region', s.region],
    ['cloud.account.id', s.accountId],
    ['goldenpath.team', s.team],
  ];
  return attributes
    .filter((a): a is [string, string] => a[1] !== undefined && !Token.isUnresolved(a[1]))
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join(',');
}

/**
 * The OpenTelemetry SDK environment of a traced service: OTLP/HTTP to the collector, W3C
 * trace context, parent-based ratio sampling (a child follows its caller's decision, so a
 * trace is never cut in half), and no metric or log export (metrics go to CloudWatch with EMF).
 */
export function otelEnvironment(s: TracedService, tracing: TracingEnvironment): Array<[string, string]> {
  return [
    ['OTEL_SERVICE_NAME', s.serviceName],
    ['OTEL_RESOURCE_ATTRIBUTES', resourceAttributes(s)],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', tracing.endpoint],
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'http/protobuf'],
    ['OTEL_PROPAGATORS', 'tracecontext,baggage'],
    ['OTEL_TRACES_EXPORTER', 'otlp'],
    ['OTEL_TRACES_SAMPLER', 'parentbased_traceidratio'],
    ['OTEL_TRACES_SAMPLER_ARG', String(tracing.sampleRatio)],
    ['OTEL_METRICS_EXPORTER', 'none'],
    ['OTEL_LOGS_EXPORTER', 'none'],
  ];
}

/** X-Ray filter expression that selects one service's traces. */
export function serviceFilter(serviceName: string): string {
  return `service("${serviceName}")`;
}

/**
 * The X-Ray trace list in the console, filtered to a service and to the last `windowSeconds`
 * (an alert's long window), newest first.
 */
export function tracesUrl(region: string, serviceName: string, windowSeconds = 3600): string {
  const query = `filter=${encodeURIComponent(serviceFilter(serviceName))}&timeRange=${isoDuration(windowSeconds)}`;
  return `https://${region}.console.aws.amazon.com/xray/home?region=${region}#/traces?${query}`;
}

/** 3600 → PT1H, 259200 → PT72H, 300 → PT5M. */
export function isoDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `PT${seconds / 3600}H`;
  if (seconds % 60 === 0) return `PT${seconds / 60}M`;
  return `PT${seconds}S`;
}

/**
 * The log fields that join logs to traces: W3C ids as lowercase hex, the names the
 * OpenTelemetry log data model and most logging bridges use.
 */
export const TRACE_LOG_FIELDS = { traceId: 'trace_id', spanId: 'span_id' } as const;

/** Logs Insights query that lists one trace's log lines in order. */
export function traceLogsQuery(): string {
  return [
    '# Paste the trace id over TRACE_ID: 32 hex digits. From X-Ray, 1-5759e988-bd862e3fe1be46a994272793 is 5759e988bd862e3fe1be46a994272793.',
    `fields @timestamp, ${TRACE_LOG_FIELDS.spanId}, @message`,
    `| filter ${TRACE_LOG_FIELDS.traceId} = "TRACE_ID"`,
    '| sort @timestamp asc',
    '| limit 1000',
  ].join('\n');
}
