import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readCdktfOut } from '../../src/core/cdktf-out';
import { renderGraph } from '../../src/portal/graph';
import { buildPortal } from '../../src/portal/site';
import { acmeOut } from '../acme-out';
import { runCli } from '../cli/run-cli';
import { fileTree } from '../helpers';

const TODAY = '2026-11-26';

describe('goldenpath portal', () => {
  const out = acmeOut();
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await buildPortal(readCdktfOut(out), { today: TODAY, backstageUrl: 'https://backstage.acme.example' });
  });

  test('a page per service, team, environment and API, the golden paths and guardrails, and local assets only', () => {
    expect([...files.keys()].sort()).toEqual([
      'apis/ledger-api.html', 'assets/minisearch.js', 'assets/portal.js', 'assets/search-index.js', 'assets/style.css',
      'components/ledger.html', 'components/search-api.html', 'environments/dev.html', 'environments/prod.html',
      'golden-paths.html', 'guardrails.html', 'index.html', 'teams/payments.html', 'teams/platform.html', 'teams/search.html',
    ]);
    for (const [name, text] of files) {
      if (!name.endsWith('.html')) continue;
      // nothing from outside: every script and stylesheet is a relative path into the site
      for (const m of text.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) {
        expect({ name, ref: m[1] }).toEqual({ name, ref: expect.stringMatching(/^(\.\.\/)?assets\//) });
      }
      // links between pages name their file, so they work from file:// (no folder-style URLs)
      for (const m of text.matchAll(/href="([^"#:]+)"/g)) expect({ name, ref: m[1] }).toEqual({ name, ref: expect.stringMatching(/\.(html|css)$/) });
    }
  });

  test('the service page: owner, on-call, environments, SLO alerts, the graph, scorecard, findings and actions', () => {
    const ledger = files.get('components/ledger.html')!;
    expect(ledger).toContain('<dd class="owner"><a href="../teams/payments.html">payments</a></dd>');
    expect(ledger).toContain('href="mailto:payments-oncall@acme.example"');
    expect(ledger).toMatch(/<code>acme-prod-payments<\/code><\/td><td>222222222222<\/td><td>eu-west-1<\/td><td>acme-prod<\/td><td>payments<\/td>/);
    expect(ledger).toContain('ledger-availability in prod: 99.9% over 30 days');
    expect(ledger).toMatch(/<td>page<\/td><td>1h<\/td><td>5m<\/td><td>14.4×<\/td><td>0.0144<\/td>/);
    expect(ledger.match(/class="node node-dependency"/g)).toHaveLength(2);
    expect(ledger).toContain('<h2 id="h-scorecard">Scorecard: gold</h2>');
    expect(ledger).toContain('href="https://github.com/acme/payments/actions/workflows/goldenpath.yml" rel="noopener" data-action="deploy"');
    expect(ledger).toContain('GP-LOG-003'); // the dev profile's suppression, with its reason
    const search = files.get('components/search-api.html')!;
    expect(search).toContain('To reach <strong>gold</strong>');
    expect(search).toContain('<code>SC-RUNBOOK</code>');
  });

  test('team, environment and API pages', () => {
    const team = files.get('teams/search.html')!;
    expect(team).toContain('npx goldenpath new service my-service --team search');
    expect(team).toContain('href="https://backstage.acme.example/create/templates/default/goldenpath-service"');
    expect(team).toContain('cc-1002');
    const prod = files.get('environments/prod.html')!;
    expect(prod).toContain('10.20.0.0/16 over eu-west-1a, eu-west-1b, eu-west-1c; NAT per-az');
    expect(prod).toContain('acme-prod (EKS');
    expect(prod).toMatch(/data-node="acme-prod-payments"/);
    expect(prod).toMatch(/data-node="acme-state"/); // a stack it depends on, from manifest.json
    const api = files.get('apis/ledger-api.html')!;
    expect(api).toContain('<td><code>GET</code></td><td><code>/accounts/{id}/balance</code></td><td>The balance of one account</td>');
    expect(api).toContain('<a href="../components/search-api.html">search-api</a>');
  });

  test('data from the app is escaped, never markup', async () => {
    const svg = await renderGraph('<script>alert(1)</script>', [{ id: 'a', label: '<img src=x onerror=alert(1)>', kind: 'x"y' }], []);
    expect(svg).not.toMatch(/<script>|<img/);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('graphs are laid out by ELK and byte-stable', async () => {
    const nodes = [{ id: 'b', label: 'b', kind: 'k' }, { id: 'a', label: 'a', kind: 'k' }, { id: 'c', label: 'c', kind: 'k' }];
    const edges = [{ from: 'a', to: 'b' }, { from: 'a', to: 'c' }];
    const one = await renderGraph('t', nodes, edges);
    expect(await renderGraph('t', [...nodes].reverse(), [...edges].reverse())).toBe(one);
    const x = (id: string) => Number(new RegExp(`data-node="${id}"><rect x="([\\d.]+)"`).exec(one)![1]);
    expect(x('b')).toBeGreaterThan(x('a')); // layered left to right
    expect(one.match(/<polyline/g)).toHaveLength(2);
  });

  test('the site is byte-identical across runs and holds no path of the machine that built it', async () => {
    const a = mkdtempSync(join(tmpdir(), 'gp-site-a-'));
    const b = mkdtempSync(join(tmpdir(), 'gp-site-b-'));
    expect((await runCli('portal', out, '--out', a, '--today', TODAY)).code).toBe(0);
    expect((await runCli('portal', acmeOut(), '--out', b, '--today', TODAY)).code).toBe(0);
    const [ta, tb] = [fileTree(a), fileTree(b)];
    expect(ta).toEqual(tb);
    const all = Object.values(ta).join('\n');
    for (const machinePath of [process.cwd(), tmpdir(), out]) expect(all).not.toContain(machinePath);
  });

  test('bad input is one line and exit 2', async () => {
    const r = await runCli('portal', out, '--out', join(tmpdir(), 'x'), '--today', 'tomorrow');
    expect([r.code, r.err]).toEqual([2, 'goldenpath: --today must be a date as YYYY-MM-DD, got "tomorrow"\n']);
    const missing = await runCli('portal', join(out, 'missing'), '--out', join(tmpdir(), 'x'));
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
  });
});
