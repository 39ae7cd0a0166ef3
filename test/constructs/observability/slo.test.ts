import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { BURN_RATE_WINDOWS, burnRateThreshold, isValidPromql, Sli, Slo, SloProps } from '../../../constructs/observability';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

const promSli = { errors: 'http_requests_total{job="ledger",code=~"5.."}', total: 'http_requests_total{job="ledger"}', namespace: 'payments' };
function slo(props: Partial<SloProps> = {}) {
  const { stack } = contextStack();
  const s = new Slo(stack, 'slo', { name: 'ledger', objectivePercent: 99.9, cloudwatch: Sli.applicationLoadBalancer('app/ledger/123'), prometheus: promSli, alarmTopics: { page: ['arn:page'], ticket: ['arn:ticket'] }, ...props });
  return { s, json: synthJson(stack) };
}

describe('burn-rate thresholds follow the objective', () => {
  test.each([[99.9, 14.4, 0.0144], [99.9, 6, 0.006], [99.9, 1, 0.001], [99.5, 14.4, 0.072], [99.99, 6, 0.0006]])('%d%% at %dx burn → error ratio %d', (objective, burn, threshold) => {
    expect(burnRateThreshold(objective, burn)).toBe(threshold);
  });
  test('the windows are the SRE workbook ones', () => {
    expect(BURN_RATE_WINDOWS.map((w) => [w.severity, w.long, w.short, w.burnRate])).toEqual([['page', '1h', '5m', 14.4], ['page', '6h', '30m', 6], ['ticket', '3d', '6h', 1]]);
  });
});

describe('Slo', () => {
  const { s, json } = slo();

  test('99.9% pages when the error ratio exceeds 14.4 × 0.001 over both 1 h and 5 m', () => {
    const alarms = ofType(json, 'aws_cloudwatch_metric_alarm');
    const oneHour = alarms.find((a) => a.alarm_name.endsWith('page-burn-1h'));
    const fiveMin = alarms.find((a) => a.alarm_name.endsWith('page-burn-5m'));
    expect([oneHour.threshold, fiveMin.threshold]).toEqual([0.0144, 0.0144]);
    expect(oneHour.metric_query.map((q: any) => q.metric?.period ?? q.expression)).toEqual([3600, 3600, 'errors / total']);
    expect(fiveMin.metric_query[0].metric).toMatchObject({ period: 300, namespace: 'AWS/ApplicationELB', metric_name: 'HTTPCode_Target_5XX_Count', stat: 'Sum' });
    const composite = ofType(json, 'aws_cloudwatch_composite_alarm').find((c) => c.alarm_name.endsWith('page-1h-5m'));
    const ref = (w: string) => `ALARM\\("\\$\\{aws_cloudwatch_metric_alarm\\.slo_page-${w}_\\w+\\.alarm_name\\}"\\)`;
    expect(composite.alarm_rule).toMatch(new RegExp(`^${ref('1h')} AND ${ref('5m')}$`));
    expect(composite.alarm_actions).toEqual(['arn:page']);
  });

  test('three window pairs, six alarms with unique names, tickets routed to the ticket topic', () => {
    const alarms = ofType(json, 'aws_cloudwatch_metric_alarm');
    expect(alarms).toHaveLength(6);
    expect(new Set(alarms.map((a) => a.alarm_name)).size).toBe(6);
    const ticket = ofType(json, 'aws_cloudwatch_composite_alarm').find((c) => c.alarm_name.endsWith('ticket-3d-6h'));
    expect(ticket.alarm_actions).toEqual(['arn:ticket']);
    expect(alarms.find((a) => a.alarm_name.endsWith('ticket-burn-3d')).metric_query[0].metric.period).toBe(259200);
  });

  test('every PromQL expression parses with the Prometheus parser', () => {
    const rule = s.prometheusRule!;
    const exprs = rule.spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.expr));
    expect(exprs).toHaveLength(5 + 3);
    for (const e of exprs) expect({ e, ok: isValidPromql(e) }).toEqual({ e, ok: true });
    expect(isValidPromql('sum(rate(x[5m]')).toBe(false); // the parser is live
    expect(exprs).toContain('slo:sli_error:ratio_rate1h{slo="ledger"} > (14.4 * 0.001) and slo:sli_error:ratio_rate5m{slo="ledger"} > (14.4 * 0.001)');
  });

  test('the PrometheusRule validates against the prometheus-operator model, and is applied as a manifest', () => {
    expect(() => new PrometheusRule(s.prometheusRule as any).validate()).not.toThrow();
    expect(() => new PrometheusRule({ ...s.prometheusRule, spec: { groups: [{ rules: [] }] } } as any).validate()).toThrow(/name/);
    expect(ofType(json, 'kubernetes_manifest')[0].manifest.kind).toBe('PrometheusRule');
  });

  test('clean under the guardrails', () => {
    expect(blockingFindings(json)).toEqual([]);
  });

  describe('validation', () => {
    const cases: Array<[string, Partial<SloProps>, string | RegExp]> = [
      ['objective as a ratio', { objectivePercent: 0.999 }, 'test/slo: `objectivePercent` must be a percentage above 50 and below 100, such as 99.9, got 0.999'],
      ['objective 100', { objectivePercent: 100 }, /`objectivePercent` must be a percentage above 50 and below 100/],
      ['period', { periodDays: 365 }, 'test/slo: `periodDays` must be a whole number of days from 7 to 90, got 365'],
      ['no SLI', { cloudwatch: undefined, prometheus: undefined }, 'test/slo: `cloudwatch` or `prometheus` must give the SLI, got nothing'],
      ['bad selector', { prometheus: { ...promSli, errors: 'http_requests_total{code=~' } }, /test\/slo: `prometheus.errors` must be a PromQL series selector/],
      ['name', { name: 'Ledger SLO' }, /`name` must be a DNS-1123 label/],
    ];
    test.each(cases)('%s', (_n, props, message) => {
      expect(() => slo(props)).toThrow(message);
    });
  });
});
