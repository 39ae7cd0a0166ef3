import { serviceEnv } from './fixtures';
import { Service } from '../../../constructs/service/service';
import { ServiceProps } from '../../../constructs/service/service-props';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

const IMAGE = 'registry.example.com/ledger:1.4.2';
function service(props: Partial<ServiceProps> = {}, id = 'ledger') {
  const { stack } = contextStack();
  const svc = new Service(stack, id, { environment: serviceEnv(), image: IMAGE, ...props });
  return { svc, json: synthJson(stack) };
}

describe('Service', () => {
  const { svc, json } = service({
    size: 'medium',
    callers: [{ namespace: 'search', app: 'search-api' }, { namespace: 'ops' }],
    variables: { DATABASE_URL: 'postgres://${resources.db.username}@${resources.db.host}/${resources.db.name}', NAME: '${metadata.name}', LITERAL: 'a$${b}' },
    dependencies: { db: { type: 'postgres' }, events: { type: 'queue' }, files: { type: 'bucket' }, cache: { type: 'cache' } },
  });
  const [deployment] = ofType(json, 'kubernetes_deployment_v1');
  const pod = deployment.spec.template.spec;
  const [container] = pod.container;

  test('the Deployment meets Pod Security restricted, with a read-only root and /tmp as emptyDir', () => {
    expect(pod.security_context).toMatchObject({ run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } });
    expect(container.security_context).toEqual({ allow_privilege_escalation: false, read_only_root_filesystem: true, run_as_non_root: true, capabilities: { drop: ['ALL'] } });
    expect(container.volume_mount).toEqual([{ name: 'tmp', mount_path: '/tmp' }]);
    expect(pod.volume).toEqual([{ name: 'tmp', empty_dir: {} }]);
    expect(pod.automount_service_account_token).toBe(false);
    expect(deployment.metadata.namespace).toBe('payments');
  });

  test('sized, probed and pinned', () => {
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(container.liveness_probe.http_get).toEqual({ path: '/healthz', port: '8080' });
    expect(container.readiness_probe.http_get.path).toBe('/ready');
    expect(container.startup_probe.failure_threshold).toBe(30);
    // starting up ends when the liveness probe would pass: the Score file's liveness path, not a fixed one
    expect(container.startup_probe.http_get.path).toBe('/healthz');
    const [livez] = ofType(service({ probes: { liveness: '/livez' } }).json, 'kubernetes_deployment_v1');
    expect(livez.spec.template.spec.container[0].startup_probe.http_get.path).toBe('/livez');
    expect(container.image).toBe(IMAGE);
  });

  test('the autoscaler owns the replica count: the Deployment sets none, so an apply does not reset it', () => {
    expect(deployment.spec.replicas).toBeUndefined();
  });
  test('every autoscaler at its maximum fits the namespace quota, or synth names both services', () => {
    const quota = { cpu: 4, memoryGib: 8, pods: 40 };
    const { stack } = contextStack();
    const environment = { ...serviceEnv(), quota };
    // medium: 1 CPU limit; 3 x 2 = 6 of the 8 cores the limits may reach
    new Service(stack, 'one', { environment, image: IMAGE, size: 'medium', minReplicas: 1, maxReplicas: 6 });
    expect(() => new Service(stack, 'two', { environment, image: IMAGE, size: 'medium', minReplicas: 1, maxReplicas: 3 }))
      .toThrow("test/two: `maxReplicas` must fit namespace payments's quota in prod: at their maxima the autoscalers need 9 cores of limits, the quota allows 8 (shared with test/one)");
    // another namespace has its own quota
    expect(() => new Service(stack, 'three', { environment: { ...environment, namespace: 'search' }, image: IMAGE, size: 'medium', minReplicas: 1, maxReplicas: 3 })).not.toThrow();
  });
  test('Service, autoscaler and disruption budget; replicas from the profile', () => {
    expect(ofType(json, 'kubernetes_service_v1')[0].spec.port).toEqual([{ name: 'http', port: 80, target_port: '8080' }]);
    expect(ofType(json, 'kubernetes_horizontal_pod_autoscaler_v2')[0].spec).toMatchObject({ min_replicas: 3, max_replicas: 9 });
    expect(ofType(json, 'kubernetes_pod_disruption_budget_v1')[0].spec.max_unavailable).toBe('1');
  });

  test('the network policy admits only the declared callers, and lets the pod reach its data stores', () => {
    const spec = ofType(json, 'kubernetes_network_policy_v1')[0].spec;
    expect(spec.ingress[0].from).toEqual([
      { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'search' } }, pod_selector: { match_labels: { app: 'search-api' } } },
      { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'ops' } } },
    ]);
    expect(spec.egress[1]).toEqual({ to: [{ ip_block: { cidr: '10.10.0.0/16' } }], ports: [{ port: '5432', protocol: 'TCP' }, { port: '6379', protocol: 'TCP' }] });
  });

  test('the IRSA role is trusted only by this service account, with the STS audience', () => {
    const role = ofType(json, 'aws_iam_role').find((r) => r.name.endsWith('ledger-irsa'));
    const trust = JSON.parse(role.assume_role_policy).Statement;
    expect(trust).toEqual([{
      Effect: 'Allow',
      Principal: { Federated: serviceEnv().oidcProviderArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:payments:ledger', 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com' } },
    }]);
    expect(ofType(json, 'kubernetes_service_account_v1')[0].metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(/aws_iam_role\.ledger_role_.*\.arn/);
  });

  test('the role is granted exactly what the dependencies need', () => {
    const policy = JSON.parse(ofType(json, 'aws_iam_role_policy')[0].policy);
    const actions = policy.Statement.flatMap((s: any) => s.Action).sort();
    expect(actions).toEqual(['elasticache:Connect', 'kms:Decrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKey', 'rds-db:connect',
      's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject', 'sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes',
      'sqs:ReceiveMessage', 'sqs:SendMessage']);
    expect(policy.Statement.every((s: any) => !s.Resource.includes('*'))).toBe(true);
    expect(policy.Statement.find((s: any) => s.Action.includes('rds-db:connect')).Resource[0]).toMatch(/^arn:aws:rds-db:eu-west-1:111111111111:dbuser:\$\{aws_db_instance\..*\.resource_id\}\/app$/);
  });

  test('connection details arrive as environment variables; placeholders resolve to dependency outputs', () => {
    const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.value]));
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/app@\$\{aws_db_instance\..*\.address\}\/app$/);
    expect(env.NAME).toBe('ledger');
    expect(env.LITERAL).toBe('a$${b}');
    expect(env.EVENTS_URL).toMatch(/aws_sqs_queue\..*\.url/);
    expect(env.FILES_BUCKET).toMatch(/aws_s3_bucket\..*\.bucket/);
    expect(env.CACHE_HOST).toMatch(/primary_endpoint_address/);
    expect(Object.keys(svc.connections)).toEqual(['db', 'events', 'files', 'cache']);
  });

  test('passes every built-in guardrail with no suppression', () => {
    expect(blockingFindings(json)).toEqual([]);
  });

  describe('validation', () => {
    const cases: Array<[string, Partial<ServiceProps>, string | RegExp]> = [
      ['image without a tag', { image: 'registry.example.com/ledger' }, 'test/ledger: `image` must be pinned by a tag or a digest (no tag means latest), got "registry.example.com/ledger"'],
      ['latest', { image: 'nginx:latest' }, 'test/ledger: `image` must be pinned by a version tag or a digest, not \'latest\', got "nginx:latest"'],
      ['short digest', { image: 'nginx@sha256:abc' }, /`image` must pin a digest as @sha256: followed by 64 hex characters/],
      ['privileged port', { port: 80 }, 'test/ledger: `port` must be an unprivileged port from 1024 to 65535 (containers run as non-root), got 80'],
      ['size', { size: 'xl' as any }, 'test/ledger: `size` must be one of small, medium, large, got "xl"'],
      ['replicas', { minReplicas: 4, maxReplicas: 2 }, 'test/ledger: `maxReplicas` must satisfy 1 <= minReplicas <= maxReplicas, got {"minReplicas":4,"maxReplicas":2}'],
      ['caller namespace', { callers: [{ namespace: 'Search' }] }, /`callers\[0\]\.namespace` must be a DNS-1123 label/],
      ['variable name', { variables: { '1BAD': 'x' } }, 'test/ledger: `variables` must use variable names of letters, digits and _, not starting with a digit, got "1BAD"'],
      ['unknown dependency type', { dependencies: { mq: { type: 'rabbitmq' } as any } }, 'test/ledger: `dependencies.mq.type` must be one of postgres, bucket, queue, cache, got "rabbitmq"'],
      ['placeholder to nothing', { variables: { X: '${resources.db.host}' } }, 'test/ledger: `variables.X` refers to db, but the dependencies are: (none), got "${resources.db.host}"'],
      ['unknown output', { variables: { X: '${resources.q.password}' }, dependencies: { q: { type: 'queue' } } }, 'test/ledger: `variables.X` refers to output password of q, which has: url, arn, name, got "${resources.q.password}"'],
    ];
    test.each(cases)('%s', (_n, props, message) => {
      expect(() => service(props)).toThrow(message);
    });
    test('service name', () => {
      expect(() => service({}, 'Ledger')).toThrow(/test\/Ledger: `id` must be a DNS-1123 label/);
    });
  });
});

