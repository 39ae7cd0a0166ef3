import { AlertRouting, AlertRoutingProps, DASHBOARD_WIDGETS, ServiceDashboard, ServiceDashboardProps } from '../../../constructs/observability';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

const m = (metricName: string) => ({ namespace: 'GoldenPath/Services', metricName, dimensions: { Service: 'ledger' } });
function dashboard(props: Partial<ServiceDashboardProps> = {}) {
  const { stack } = contextStack();
  const d = new ServiceDashboard(stack, 'dash', {
    dashboardName: 'prod-payments-ledger',
    region: 'eu-west-1',
    latency: m('Latency'),
    requests: m('Requests'),
    errors: m('Errors'),
    saturation: [m('Cpu')],
    objectivePercent: 99.9,
    grafana: { namespace: 'payments', latencyBuckets: 'http_request_duration_seconds_bucket{service="ledger"}', requests: 'http_requests_total{service="ledger"}', errors: 'http_requests_total{service="ledger",code=~"5.."}' },
    ...props,
  });
  return { d, json: synthJson(stack) };
}

describe('ServiceDashboard', () => {
  const { d, json } = dashboard();
  test('the golden signals and the remaining error budget, by name', () => {
    const body = JSON.parse(ofType(json, 'aws_cloudwatch_dashboard')[0].dashboard_body);
    expect(body.widgets.map((w: any) => w.properties.title)).toEqual([...DASHBOARD_WIDGETS]);
    expect(JSON.stringify(body.widgets[4].properties.metrics)).toContain('100 * (1 - (e / r) / 0.001)');
    expect(d.url).toBe('https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/prod-payments-ledger');
  });
  test('a Grafana dashboard ConfigMap carrying the sidecar label', () => {
    const [cm] = ofType(json, 'kubernetes_config_map_v1');
    expect(cm.metadata.labels.grafana_dashboard).toBe('1');
    expect(JSON.parse(cm.data['prod-payments-ledger.json']).panels.map((p: any) => p.title)).toEqual(['Latency', 'Traffic', 'Errors', 'Error budget remaining']);
    expect(blockingFindings(json)).toEqual([]);
  });
  test('validation', () => {
    expect(() => dashboard({ dashboardName: 'has space' })).toThrow('test/dash: `dashboardName` must be 1–255 letters, digits, - or _, got "has space"');
    expect(() => dashboard({ saturation: [] })).toThrow('test/dash: `saturation` must list at least one metric (CPU, memory, queue depth), got []');
  });
});

function routing(props: Partial<AlertRoutingProps> = {}) {
  const { stack } = contextStack();
  new AlertRouting(stack, 'alerts', { accountId: '111111111111', team: 'payments', onCall: 'oncall@acme.example', pagerDutyUrl: 'https://events.pagerduty.example/integration/abc', ticketEmails: ['team@acme.example'], ...props });
  return synthJson(stack);
}

describe('AlertRouting', () => {
  const json = routing();
  test('encrypted topics per severity that only this account\'s CloudWatch alarms may publish to', () => {
    const topics = ofType(json, 'aws_sns_topic');
    expect(topics.map((t) => t.name).sort()).toEqual(['payments-alerts-page', 'payments-alerts-ticket']);
    expect(topics.every((t) => /aws_kms_key\./.test(t.kms_master_key_id))).toBe(true);
    const policy = JSON.parse(ofType(json, 'aws_sns_topic_policy')[0].policy).Statement[0];
    expect(policy).toMatchObject({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish', Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } });
  });
  test('pages go to PagerDuty and the on-call, tickets to e-mail', () => {
    const subs = ofType(json, 'aws_sns_topic_subscription').map((s) => [s.topic_arn.includes('page') ? 'page' : 'ticket', s.protocol, s.endpoint]);
    expect(subs).toEqual(expect.arrayContaining([
      ['page', 'https', 'https://events.pagerduty.example/integration/abc'], ['page', 'email', 'oncall@acme.example'],
      ['ticket', 'email', 'team@acme.example'], ['ticket', 'email', 'oncall@acme.example'],
    ]));
    expect(blockingFindings(json)).toEqual([]);
  });
  test.each([
    [{ onCall: 'bob' }, 'test/alerts: `onCall` must be an e-mail address or an https:// endpoint, got "bob"'],
    [{ pagerDutyUrl: 'http://pd.example' }, 'test/alerts: `pagerDutyUrl` must be an https:// integration URL, got "http://pd.example"'],
    [{ ticketEmails: ['nope'] }, 'test/alerts: `ticketEmails[0]` must be an e-mail address, got "nope"'],
  ])('validation %j', (props, message) => {
    expect(() => routing(props)).toThrow(message);
  });
});
