import { CloudwatchCompositeAlarm } from '@cdktf/provider-aws/lib/cloudwatch-composite-alarm';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { BURN_RATE_WINDOWS, burnRateThreshold, errorBudget, windowSeconds } from './burn-rate';
import { isValidPromql, validateSelector } from './promql';
import { tracesUrl } from './tracing';
import { GoldenPathContext } from '../../src/core/context';
import { PlatformValidationError } from '../../src/core/errors';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropSpec, PropsSchema } from '../../src/core/props';
import { rawResource } from '../../src/core/raw-resource';
import { standardLabels } from '../../src/core/tags';
import { markGoldenPath } from '../../src/golden-path';

/** A CloudWatch metric, summed. */
export interface MetricRef {
  readonly namespace: string;
  readonly metricName: string;
  /** @default - none */
  readonly dimensions?: Record<string, string>;
}

/** A MetricRef as props carry it, checked at runtime. */
export const METRIC_SPEC: PropSpec = P.object({ namespace: P.string(), metricName: P.string(), dimensions: opt(P.record(P.string())) });

/** SLI from CloudWatch: bad events and all events. */
export interface CloudWatchSli {
  readonly errors: MetricRef;
  readonly total: MetricRef;
}

/** SLI from Prometheus: series selectors of bad events and all events (counters). */
export interface PrometheusSli {
  readonly errors: string;
  readonly total: string;
  /** Namespace of the PrometheusRule. */
  readonly namespace: string;
}

/** SloProps, checked at runtime. */
const SLO_PROPS: PropsSchema = {
  name: P.string(),
  objectivePercent: P.number(),
  periodDays: opt(P.number({ integer: true })),
  cloudwatch: opt(P.object({ errors: METRIC_SPEC, total: METRIC_SPEC })),
  prometheus: opt(P.object({ errors: P.string(), total: P.string(), namespace: P.string() })),
  alarmTopics: opt(P.object({ page: P.list(P.string()), ticket: P.list(P.string()) })),
  traces: opt(P.object({ region: P.string(), serviceName: P.string() })),
  runbookUrl: opt(P.string()),
};

