import { parse } from 'yaml';
import {
  ADOT_COLLECTOR_IMAGE, imageVersion, isoDuration, resourceAttributes, ServiceTracing, TraceCollector, TraceCollectorProps,
  traceLogsQuery, tracesUrl, validateCollectorConfig, XRAY_WRITE_ACTIONS,
} from '../../../constructs/observability';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

const collectorProps: TraceCollectorProps = {
  environment: 'prod',
  region: 'eu-west-1',
  team: 'platform',
  oidcProviderArn: 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC',
  oidcIssuer: 'oidc.eks.eu-west-1.amazonaws.com/id/ABC',
  sampleRatio: 0.1,
};
function collector(props: Partial<TraceCollectorProps> = {}) {
  const { stack } = contextStack();
  const c = new TraceCollector(stack, 'traces', { ...collectorProps, ...props });
  return { c, json: synthJson(stack) };
}

describe('resource attributes and versions', () => {
  test.each([
    ['ghcr.io/acme/ledger:1.4.2', '1.4.2'],
    ['ghcr.io/acme/ledger@sha256:4b0c3e2d0f6a9e7c1b5d8a2f3e4c6b7a9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a', '4b0c3e2d0f6a'],
    ['registry:5000/acme/ledger:2.0@sha256:4b0c3e2d0f6a9e7c1b5d8a2f3e4c6b7a9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a', '2.0'],
  ])('service.version of %s is %s', (image, version) => {
    expect(imageVersion(image)).toBe(version);
  });

  test('semantic-convention keys; values percent-encoded so a comma or = cannot split them', () => {
    const attrs = resourceAttributes({ serviceName: 'ledger', namespace: 'payments', environment: 'prod', team: 'a,b=c', image: 'r/ledger:1.0', region: 'eu-west-1', accountId: '111111111111' });
    const pairs = attrs.split(',').map((p) => p.split('='));
    expect(pairs.every((p) => p.length === 2)).toBe(true);
    expect(Object.fromEntries(pairs)).toEqual({
      'service.namespace': 'payments',
      'service.version': '1.0',
      'deployment.environment.name': 'prod',
      'k8s.namespace.name': 'payments',
      'k8s.deployment.name': 'ledger',
      'cloud.provider': 'aws',
      'cloud.platform': 'aws_eks',
      'cloud.region': 'eu-west-1',
      'cloud.account.id': '111111111111',
      'goldenpath.team': 'a%2Cb%3Dc',
    });
  });

  test('trace links carry the service filter and the alert window', () => {
    expect(isoDuration(3600)).toBe('PT1H');
    expect(isoDuration(259200)).toBe('PT72H');
    expect(isoDuration(300)).toBe('PT5M');
    const url = tracesUrl('eu-west-1', 'ledger', 21600);
    expect(url).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/xray\/home\?region=eu-west-1#\/traces\?/);
    expect(decodeURIComponent(url)).toContain('filter=service("ledger")&timeRange=PT6H');
  });
});