describe('Service observability', () => {
  test('slo and dashboard props add burn-rate alerts routed to the team, a dashboard, and catalog metadata', () => {
    const { json } = service({ slo: { objectivePercent: 99.9 } });
    const composites = ofType(json, 'aws_cloudwatch_composite_alarm');
    expect(composites.map((c) => c.alarm_name.replace(/^.*-slo-/, ''))).toEqual(['page-1h-5m', 'page-6h-30m', 'ticket-3d-6h']);
    expect(composites[0].alarm_actions).toEqual(serviceEnv().alertTopics!.page);
    expect(ofType(json, 'aws_cloudwatch_dashboard')).toHaveLength(1);
    const meta = ofType(json, 'kubernetes_deployment_v1')[0]['//'].goldenpath;
    expect(meta.slos).toEqual([{ name: 'ledger-availability', objectivePercent: 99.9, periodDays: 30 }]);
    expect(meta.dashboard).toMatch(/#dashboards\/dashboard\/prod-payments-ledger$/);
    expect(blockingFindings(json)).toEqual([]);
  });

  test('a log group kept for the profile and encrypted with the logs key; no SLO, no dashboard by default', () => {
    const { json } = service();
    expect(ofType(json, 'aws_cloudwatch_log_group')[0]).toEqual(expect.objectContaining({ name: '/goldenpath/prod/payments/ledger', retention_in_days: 365, kms_key_id: serviceEnv().logsKeyArn }));
    expect(ofType(json, 'aws_cloudwatch_composite_alarm')).toHaveLength(0);
    expect(ofType(json, 'aws_cloudwatch_dashboard')).toHaveLength(0);
  });
});

describe('Service tracing', () => {
  const envOf = (json: any) => Object.fromEntries(ofType(json, 'kubernetes_deployment_v1')[0].spec.template.spec.container[0].env.map((e: any) => [e.name, e.value]));

  test('is on by default: the OpenTelemetry SDK environment points at the collector with the profile ratio', () => {
    const { json } = service();
    const env = envOf(json);
    expect(env).toMatchObject({
      OTEL_SERVICE_NAME: 'ledger',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability.svc.cluster.local:4318',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_PROPAGATORS: 'tracecontext,baggage',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: String(serviceEnv().tracing!.sampleRatio),
    });
    expect(env.OTEL_RESOURCE_ATTRIBUTES).toContain('service.namespace=payments,service.version=1.4.2,deployment.environment.name=prod');
    expect(env.OTEL_RESOURCE_ATTRIBUTES).toContain('goldenpath.team=platform');
  });

  test('the pod may reach the collector, and only its OTLP/HTTP port', () => {
    const { json } = service();
    const egress = ofType(json, 'kubernetes_network_policy_v1')[0].spec.egress;
    expect(egress).toContainEqual({
      to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'observability' } }, pod_selector: { match_labels: { app: 'otel-collector' } } }],
      ports: [{ port: '4318', protocol: 'TCP' }],
    });
  });

  test('an X-Ray group, sampling rule and trace-logs query; the traces link in the metadata and on every alarm', () => {
    const { json } = service({ slo: { objectivePercent: 99.9 }, runbookUrl: 'https://runbooks.acme.example/ledger' });
    // a PrometheusRule only where the cluster has the operator's CRD (the plan would fail without it)
    const { json: withOperator } = service({ environment: { ...serviceEnv(), prometheusOperator: true }, slo: { objectivePercent: 99.9 }, runbookUrl: 'https://runbooks.acme.example/ledger' });
    expect(ofType(json, 'aws_xray_group')).toHaveLength(1);
    expect(ofType(json, 'aws_xray_sampling_rule')[0].fixed_rate).toBe(serviceEnv().tracing!.sampleRatio);
    expect(ofType(json, 'aws_cloudwatch_query_definition')[0].log_group_names).toEqual([expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.ledger_logs_\w+\.name\}$/)]);
    const meta = ofType(json, 'kubernetes_deployment_v1')[0]['//'].goldenpath;
    expect(meta.traces).toMatch(/xray\/home\?region=eu-west-1#\/traces\?filter=service\(%22ledger%22\)/);
    expect(meta.runbook).toBe('https://runbooks.acme.example/ledger');
    const alarms = [...ofType(json, 'aws_cloudwatch_metric_alarm'), ...ofType(json, 'aws_cloudwatch_composite_alarm')];
    expect(alarms).toHaveLength(9);
    for (const a of alarms) {
      const traces = 'Traces: https://eu-west-1.console.aws.amazon.com/xray/home?region=eu-west-1#/traces?filter=service(%22ledger%22)&timeRange=PT';
      expect(a.alarm_description).toContain(traces);
      expect(a.alarm_description).toMatch(/timeRange=PT\d+[HM] Runbook: https:\/\/runbooks\.acme\.example\/ledger$/);
    }
    const page1h = ofType(json, 'aws_cloudwatch_composite_alarm').find((c) => c.alarm_name.endsWith('page-1h-5m'));
    expect(page1h.alarm_description).toContain('timeRange=PT1H');
    expect(ofType(json, 'kubernetes_manifest')).toEqual([]);
    const rule = ofType(withOperator, 'kubernetes_manifest')[0].manifest;
    const alerts = rule.spec.groups[1].rules;
    expect(alerts.map((r: any) => r.annotations.traces_url.replace(/^.*timeRange=/, ''))).toEqual(['PT1H', 'PT6H', 'PT72H']);
    expect(alerts.every((r: any) => r.annotations.runbook_url === 'https://runbooks.acme.example/ledger')).toBe(true);
    const widgets = JSON.parse(ofType(json, 'aws_cloudwatch_dashboard')[0].dashboard_body).widgets;
    expect(widgets.map((w: any) => w.properties.title).slice(0, 2)).toEqual(['Latency', 'Latency from traces (s)']);
    expect(widgets[1].properties.metrics[0].slice(0, 4)).toEqual(['AWS/X-Ray', 'ResponseTime', 'GroupName', 'payments-ledger']);
    expect(blockingFindings(json)).toEqual([]);
  });

  test('opts out with tracing: false, and then needs no collector', () => {
    const { stack } = contextStack();
    new Service(stack, 'ledger', { environment: serviceEnv({ tracing: undefined }), image: IMAGE, tracing: false });
    const json = synthJson(stack);
    expect(Object.keys(envOf(json)).filter((k) => k.startsWith('OTEL_'))).toEqual([]);
    expect(ofType(json, 'aws_xray_group')).toHaveLength(0);
  });

  test('without a collector in the environment, says how to get one or opt out', () => {
    const { stack } = contextStack();
    expect(() => new Service(stack, 'ledger', { environment: serviceEnv({ tracing: undefined }), image: IMAGE }))
      .toThrow("test/ledger: `environment.tracing` must name the environment's trace collector (platform.serviceEnvironment() does), or set `tracing: false` on the Service, got nothing");
  });
});