/** Ready-made SLIs for common sources. */
export class Sli {
  /** Availability of an Application Load Balancer: 5xx from targets over all requests. */
  public static applicationLoadBalancer(loadBalancer: string): CloudWatchSli {
    const dimensions = { LoadBalancer: loadBalancer };
    return { errors: { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', dimensions }, total: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions } };
  }

  /** Availability of an API Gateway REST API stage. */
  public static apiGateway(apiName: string, stage: string): CloudWatchSli {
    const dimensions = { ApiName: apiName, Stage: stage };
    return { errors: { namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions }, total: { namespace: 'AWS/ApiGateway', metricName: 'Count', dimensions } };
  }
}

export interface SloProps {
  /** Name, a DNS label: used in alarm and rule names. */
  readonly name: string;
  /** Objective in percent, e.g. 99.9, above 50 and below 100. */
  readonly objectivePercent: number;
  /** @default 30 */
  readonly periodDays?: number;
  /** @default - no CloudWatch alarms */
  readonly cloudwatch?: CloudWatchSli;
  /** @default - no PrometheusRule */
  readonly prometheus?: PrometheusSli;
  /** SNS topics that page and that open tickets. @default - alarms without actions */
  readonly alarmTopics?: { readonly page: string[]; readonly ticket: string[] };
  /**
   * The traced service behind the SLI: every alarm description and alert annotation links to
   * its X-Ray traces over the alert's window.
   * @default - no trace links
   */
  readonly traces?: { readonly region: string; readonly serviceName: string };
  /** Runbook for the people paged, linked from every alarm and alert. @default - no runbook link */
  readonly runbookUrl?: string;
}

/**
 * An SLO with multiwindow, multi-burn-rate alerts computed from the objective: page at
 * 14.4× burn over 1 h and 5 m, and at 6× over 6 h and 30 m; ticket at 1× over 3 d and 6 h.
 * As CloudWatch metric-math alarms combined per window pair in a composite alarm, and as a
 * PrometheusRule with recording rules and alerts.
 */
export class Slo extends Construct {
  public readonly name: string;
  public readonly objectivePercent: number;
  public readonly periodDays: number;
  public readonly compositeAlarms: CloudwatchCompositeAlarm[] = [];
  /** The burn-rate alerts: severity, windows, burn rate and the error-ratio threshold. */
  public readonly alerts: Array<{ severity: 'page' | 'ticket'; long: string; short: string; burnRate: number; threshold: number }>;
  /** The PrometheusRule manifest, as applied. */
  public readonly prometheusRule?: Record<string, any>;

  constructor(scope: Construct, id: string, props: SloProps) {
    super(scope, id);
    checkProps(this, props, SLO_PROPS, 'SloProps');
    markGoldenPath(this, 'slo');
    this.name = validateName(this, 'name', props.name, 'kubernetesName');
    const objective = props.objectivePercent;
    if (typeof objective !== 'number' || !(objective > 50 && objective < 100)) {
      throw new PlatformValidationError(this, 'objectivePercent', objective, 'must be a percentage above 50 and below 100, such as 99.9');
    }
    const period = props.periodDays ?? 30;
    if (!Number.isInteger(period) || period < 7 || period > 90) throw new PlatformValidationError(this, 'periodDays', period, 'must be a whole number of days from 7 to 90');
    if (!props.cloudwatch && !props.prometheus) throw new PlatformValidationError(this, 'cloudwatch', undefined, 'or `prometheus` must give the SLI');
    if (props.runbookUrl !== undefined && !/^https:\/\/\S+$/.test(props.runbookUrl)) throw new PlatformValidationError(this, 'runbookUrl', props.runbookUrl, 'must be an https:// URL');
    this.objectivePercent = objective;
    this.periodDays = period;
    this.alerts = BURN_RATE_WINDOWS.map((w) => ({ severity: w.severity, long: w.long, short: w.short, burnRate: w.burnRate, threshold: burnRateThreshold(objective, w.burnRate) }));
    // where to look next, appended to every alarm and alert: the traces of the window, the runbook
    const links = (window: string) => [
      props.traces && `Traces: ${tracesUrl(props.traces.region, props.traces.serviceName, windowSeconds(window))}`,
      props.runbookUrl && `Runbook: ${props.runbookUrl}`,
    ].filter(Boolean).map((l) => ` ${l}`).join('');
    const ctx = GoldenPathContext.of(this);
    const prefix = [ctx.environment, ctx.team, this.name].filter(Boolean).join('-');

    if (props.cloudwatch) {
      const sli = props.cloudwatch;
      for (const w of BURN_RATE_WINDOWS) {
        const threshold = burnRateThreshold(objective, w.burnRate);
        const alarm = (window: string) => new CloudwatchMetricAlarm(this, `${w.severity}-${window}`, {
          alarmName: `${prefix}-slo-${w.severity}-burn-${window}`,
          alarmDescription: `${this.name}: error ratio over ${window} above ${w.burnRate} x ${errorBudget(objective)} (SLO ${objective}% over ${period} days).${links(window)}`,
          comparisonOperator: 'GreaterThanThreshold',
          threshold,
          evaluationPeriods: 1,
          treatMissingData: 'notBreaching',
          metricQuery: [
            { id: 'errors', metric: { namespace: sli.errors.namespace, metricName: sli.errors.metricName, dimensions: sli.errors.dimensions, period: windowSeconds(window), stat: 'Sum' } },
            { id: 'total', metric: { namespace: sli.total.namespace, metricName: sli.total.metricName, dimensions: sli.total.dimensions, period: windowSeconds(window), stat: 'Sum' } },
            { id: 'ratio', expression: 'errors / total', label: `error ratio ${window}`, returnData: true },
          ],
        });
        const long = alarm(w.long);
        const short = alarm(w.short);
        const topics = props.alarmTopics?.[w.severity] ?? [];
        this.compositeAlarms.push(new CloudwatchCompositeAlarm(this, `${w.severity}-${w.long}-${w.short}`, {
          alarmName: `${prefix}-slo-${w.severity}-${w.long}-${w.short}`,
          alarmDescription: `${this.name} burns its error budget ${w.burnRate}x too fast over ${w.long} and ${w.short}.${links(w.long)}`,
          alarmRule: `ALARM("${long.alarmName}") AND ALARM("${short.alarmName}")`,
          alarmActions: topics,
          okActions: topics,
          actionsEnabled: true,
        }));
      }
    }

    if (props.prometheus) {
      const p = props.prometheus;
      validateSelector(this, 'prometheus.errors', p.errors);
      validateSelector(this, 'prometheus.total', p.total);
      validateName(this, 'prometheus.namespace', p.namespace, 'kubernetesName');
      const windows = [...new Set(BURN_RATE_WINDOWS.flatMap((w) => [w.short, w.long]))];
      const record = (w: string) => `slo:sli_error:ratio_rate${w}`;
      const sel = `{slo="${this.name}"}`;
      const pascal = this.name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
      const rule = {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name: `${this.name}-slo`, namespace: p.namespace, labels: { ...standardLabels(ctx), role: 'alert-rules' } },
        spec: {
          groups: [
            {
              name: `${this.name}-slo-recordings`,
              rules: windows.map((w) => ({ record: record(w), expr: `sum(rate(${p.errors}[${w}])) / sum(rate(${p.total}[${w}]))`, labels: { slo: this.name } })),
            },
            {
              name: `${this.name}-slo-alerts`,
              rules: BURN_RATE_WINDOWS.map((w) => {
                const limit = `(${w.burnRate} * ${errorBudget(objective)})`;
                return {
                  alert: `${pascal}ErrorBudgetBurn`,
                  expr: `${record(w.long)}${sel} > ${limit} and ${record(w.short)}${sel} > ${limit}`,
                  for: w.severity === 'page' ? '2m' : '15m',
                  labels: { severity: w.severity, slo: this.name, long_window: w.long },
                  annotations: {
                    summary: `${this.name} is burning its error budget ${w.burnRate}x too fast`,
                    description: `Error ratio above ${w.burnRate} x ${errorBudget(objective)} over ${w.long} and ${w.short} (SLO ${objective}% over ${period} days).`,
                    ...(props.traces ? { traces_url: tracesUrl(props.traces.region, props.traces.serviceName, windowSeconds(w.long)) } : {}),
                    ...(props.runbookUrl ? { runbook_url: props.runbookUrl } : {}),
                  },
                };
              }),
            },
          ],
        },
      };
      for (const group of rule.spec.groups) {
        for (const r of group.rules) if (!isValidPromql(r.expr)) throw new Error(`generated PromQL does not parse: ${r.expr}`);
      }
      this.prometheusRule = rule;
      rawResource(this, 'prometheus-rule', 'kubernetes_manifest', 'kubernetes', { manifest: rule });
    }
  }
}
