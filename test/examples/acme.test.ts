import { validateCollectorConfig } from '../../constructs/observability/trace-collector';
import { buildAcme } from '../../examples/acme/main';
import { TerraformResource, TerraformStack, Testing } from '../../src/cdk';
import { TAG_KEYS } from '../../src/core/tags';
import { blockingFindings, ofType, resources, synthJson } from '../helpers';

describe('example org acme', () => {
  const app = Testing.app();
  buildAcme(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const synthesized = new Map(stacks.map((s) => [s.node.id, synthJson(s)]));

  test('has a stack per environment (and per team), each with its S3 backend', () => {
    expect([...synthesized.keys()]).toEqual(expect.arrayContaining(['acme-state', 'acme-dev', 'acme-dev-runtime', 'acme-prod', 'acme-dev-payments', 'acme-prod-search', 'acme-github']));
    for (const [name, json] of synthesized) {
      expect(json.terraform.backend.s3).toMatchObject({ bucket: 'acme-tfstate-111111111111', encrypt: true, use_lockfile: true });
      // <org>/<environment>/<owning team>/<stack>: the prefix each team's deploy roles get
      const owner = /^acme-(dev|prod)-(payments|search)$/.exec(name)?.[2] ?? 'platform';
      expect(json.terraform.backend.s3.key).toMatch(new RegExp(`^acme/[a-z]+/${owner}/${name}\\.tfstate$`));
    }
  });

  test('each environment has its network, keys, cluster and account baseline; its runtime stack each team\'s namespace', () => {
    for (const env of ['dev', 'prod']) {
      const types = Object.keys(synthesized.get(`acme-${env}`).resource);
      expect(types).toEqual(expect.arrayContaining(['aws_vpc', 'aws_flow_log', 'aws_eks_cluster', 'aws_eks_access_policy_association', 'aws_iam_openid_connect_provider', 'aws_cloudtrail', 'aws_guardduty_detector', 'aws_codebuild_project']));
      // tenancy is the platform's: a team's namespace-scoped role cannot create its namespace or quota
      const runtime = synthesized.get(`acme-${env}-runtime`);
      const namespaces = ofType(runtime, 'kubernetes_namespace_v1').map((n) => n.metadata.name).sort();
      expect(namespaces).toEqual(['payments', 'search']);
      expect(Object.keys(runtime.resource)).toEqual(expect.arrayContaining(['kubernetes_network_policy_v1', 'kubernetes_role_binding_v1', 'kubernetes_resource_quota_v1', 'aws_eks_addon']));
      for (const team of ['payments', 'search']) {
        const teamStack = stacks.find((s) => s.node.id === `acme-${env}-${team}`)!;
        expect(Object.keys(synthesized.get(`acme-${env}-${team}`).resource)).not.toContain('kubernetes_namespace_v1');
        // applied after the namespace exists
        expect(teamStack.dependencies.map((d) => d.node.id)).toEqual([`acme-${env}-runtime`]);
      }
    }
  });

  test('each service has both paging window pairs, a dashboard and routed alerts', () => {
    for (const stack of ['acme-dev-payments', 'acme-prod-payments', 'acme-dev-search', 'acme-prod-search']) {
      const json = synthesized.get(stack);
      const composites = Object.values<any>(json.resource.aws_cloudwatch_composite_alarm);
      expect(composites.map((c) => c.alarm_name.replace(/^.*-slo-/, '')).sort()).toEqual(['page-1h-5m', 'page-6h-30m', 'ticket-3d-6h']);
      expect(composites.every((c) => c.alarm_actions.length === 1 && /aws_sns_topic\.alerts_/.test(c.alarm_actions[0]))).toBe(true);
      expect(Object.keys(json.resource.aws_cloudwatch_dashboard)).toHaveLength(1);
      expect(Object.keys(json.resource.aws_sns_topic_subscription).length).toBeGreaterThan(0);
    }
  });

  test('one repository per team, with the delivery workflow, and OIDC deploy roles in every environment', () => {
    const github = synthesized.get('acme-github');
    expect(Object.values<any>(github.resource.github_repository).map((r) => r.name).sort()).toEqual(['acme-platform', 'payments', 'search']);
    expect(Object.values<any>(github.resource.github_repository_file).filter((f) => f.file === '.github/workflows/goldenpath.yml')).toHaveLength(3);
    for (const env of ['dev', 'prod']) {
      const roles = Object.values<any>(synthesized.get(`acme-${env}`).resource.aws_iam_role).filter((r) => r.name.startsWith('gh-'));
      expect(roles.map((r) => r.name).sort()).toEqual([`gh-acme-platform-${env}-apply`, `gh-acme-platform-${env}-plan`, `gh-payments-${env}-apply`, `gh-payments-${env}-plan`, `gh-search-${env}-apply`, `gh-search-${env}-plan`]);
      // no team apply role gets PowerUserAccess: only the platform's
      const attachments = ofType(synthesized.get(`acme-${env}`), 'aws_iam_role_policy_attachment').filter((a) => a.policy_arn.endsWith('/PowerUserAccess'));
      expect(attachments.map((a) => a.role)).toEqual([expect.stringMatching(/acme-platform-apply/)]);
    }
    const global = Object.values<any>(synthesized.get('acme-state').resource.aws_iam_role).map((r) => r.name).sort();
    expect(global).toEqual(['gh-acme-platform-global-apply', 'gh-acme-platform-global-plan']);
  });

  test('every log group has a retention and a KMS key', () => {
    const groups = [...synthesized.values()].flatMap((json) => Object.values<any>(json.resource.aws_cloudwatch_log_group ?? {}));
    expect(groups.length).toBeGreaterThan(8);
    for (const g of groups) expect({ name: g.name, retention: g.retention_in_days > 0, kms: typeof g.kms_key_id }).toEqual({ name: g.name, retention: true, kms: 'string' });
  });

  test('every taggable AWS resource carries the standard tags', () => {
    const taggable = stacks.flatMap((s) => s.node.findAll())
      .filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c))
      .filter((r) => r.terraformResourceType.startsWith('aws_') && 'tagsInput' in r);
    expect(taggable.length).toBeGreaterThan(0);
    for (const r of taggable) {
      const json = synthesized.get(TerraformStack.of(r).node.id)!;
      const config = json.resource[r.terraformResourceType][r.friendlyUniqueId];
      for (const key of [TAG_KEYS.team, TAG_KEYS.owner, TAG_KEYS.service, TAG_KEYS.environment, TAG_KEYS.managedBy]) {
        expect({ resource: r.node.path, key, present: typeof config.tags?.[key] }).toEqual({ resource: r.node.path, key, present: 'string' });
      }
    }
  });

  test('every resource carries golden-path metadata', () => {
    let count = 0;
    for (const json of synthesized.values()) {
      for (const [type, name, config] of resources(json)) {
        count++;
        expect({ address: `${type}.${name}`, kind: typeof config['//']?.goldenpath?.kind })
          .toEqual({ address: `${type}.${name}`, kind: 'string' });
        expect(config['//'].goldenpath.owner).toMatch(/^group:/);
      }
    }
    expect(count).toBeGreaterThan(5);
  });

  test('every service is traced: the OpenTelemetry environment, an X-Ray group, sampling rule and trace-logs query', () => {
    const ratio: Record<string, string> = { dev: '1', prod: '0.1' };
    let services = 0;
    for (const [name, json] of synthesized) {
      const m = /^acme-(dev|prod)-(payments|search)$/.exec(name);
      if (!m) continue;
      for (const deployment of ofType(json, 'kubernetes_deployment_v1')) {
        services++;
        const env = Object.fromEntries(deployment.spec.template.spec.container[0].env.map((e: any) => [e.name, e.value]));
        expect({ service: deployment.metadata.name, env }).toEqual({
          service: deployment.metadata.name,
          env: expect.objectContaining({
            OTEL_SERVICE_NAME: deployment.metadata.name,
            OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.observability.svc.cluster.local:4318',
            OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
            OTEL_TRACES_SAMPLER_ARG: ratio[m[1]],
            OTEL_PROPAGATORS: 'tracecontext,baggage',
            OTEL_RESOURCE_ATTRIBUTES: expect.stringContaining(`service.namespace=${m[2]},service.version=`),
          }),
        });
        expect(env.OTEL_RESOURCE_ATTRIBUTES).toContain(`deployment.environment.name=${m[1]}`);
        expect(env.OTEL_RESOURCE_ATTRIBUTES).toContain(`goldenpath.team=${m[2]}`);
        expect(deployment['//'].goldenpath.traces).toContain(`filter=service(%22${deployment.metadata.name}%22)`);
      }
      expect(ofType(json, 'aws_xray_group')).toHaveLength(1);
      expect(ofType(json, 'aws_xray_sampling_rule')).toHaveLength(1);
      expect(ofType(json, 'aws_cloudwatch_query_definition')).toHaveLength(1);
      for (const alarm of ofType(json, 'aws_cloudwatch_composite_alarm')) expect(alarm.alarm_description).toMatch(/Traces: https:\/\/eu-west-1\.console\.aws\.amazon\.com\/xray\//);
    }
    expect(services).toBe(4);
  });

  test('each environment has a trace collector in its own stack, after the environment stack', () => {
    for (const env of ['dev', 'prod']) {
      const stack = stacks.find((s) => s.node.id === `acme-${env}-observability`)!;
      expect(stack.dependencies.map((d) => d.node.id)).toEqual([`acme-${env}-runtime`]);
      const json = synthesized.get(`acme-${env}-observability`);
      const [config] = ofType(json, 'kubernetes_config_map_v1');
      expect(validateCollectorConfig(config.data['collector.yaml']).service.pipelines.traces.exporters).toEqual(['awsxray']);
      expect(JSON.parse(ofType(json, 'aws_iam_role_policy')[0].policy).Statement[0].Action).toEqual(
        ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries']);
    }
  });

  test('every team and observability stack passes the built-in guardrails (suppressed only by the environment profile)', () => {
    for (const [name, json] of synthesized) {
      if (!/-(payments|search|observability)$/.test(name)) continue;
      expect({ name, findings: blockingFindings(json) }).toEqual({ name, findings: [] });
    }
  });
});