describe('Service variables never silently override each other', () => {
  test('a user variable that collides with a dependency output names both', () => {
    expect(() => service({ variables: { DB_HOST: 'elsewhere' }, dependencies: { db: { type: 'postgres' } } }))
      .toThrow('test/ledger: `variables.DB_HOST` collides with the DB_HOST that dependency db generates; use the generated one, or rename the variable or the dependency, or set variablePrecedence, got "elsewhere"');
  });
  test('a user variable that collides with the tracing environment says how to take it over', () => {
    expect(() => service({ variables: { OTEL_SERVICE_NAME: 'other' } }))
      .toThrow(/`variables.OTEL_SERVICE_NAME` collides with the OTEL_SERVICE_NAME that tracing generates \(set `tracing: false` to manage OpenTelemetry yourself\)/);
  });
  test('a dependency whose outputs land on a tracing variable is refused, naming both', () => {
    expect(() => service({ dependencies: { 'otel-service': { type: 'queue' } } }))
      .toThrow('test/ledger: `dependencies` is generated by both dependency otel-service and tracing: rename one dependency, got "OTEL_SERVICE_NAME"');
  });
  test('the same name with the same value is one variable', () => {
    const { json } = service({ variables: { DB_HOST: '${resources.db.host}' }, dependencies: { db: { type: 'postgres' } } });
    const names = ofType(json, 'kubernetes_deployment_v1')[0].spec.template.spec.container[0].env.map((e: any) => e.name);
    expect(names.filter((n: string) => n === 'DB_HOST')).toHaveLength(1);
  });
  test('a runbook must be an https URL', () => {
    expect(() => service({ runbookUrl: 'http://wiki/ledger' })).toThrow('test/ledger: `runbookUrl` must be an https:// URL, got "http://wiki/ledger"');
  });
});
