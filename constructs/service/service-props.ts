import type { PostgresDatabaseProps } from './postgres-database';
import type { ServiceApi } from './service-api';
import type { ServiceCacheProps } from './service-cache';
import type { ServiceEnvironment } from './service-environment';
import type { ServiceQueueProps } from './service-queue';
import type { ContainerResources, ServiceSize } from './sizes';

/** A dependency declared on a Service; each becomes its own construct. */
export type ServiceDependency =
  | ({ readonly type: 'postgres' } & Omit<PostgresDatabaseProps, 'environment'>)
  | { readonly type: 'bucket' }
  | ({ readonly type: 'queue' } & Omit<ServiceQueueProps, 'environment'>)
  | ({ readonly type: 'cache' } & Omit<ServiceCacheProps, 'environment'>);

export const DEPENDENCY_TYPES = ['postgres', 'bucket', 'queue', 'cache'] as const;

/** Who may call the service: pods of a namespace, optionally only one app. */
export interface ServiceCaller {
  readonly namespace: string;
  /** The caller's `app` label. @default - any pod in the namespace */
  readonly app?: string;
}

export interface ServiceProps {
  readonly environment: ServiceEnvironment;
  /** Image pinned by digest or by a tag other than latest. */
  readonly image: string;
  /** Port the container listens on. @default 8080 */
  readonly port?: number;
  /** Requests and limits preset. @default 'small' */
  readonly size?: ServiceSize;
  /** Explicit requests and limits instead of the preset. @default - the `size` preset */
  readonly containerResources?: ContainerResources;
  /** @default - 3 in production profiles, 2 elsewhere */
  readonly minReplicas?: number;
  /** @default - 3 × minReplicas */
  readonly maxReplicas?: number;
  /**
   * Environment variables. Values may use `${resources.<dependency>.<output>}` and
   * `${metadata.name}` placeholders (as in Score); `$${...}` stays a literal. Every
   * dependency's outputs are also added as `<DEPENDENCY>_<OUTPUT>`.
   * @default - none
   */
  readonly variables?: Record<string, string>;
  /** @default - the image's entrypoint */
  readonly command?: string[];
  /** @default - the image's arguments */
  readonly args?: string[];
  /** HTTP paths of the probes. @default { liveness: '/healthz', readiness: '/ready', startup: '/healthz' } */
  readonly probes?: { readonly liveness?: string; readonly readiness?: string; readonly startup?: string };
  /** Callers admitted by the network policy. @default - nobody */
  readonly callers?: ServiceCaller[];
  /** Data stores, keyed by name (also the prefix of their environment variables). @default - none */
  readonly dependencies?: Record<string, ServiceDependency>;
  /** Annotations on the Deployment. @default - none */
  readonly annotations?: Record<string, string>;
  /**
   * Availability SLO: multiwindow burn-rate alerts (CloudWatch, routed to the team's alert
   * topics, and a PrometheusRule) on the service's request metrics (see README, "metrics
   * contract").
   * @default - no SLO
   */
  readonly slo?: ServiceSlo;
  /** A CloudWatch dashboard of the golden signals (and a Grafana one). @default - true when an SLO is set */
  readonly dashboard?: boolean;
  /**
   * Trace the service: the OpenTelemetry SDK environment pointing at the environment's
   * collector, egress to it, an X-Ray group, sampling rule and saved trace-logs query, and
   * trace links on alerts. Needs `environment.tracing`.
   * @default true
   */
  readonly tracing?: boolean;
  /** The runbook of the service (https), linked from every alert and recorded for the catalog. @default - none */
  readonly runbookUrl?: string;
  /** What the service does, for the catalog and the portal. @default - none (the bronze scorecard asks for one) */
  readonly description?: string;
  /** Catalog lifecycle. @default - 'production' in production profiles, else 'experimental' */
  readonly lifecycle?: 'experimental' | 'production' | 'deprecated';
  /** APIs the service provides: each becomes a catalog API entity. @default - none */
  readonly providesApis?: ServiceApi[];
  /** Names of catalog APIs the service calls. Each must exist in the catalog. @default - none */
  readonly consumesApis?: string[];
  /**
   * When one of `variables` has the name of a generated variable (a dependency's output, the
   * tracing environment) with another value: `error` refuses it naming both sources,
   * `variables` keeps yours, `generated` keeps the generated one. Either choice is recorded in
   * the Deployment's `"//"` metadata (`overriddenVariables`).
   * @default 'error'
   */
  readonly variablePrecedence?: 'error' | 'variables' | 'generated';
}

/** The SLO of a Service. */
export interface ServiceSlo {
  /** e.g. 99.9 */
  readonly objectivePercent: number;
  /** @default 30 */
  readonly periodDays?: number;
}
