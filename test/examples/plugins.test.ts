import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { plugins } from '../../examples/acme/plugins';
import { COST_CENTRE_RULE, COST_CENTRE_TAG, costAllocationPlugin } from '../../examples/plugins/cost-allocation';
import { integrationKeyParameter, pagerDutyPlugin } from '../../examples/plugins/pagerduty';
import { buildCatalog } from '../../src/catalog/model';
import { scoreCatalog } from '../../src/catalog/scorecards';
import { readCdktfOut } from '../../src/core/cdktf-out';
import { TAGGABLE_AWS_TYPES } from '../../src/policy/rules/ownership';
import { stackView } from '../../src/policy/stack-view';
import { buildPortal } from '../../src/portal/site';
import { acmeOut } from '../acme-out';
import { runCli } from '../cli/run-cli';
import { resources } from '../helpers';

const PLUGINS = join(__dirname, '../../examples/acme/plugins.ts');

describe('the example org with its two plugins', () => {
  const out = acmeOut('gp-plugins-');
  const stacks = readCdktfOut(out);

  test('cost allocation: every taggable AWS resource carries a cost centre, the team\'s or the platform\'s', () => {
    let tagged = 0;
    for (const s of stacks) {
      for (const [type, , config] of resources(s.json)) {
        if (!TAGGABLE_AWS_TYPES.includes(type)) continue;
        tagged++;
        const expected = /-(payments)$/.test(s.name) ? 'cc-1001' : /-(search)$/.test(s.name) ? 'cc-1002' : 'cc-0001';
        expect({ stack: s.name, type, tag: config.tags?.[COST_CENTRE_TAG] }).toEqual({ stack: s.name, type, tag: expected });
      }
    }
    expect(tagged).toBeGreaterThan(100);
    const ledger = stacks.find((s) => s.name === 'acme-prod-payments')!.json['//'].goldenpath.plugins;
    expect(ledger.map((p: any) => p.plugin)).toEqual(['acme-cost-allocation@1.0.0', 'acme-pagerduty@1.0.0']);
    expect(ledger[0].changes).toContain('acme-prod-payments: tags acme:billing-team, acme:cost-centre on every taggable AWS resource');
  });

  test('its rule fails a resource without a cost centre, and `goldenpath check --plugin` runs it', async () => {
    const bucket = { type: 'aws_s3_bucket', name: 'b', address: 'aws_s3_bucket.b', config: { tags: { [COST_CENTRE_TAG]: 'unallocated' } }, meta: {} };
    const view = stackView('s', { resource: {} });
    expect(COST_CENTRE_RULE.evaluate(bucket, view)).toEqual({ status: 'fail', message: 'tag acme:cost-centre is "unallocated", not a cost centre like cc-1234', attribute: 'tags' });
    expect(COST_CENTRE_RULE.evaluate({ ...bucket, config: { tags: { [COST_CENTRE_TAG]: 'cc-1234' } } }, view).status).toBe('pass');
    expect(COST_CENTRE_RULE.evaluate({ ...bucket, config: { tags: '${var.tags}' } }, view).status).toBe('unknown');
    const without = await runCli('check', out, '--format', 'json', '--fail-on', 'never');
    const withPlugin = await runCli('check', out, '--format', 'json', '--plugin', PLUGINS);
    expect(JSON.parse(withPlugin.out).summary.rules).toBe(JSON.parse(without.out).summary.rules + 1);
    expect(withPlugin.code).toBe(0);
    const missing = await runCli('check', out, '--plugin', '/nonexistent/plugins.js');
    expect([missing.code, missing.err]).toEqual([2, 'goldenpath: --plugin /nonexistent/plugins.js: no such file or package\n']);
  });

  test('its scorecard check asks every service for its team\'s cost centre', () => {
    const model = buildCatalog(stacks);
    expect(model.pluginChecks.map((c) => c.id)).toEqual(['SC-COST-CENTRE']);
    const cards = scoreCatalog(model, { today: '2026-11-26' });
    for (const card of cards) expect(card.results.find((r) => r.id === 'SC-COST-CENTRE')!.status).toBe('pass');
    const ledger = model.records.find((r) => r.ref === 'component:default/ledger')!;
    expect(ledger.entity.metadata.annotations!['acme.example/cost-centre']).toBe('cc-1001');
  });

  test('PagerDuty: page alarms of listed teams also go to the Events API v2 integration, keyed from SSM', () => {
    for (const team of ['payments', 'search']) {
      const json = stacks.find((s) => s.name === `acme-prod-${team}`)!.json;
      const subs = Object.values<any>(json.resource.aws_sns_topic_subscription).filter((s) => s.protocol === 'https' && s.endpoint.startsWith('https://events.pagerduty.com/'));
      expect(subs).toHaveLength(1);
      expect(subs[0].topic_arn).toMatch(/aws_sns_topic\.alerts_page_/);
      expect(subs[0].endpoint).toMatch(/^https:\/\/events\.pagerduty\.com\/integration\/\$\{aws_ssm_parameter\.[^}]+\.value\}\/enqueue$/);
      // the stack makes the parameter (nothing is read at plan time that may not exist)
      expect(Object.values<any>(json.resource.aws_ssm_parameter).map((p) => p.name)).toEqual([integrationKeyParameter(team)]);
      expect(json.data?.aws_ssm_parameter).toBeUndefined();
    }
  });

  test('and its escalation link is on every service page of the portal', async () => {
    const site = await buildPortal(stacks, { today: '2026-11-26' });
    const ledger = site.get('components/ledger.html')!;
    expect(ledger).toContain('<h2 id="h-panel-0">Escalation</h2>');
    expect(ledger).toContain('<a href="https://acme.pagerduty.com/escalation_policies/PPAYMNT" rel="noopener">payments escalation policy</a>');
  });

  test('a team PagerDuty does not know is left alone; bad options are refused by name', () => {
    const only = pagerDutyPlugin({ accountUrl: 'https://acme.pagerduty.com', escalationPolicies: {} });
    const calls: string[] = [];
    only.alertRouting!({ team: 'search', context: {}, subscribeHttps: (s, u) => calls.push(`${s} ${u}`), secureParameter: (n) => n });
    expect(calls).toEqual([]);
    expect(() => pagerDutyPlugin({ accountUrl: 'http://evil.example', escalationPolicies: {} })).toThrow(/acme-pagerduty: accountUrl must be https:\/\/<subdomain>\.pagerduty\.com/);
    expect(() => costAllocationPlugin({ platformCostCentre: 'platform' })).toThrow(/acme-cost-allocation: platformCostCentre must look like cc-1234/);
  });

  test('goldenpath new --plugin adds the plugins\' template files', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gp-new-plugin-')), 'svc');
    const r = await runCli('new', 'service', 'svc', '--team', 'payments', '--dir', dir, '--plugin', PLUGINS);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'COST.md'), 'utf8')).toContain('acme:cost-centre');
    expect(plugins.map((p) => p.name)).toEqual(['acme-cost-allocation', 'acme-pagerduty']);
  });
});
