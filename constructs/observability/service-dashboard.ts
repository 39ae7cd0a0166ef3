import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import { Construct } from 'constructs';
import { errorBudget } from './burn-rate';
import { METRIC_SPEC, MetricRef } from './slo';
import { GoldenPathContext } from '../../src/core/context';
import { PlatformValidationError } from '../../src/core/errors';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { rawResource } from '../../src/core/raw-resource';
import { standardLabels } from '../../src/core/tags';
import { markGoldenPath } from '../../src/golden-path';

export interface ServiceDashboardProps {
  /** Dashboard name (letters, digits, - and _). */
  readonly dashboardName: string;
  readonly region: string;
  /** Request latency, in milliseconds. */
  readonly latency: MetricRef;
  readonly requests: MetricRef;
  readonly errors: MetricRef;
  /** CPU and memory (or queue depth...) of the workload. */
  readonly saturation: MetricRef[];
  /** SLO objective in percent, for the remaining error budget. */
  readonly objectivePercent: number;
  /**
   * The X-Ray group of the service's traces: a latency widget from traces (the `AWS/X-Ray`
   * ResponseTime metric of the group) sits next to the metric latency.
   * @default - no trace widget
   */
  readonly tracesGroupName?: string;
  /** Also publish a Grafana dashboard as a ConfigMap the Grafana sidecar picks up. @default - no Grafana dashboard */
  readonly grafana?: {
    readonly namespace: string;
    /** PromQL selectors of latency histogram buckets, requests and errors. */
    readonly latencyBuckets: string;
    readonly requests: string;
    readonly errors: string;
  };
}

/** Golden-signal widget titles, in order. */
export const DASHBOARD_WIDGETS = ['Latency', 'Traffic', 'Errors', 'Saturation', 'Error budget remaining'] as const;
/** Title of the latency-from-traces widget, placed right after Latency. */
export const TRACE_LATENCY_WIDGET = 'Latency from traces (s)';

const metric = (m: MetricRef, stat: string, extra: object = {}) =>
  [m.namespace, m.metricName, ...Object.entries(m.dimensions ?? {}).flat(), { stat, ...extra }];

/** ServiceDashboardProps, checked at runtime. */
const SERVICE_DASHBOARD_PROPS: PropsSchema = {
  dashboardName: P.string(),
  region: P.string(),
  latency: METRIC_SPEC,
  requests: METRIC_SPEC,
  errors: METRIC_SPEC,
  saturation: P.list(METRIC_SPEC),
  objectivePercent: P.number({ min: 50, max: 100 }),
  tracesGroupName: opt(P.string()),
  grafana: opt(P.object({ namespace: P.string(), latencyBuckets: P.string(), requests: P.string(), errors: P.string() })),
};

/**
 * A CloudWatch dashboard with the four golden signals and the remaining error budget, and
 * optionally the same as a Grafana dashboard in a ConfigMap labelled for the sidecar.
 */
export class ServiceDashboard extends Construct {
  public readonly dashboard: CloudwatchDashboard;
  /** The CloudWatch console URL, recorded in the catalog metadata. */
  public readonly url: string;
  public readonly body: Record<string, any>;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    checkProps(this, props, SERVICE_DASHBOARD_PROPS, 'ServiceDashboardProps');
    markGoldenPath(this, 'dashboard');
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(props.dashboardName)) throw new PlatformValidationError(this, 'dashboardName', props.dashboardName, 'must be 1–255 letters, digits, - or _');
    if (props.saturation.length === 0) throw new PlatformValidationError(this, 'saturation', props.saturation, 'must list at least one metric (CPU, memory, queue depth)');
    const budget = errorBudget(props.objectivePercent);
    const panels: Array<[string, object]> = [
      [DASHBOARD_WIDGETS[0], { metrics: ['p50', 'p90', 'p99'].map((p) => metric(props.latency, p)) }],
      ...(props.tracesGroupName ? [[TRACE_LATENCY_WIDGET, {
        metrics: ['p50', 'p90', 'p99'].map((p) => metric({ namespace: 'AWS/X-Ray', metricName: 'ResponseTime', dimensions: { GroupName: props.tracesGroupName! } }, p)),
      }] as [string, object]] : []),
      [DASHBOARD_WIDGETS[1], { metrics: [metric(props.requests, 'Sum')] }],
      [DASHBOARD_WIDGETS[2], { metrics: [metric(props.errors, 'Sum', { id: 'e' }), metric(props.requests, 'Sum', { id: 'r', visible: false }), [{ expression: '100 * e / r', label: 'error %' }]] }],
      [DASHBOARD_WIDGETS[3], { metrics: props.saturation.map((m) => metric(m, 'Average')) }],
      [DASHBOARD_WIDGETS[4], {
        period: 86400,
        stat: 'Sum',
        metrics: [
          metric(props.errors, 'Sum', { id: 'e', visible: false }), metric(props.requests, 'Sum', { id: 'r', visible: false }),
          [{ expression: `100 * (1 - (e / r) / ${budget})`, label: `error budget remaining % (SLO ${props.objectivePercent}%)` }],
        ],
      }],
    ];
    // two widgets a row, 12 columns each
    this.body = {
      widgets: panels.map(([title, properties], i) => ({
        type: 'metric',
        x: (i % 2) * 12,
        y: Math.floor(i / 2) * 6,
        width: 12,
        height: 6,
        properties: { title, region: props.region, view: 'timeSeries', period: 60, ...properties },
      })),
    };
    this.dashboard = new CloudwatchDashboard(this, 'dashboard', { dashboardName: props.dashboardName, dashboardBody: JSON.stringify(this.body) });
    this.url = `https://${props.region}.console.aws.amazon.com/cloudwatch/home?region=${props.region}#dashboards/dashboard/${props.dashboardName}`;
    if (props.grafana) {
      const g = props.grafana;
      validateName(this, 'grafana.namespace', g.namespace, 'kubernetesName');
      const panel = (i: number, title: string, expr: string) => ({ id: i + 1, type: 'timeseries', title, gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 }, targets: [{ expr, refId: 'A' }] });
      const grafana = {
        title: props.dashboardName,
        uid: props.dashboardName.slice(0, 40),
        schemaVersion: 39,
        panels: [
          panel(0, 'Latency', `histogram_quantile(0.99, sum by (le) (rate(${g.latencyBuckets}[5m])))`),
          panel(1, 'Traffic', `sum(rate(${g.requests}[5m]))`),
          panel(2, 'Errors', `sum(rate(${g.errors}[5m])) / sum(rate(${g.requests}[5m]))`),
          panel(3, 'Error budget remaining', `1 - (sum(increase(${g.errors}[30d])) / sum(increase(${g.requests}[30d]))) / ${budget}`),
        ],
      };
      rawResource(this, 'grafana', 'kubernetes_config_map_v1', 'kubernetes', {
        metadata: { name: `${props.dashboardName.toLowerCase().replace(/_/g, '-').slice(0, 50)}-dashboard`, namespace: g.namespace, labels: { ...standardLabels(GoldenPathContext.of(this)), grafana_dashboard: '1' } },
        data: { [`${props.dashboardName}.json`]: JSON.stringify(grafana) },
      });
    }
  }
}
