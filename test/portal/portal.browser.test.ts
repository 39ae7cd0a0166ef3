import { existsSync, mkdirSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import axe from 'axe-core';
import { Browser, chromium, Page } from 'playwright-core';
import { readCdktfOut } from '../../src/core/cdktf-out';
import { writeFilesAtomic } from '../../src/core/files';
import { buildPortal } from '../../src/portal/site';
import { acmeOut } from '../acme-out';

/** Debian's chromium, installed by .ci/run; a machine without it skips these tests, saying so. */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`portal browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
const describeInBrowser = haveChromium ? describe : describe.skip;
/** Screenshots land here, and the test prints the path. */
const SCREENSHOTS = resolve(__dirname, '../../test-output/portal');

/** axe-core in the page: every serious or critical violation, as "rule: selector". */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  // page code as a string: it runs in the browser, where the DOM types live
  const result: any = await page.evaluate("axe.run(document, { resultTypes: ['violations'] })");
  return result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${n.target.join(' ')}`));
}

describeInBrowser('the portal in Chromium', () => {
  let browser: Browser;
  let site: string;
  const url = (path: string) => pathToFileURL(join(site, path)).href;

  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'gp-portal-site-'));
    writeFilesAtomic(site, await buildPortal(readCdktfOut(acmeOut()), { today: '2026-11-26' }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  test('from file://: search for a service, open it, and find owner, SLO, graph, scorecard and actions', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file://')) external.push(r.url()); });
    await page.goto(url('index.html'));
    await page.fill('#q', 'ledg');
    const hit = page.locator('#results a', { hasText: /^ledger$/ });
    await hit.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'home.png') });
    await hit.click();
    await page.waitForURL(/components\/ledger\.html$/);
    expect(await page.textContent('dd.owner')).toBe('payments');
    expect(await page.textContent('#h-slo + h3')).toBe('ledger-availability in dev: 99.9% over 30 days');
    // one box per declared dependency (db and events), drawn at build time
    expect(await page.locator('svg.graph g.node-dependency').count()).toBe(2);
    expect(await page.locator('svg.graph g.node-dependency text').allTextContents()).toEqual(['db (postgres)', 'events (sqs-queue)']);
    expect(await page.textContent('#h-scorecard')).toBe('Scorecard: gold');
    expect(await page.getAttribute('a[data-action="deploy"]', 'href')).toBe('https://github.com/acme/payments/actions/workflows/goldenpath.yml');
    await page.screenshot({ path: join(SCREENSHOTS, 'service.png'), fullPage: true });
    console.log(`portal screenshots: ${SCREENSHOTS}/home.png, ${SCREENSHOTS}/service.png`);
    expect(external).toEqual([]);
    await page.close();
  }, 60_000);

  test('copy buttons copy their snippet', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url('teams/search.html'));
    await page.evaluate("window.copied = ''; navigator.clipboard.writeText = (t) => { window.copied = t; return Promise.resolve(); }");
    await page.click('button.copy');
    expect(await page.evaluate('window.copied')).toBe('npx goldenpath new service my-service --team search');
    await context.close();
  }, 30_000);

  test('axe-core finds no serious or critical violation on any page', async () => {
    const page = await browser.newPage();
    const pages = ['index.html', 'components/ledger.html', 'components/search-api.html', 'teams/payments.html', 'environments/prod.html', 'apis/ledger-api.html', 'golden-paths.html', 'guardrails.html'];
    for (const p of pages) {
      await page.goto(url(p));
      expect({ page: p, violations: await seriousViolations(page) }).toEqual({ page: p, violations: [] });
    }
    await page.close();
  }, 60_000);

  test('keyboard first: the skip link comes first and search is reachable; a phone shows no sideways scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url('index.html'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.goto(url('components/ledger.html'));
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.close();
  }, 30_000);
});