describe('TraceCollector', () => {
  const { c, json } = collector();

  test('its config parses as collector YAML, and every pipeline component is defined', () => {
    const [configMap] = ofType(json, 'kubernetes_config_map_v1');
    const config = validateCollectorConfig(configMap.data['collector.yaml']);
    expect(config.service.pipelines).toEqual({ traces: { receivers: ['otlp'], processors: ['memory_limiter', 'batch'], exporters: ['awsxray'] } });
    for (const [section, ids] of Object.entries<string[]>(config.service.pipelines.traces)) {
      for (const id of ids) expect(config[section]).toHaveProperty([id]);
    }
    expect(config.receivers.otlp.protocols).toEqual({ grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '0.0.0.0:4318' } });
    expect(config.exporters.awsxray.region).toBe('eu-west-1');
    expect(parse(c.configYaml)).toEqual(config);
  });

  test.each([
    ['a pipeline naming an undefined exporter', 'receivers: {otlp: {}}\nexporters: {}\nservice: {pipelines: {traces: {receivers: [otlp], exporters: [awsxray]}}}', /uses exporter "awsxray", which is not defined under exporters/],
    ['a pipeline without receivers', 'exporters: {awsxray: {}}\nservice: {pipelines: {traces: {exporters: [awsxray]}}}', /pipeline "traces" must list at least one of receivers/],
    ['an unknown signal', 'receivers: {otlp: {}}\nexporters: {x: {}}\nservice: {pipelines: {profiles: {receivers: [otlp], exporters: [x]}}}', /pipeline "profiles" must be traces, metrics or logs/],
    ['an undefined extension', 'receivers: {otlp: {}}\nexporters: {x: {}}\nservice: {extensions: [pprof], pipelines: {traces: {receivers: [otlp], exporters: [x]}}}', /service.extensions names "pprof"/],
    ['no pipelines', 'receivers: {otlp: {}}\nservice: {}', /must define at least one pipeline/],
    ['broken YAML', 'receivers: [otlp\n', /not valid YAML/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => validateCollectorConfig(text)).toThrow(message);
  });

  test('its IRSA role may do exactly the X-Ray writes and sampling reads, trusted by its service account only', () => {
    const [policy] = ofType(json, 'aws_iam_role_policy');
    expect(JSON.parse(policy.policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'], Resource: '*' }],
    });
    expect(XRAY_WRITE_ACTIONS.every((a) => /^xray:(PutTraceSegments|PutTelemetryRecords|GetSampling\w+)$/.test(a))).toBe(true);
    const [role] = ofType(json, 'aws_iam_role');
    const trust = JSON.parse(role.assume_role_policy).Statement[0];
    expect(trust.Condition.StringEquals).toEqual({
      'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:observability:otel-collector',
      'oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com',
    });
  });

  test('runs restricted in its own namespace, receives OTLP from any namespace and sends out only over TLS', () => {
    const [ns] = ofType(json, 'kubernetes_namespace_v1');
    expect(ns.metadata).toMatchObject({ name: 'observability', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } });
    const [deployment] = ofType(json, 'kubernetes_deployment_v1');
    const pod = deployment.spec.template.spec;
    expect(pod.container[0].image).toBe(ADOT_COLLECTOR_IMAGE);
    expect(pod.container[0].security_context).toMatchObject({ allow_privilege_escalation: false, run_as_non_root: true, capabilities: { drop: ['ALL'] } });
    const policy = ofType(json, 'kubernetes_network_policy_v1').find((p) => p.metadata.name === 'otel-collector').spec;
    expect(policy.ingress[0].ports.map((p: any) => p.port)).toEqual(['4317', '4318']);
    expect(policy.egress).toEqual([{ ports: [{ port: '443', protocol: 'TCP' }] }]);
    expect(c.tracing).toEqual({ endpoint: 'http://otel-collector.observability.svc.cluster.local:4318', collectorNamespace: 'observability', collectorApp: 'otel-collector', sampleRatio: 0.1 });
  });

  test('passes every built-in guardrail', () => {
    expect(blockingFindings(json)).toEqual([]);
  });

  test.each([
    [{ sampleRatio: 1.5 }, /traces: `sampleRatio` must be a number from 0 to 1, got 1.5/],
    [{ replicas: 0 }, /`replicas` must be a whole number from 1 to 20/],
    [{ image: 'otel/collector:latest' }, /`image` must be pinned by a version tag or a digest/],
    [{ namespace: 'Observability' }, /`namespace` must be a DNS-1123 label/],
  ])('refuses %o', (over, message) => {
    expect(() => collector(over)).toThrow(message);
  });
});

describe('ServiceTracing', () => {
  const { stack } = contextStack();
  const t = new ServiceTracing(stack, 'tracing', { serviceName: 'ledger', namespace: 'payments', region: 'eu-west-1', sampleRatio: 0.25, logGroupNames: ['/goldenpath/prod/payments/ledger'] });
  const json = synthJson(stack);

  test('an X-Ray group filtered to the service, a sampling rule at the profile rate and a saved trace-logs query', () => {
    expect(ofType(json, 'aws_xray_group')).toEqual([expect.objectContaining({ group_name: 'payments-ledger', filter_expression: 'service("ledger")' })]);
    expect(ofType(json, 'aws_xray_sampling_rule')).toEqual([expect.objectContaining({ rule_name: 'payments-ledger', fixed_rate: 0.25, reservoir_size: 1, service_name: 'ledger', priority: 1000 })]);
    const [query] = ofType(json, 'aws_cloudwatch_query_definition');
    expect(query.log_group_names).toEqual(['/goldenpath/prod/payments/ledger']);
    expect(query.query_string).toBe(traceLogsQuery());
    expect(query.query_string).toMatch(/\| filter trace_id = "TRACE_ID"/);
    expect(t.url).toBe(tracesUrl('eu-west-1', 'ledger'));
  });

  test('long names stay within X-Ray limits and distinct', () => {
    const { stack: s2 } = contextStack();
    const a = new ServiceTracing(s2, 'a', { serviceName: 'a-very-long-service-name-for-tests', namespace: 'a-long-team-namespace', region: 'eu-west-1', sampleRatio: 1, logGroupNames: ['x'] });
    const b = new ServiceTracing(s2, 'b', { serviceName: 'a-very-long-service-name-for-tests2', namespace: 'a-long-team-namespace', region: 'eu-west-1', sampleRatio: 1, logGroupNames: ['x'] });
    expect(a.groupName.length).toBeLessThanOrEqual(32);
    expect(a.groupName).not.toBe(b.groupName);
  });
});
