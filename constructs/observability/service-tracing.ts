import { CloudwatchQueryDefinition } from '@cdktf/provider-aws/lib/cloudwatch-query-definition';
import { XrayGroup } from '@cdktf/provider-aws/lib/xray-group';
import { XraySamplingRule } from '@cdktf/provider-aws/lib/xray-sampling-rule';
import { Construct } from 'constructs';
import { serviceFilter, traceLogsQuery, tracesUrl } from './tracing';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName } from '../../src/core/naming';
import { checkProps, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface ServiceTracingProps {
  /** The service name traces carry (`service.name`). */
  readonly serviceName: string;
  /** Kubernetes namespace: with the service name, makes X-Ray names unique in the account. */
  readonly namespace: string;
  readonly region: string;
  /** Fraction of requests sampled beyond the reservoir, 0 to 1. */
  readonly sampleRatio: number;
  /** Log groups the service writes to, searched by the saved trace-logs query. */
  readonly logGroupNames: string[];
}

/** ServiceTracingProps, checked at runtime. */
const SERVICE_TRACING_PROPS: PropsSchema = {
  serviceName: P.string(),
  namespace: P.string(),
  region: P.string(),
  sampleRatio: P.number({ min: 0, max: 1 }),
  logGroupNames: P.list(P.string(), { minItems: 1 }),
};

/**
 * A service's side of X-Ray: a group filtered to its traces (with Insights, and the CloudWatch
 * metrics X-Ray publishes per group), a sampling rule, and a saved Logs Insights query that
 * finds one trace's log lines.
 */
export class ServiceTracing extends Construct {
  public readonly group: XrayGroup;
  public readonly samplingRule: XraySamplingRule;
  public readonly logsQuery: CloudwatchQueryDefinition;
  /** The X-Ray group name: the `GroupName` dimension of the `AWS/X-Ray` metrics. */
  public readonly groupName: string;
  /** The traces of this service in the last hour. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: ServiceTracingProps) {
    super(scope, id);
    checkProps(this, props, SERVICE_TRACING_PROPS, 'ServiceTracingProps');
    markGoldenPath(this, 'service-tracing');
    if (typeof props.sampleRatio !== 'number' || !(props.sampleRatio >= 0 && props.sampleRatio <= 1)) {
      throw new PlatformValidationError(this, 'sampleRatio', props.sampleRatio, 'must be a number from 0 to 1');
    }
    this.groupName = deriveName('xrayName', props.namespace, props.serviceName);
    this.url = tracesUrl(props.region, props.serviceName);
    this.group = new XrayGroup(this, 'group', {
      groupName: this.groupName,
      filterExpression: serviceFilter(props.serviceName),
      insightsConfiguration: { insightsEnabled: true, notificationsEnabled: false },
    });
    // X-Ray decides at the first hop, before the outcome is known, so errors cannot be
    // favoured here; the reservoir keeps one request a second traced however low the rate
    this.samplingRule = new XraySamplingRule(this, 'sampling', {
      ruleName: deriveName('xrayName', props.namespace, props.serviceName),
      priority: 1000,
      version: 1,
      reservoirSize: 1,
      fixedRate: props.sampleRatio,
      serviceName: props.serviceName,
      serviceType: '*',
      host: '*',
      httpMethod: '*',
      urlPath: '*',
      resourceArn: '*',
    });
    this.logsQuery = new CloudwatchQueryDefinition(this, 'trace-logs', {
      name: `goldenpath/${props.namespace}/${props.serviceName}/logs-of-a-trace`,
      logGroupNames: props.logGroupNames,
      queryString: traceLogsQuery(),
    });
  }
}
