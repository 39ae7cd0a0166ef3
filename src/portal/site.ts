import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import MiniSearch from 'minisearch';
import { parse as parseYaml } from 'yaml';
import { PORTAL_CSS, PORTAL_JS } from './assets';
import { GOLDEN_PATHS } from './golden-paths';
import { renderGraph } from './graph';
import { esc, external, page, rel, snippet, table } from './html';
import { buildCatalog, CatalogModel, CatalogRecord, normalizeRef, repositoryOf } from '../catalog/model';
import { portalPage, Scorecard, scoreCatalog, SCORECARD_LEVELS } from '../catalog/scorecards';
import { ANNOTATIONS, EntityFact, RepositoryFact } from '../core/catalog-facts';
import { SynthesizedStack } from '../core/cdktf-out';
import { METADATA_KEY } from '../core/metadata';
import { evaluate, RuleSet } from '../policy/engine';
import { Finding, FindingsReport } from '../policy/model';
import { BUILT_IN_PACKS } from '../policy/packs';
import { stackView } from '../policy/stack-view';

export interface PortalOptions {
  /** YYYY-MM-DD: the day scorecards and expiring suppressions are judged for. */
  readonly today: string;
  /** Backstage base URL: "Create a service" also links to its software template. @default - the command only */
  readonly backstageUrl?: string;
  /** The Backstage template that creates a service. @default 'goldenpath-service' */
  readonly templateName?: string;
  /**
   * The platform's portal, for a service repository's own site: a team it does not hold
   * links to its page there. @default - such a team is named, not linked
   */
  readonly platformPortalUrl?: string;
}

/** Everything the pages are rendered from; built once, read by every page. */
interface Site {
  readonly model: CatalogModel;
  readonly cards: ReadonlyMap<string, Scorecard>;
  readonly records: ReadonlyMap<string, CatalogRecord>;
  readonly report: FindingsReport;
  readonly stacks: readonly SynthesizedStack[];
  readonly options: PortalOptions;
}

const kindOf = (s: Site, kind: string) => s.model.records.filter((r) => r.entity.kind === kind);
const teamOf = (r: CatalogRecord) => {
  const owner = typeof r.entity.spec.owner === 'string' ? normalizeRef(r.entity.spec.owner, 'group') : undefined;
  return owner?.replace(/^group:default\//, '');
};
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** Where a team's page is: on this site, on the platform's portal, or nowhere (name only). */
function teamHref(s: Site, from: string, team: string): string | undefined {
  if (s.records.has(`group:default/${team}`)) return rel(from, PAGES.team(team));
  return s.options.platformPortalUrl ? `${s.options.platformPortalUrl.replace(/\/+$/, '')}/${PAGES.team(team)}` : undefined;
}
function teamLink(s: Site, from: string, team: string): string {
  const href = teamHref(s, from, team);
  return href ? `<a href="${esc(href)}">${esc(team)}</a>` : `${esc(team)} <span>(its page is in the platform's portal)</span>`;
}
/** A component's facts per environment, with the stack they came from. */
const environmentsOf = (r: CatalogRecord): Array<Record<string, any>> => r.sources.map((src) => ({ stack: src.stack, ...src.facts }))
  .sort((a: Record<string, any>, b: Record<string, any>) => String(a.environment).localeCompare(String(b.environment)));

/** Paths of the pages, relative to the site root. */
export const PAGES = {
  home: 'index.html',
  goldenPaths: 'golden-paths.html',
  guardrails: 'guardrails.html',
  component: portalPage,
  team: (name: string) => `teams/${name}.html`,
  environment: (name: string) => `environments/${name}.html`,
  api: (name: string) => `apis/${name}.html`,
} as const;

/**
 * The portal as files: every page rendered from the catalog model, the guardrail report and
 * manifest.json, plus the assets. Pure: nothing is written here, and the same cdktf.out
 * gives the same bytes.
 */
export async function buildPortal(stacks: readonly SynthesizedStack[], options: PortalOptions): Promise<Map<string, string>> {
  const now = new Date(`${options.today}T00:00:00Z`);
  const model = buildCatalog(stacks, { now });
  const cards = new Map(scoreCatalog(model, { today: options.today }).map((c) => [c.ref, c]));
  const report = evaluate(stacks.map((x) => stackView(x.name, x.json)), new RuleSet(BUILT_IN_PACKS), now);
  const site: Site = { model, cards, records: new Map(model.records.map((r) => [r.ref, r])), report, stacks, options };
  const files = new Map<string, string>();
  files.set(PAGES.home, homePage(site));
  files.set(PAGES.goldenPaths, goldenPathsPage(site));
  files.set(PAGES.guardrails, guardrailsPage(site));
  for (const r of kindOf(site, 'Component')) files.set(PAGES.component(r.entity.metadata.name), await componentPage(site, r));
  for (const r of kindOf(site, 'Group')) files.set(PAGES.team(r.entity.metadata.name), teamPage(site, r));
  for (const r of kindOf(site, 'Resource').filter((x) => x.entity.spec.type === 'environment')) {
    files.set(PAGES.environment(r.entity.metadata.name), await environmentPage(site, r));
  }
  for (const r of kindOf(site, 'API')) files.set(PAGES.api(r.entity.metadata.name), apiPage(site, r));
  files.set('assets/style.css', PORTAL_CSS);
  files.set('assets/portal.js', PORTAL_JS);
  files.set('assets/minisearch.js', miniSearchBundle());
  files.set('assets/search-index.js', searchIndex(site));
  return files;
}

/** MiniSearch's browser build, shipped with the site so nothing loads from outside. */
function miniSearchBundle(): string {
  const root = join(dirname(require.resolve('minisearch')), '..', '..');
  const licence = readFileSync(join(root, 'LICENSE.txt'), 'utf8');
  return `/*! MiniSearch, https://github.com/lucaong/minisearch\n${licence.trim()}\n*/\n${readFileSync(join(root, 'dist', 'umd', 'index.js'), 'utf8')}`;
}

const SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['name', 'kind', 'description', 'team', 'tags'],
  storeFields: ['name', 'kind', 'description', 'url', 'team'],
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 3 } },
};

/** A prebuilt index, loaded by a script tag (a fetched JSON file would not load from file://). */
function searchIndex(s: Site): string {
  const docs = [
    ...kindOf(s, 'Component').map((r) => ({ kind: 'service', url: PAGES.component(r.entity.metadata.name), r })),
    ...kindOf(s, 'API').map((r) => ({ kind: 'API', url: PAGES.api(r.entity.metadata.name), r })),
    ...kindOf(s, 'Group').map((r) => ({ kind: 'team', url: PAGES.team(r.entity.metadata.name), r })),
    ...kindOf(s, 'Resource').map((r) => r.entity.spec.type === 'environment'
      ? { kind: 'environment', url: PAGES.environment(r.entity.metadata.name), r }
      : { kind: `resource (${String(r.entity.spec.type)})`, url: teamHref(s, PAGES.home, teamOf(r) ?? '') ?? PAGES.home, r }),
    ...kindOf(s, 'Template').map((r) => ({ kind: 'golden path', url: PAGES.goldenPaths, r })),
  ].map(({ kind, url, r }) => ({ id: r.ref, name: r.entity.metadata.name, kind, description: r.entity.metadata.description ?? '', team: teamOf(r) ?? '', tags: (r.entity.metadata.tags ?? []).join(' '), url }));
  docs.push(...GOLDEN_PATHS.map((g) => ({ id: `golden-path:${g.kind}`, name: g.construct, kind: 'golden path', description: g.makes, team: '', tags: g.module, url: PAGES.goldenPaths })));
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(docs);
  return `window.GOLDENPATH_SEARCH = ${JSON.stringify({ options: SEARCH_OPTIONS, index })};\n`;
}

function homePage(s: Site): string {
  const path = PAGES.home;
  const problems = s.model.problems.length
    ? `<div class="warning" role="alert"><h2>The catalog has ${s.model.problems.length} dangling reference(s)</h2><ul>${s.model.problems.map((p) => `<li><code>${esc(p.ref)}</code> ${esc(p.field)} ${esc(p.message)}</li>`).join('')}</ul></div>`
    : '';
  const list = (title: string, items: Array<[string, string, string]>) =>
    `<section aria-labelledby="h-${esc(title.toLowerCase())}"><h2 id="h-${esc(title.toLowerCase())}">${esc(title)}</h2><ul class="cards">${items.map(([href, name, note]) =>
      `<li><a href="${rel(path, href)}">${esc(name)}</a><span>${esc(note)}</span></li>`).join('')}</ul></section>`;
  const body = [
    '<h1>Golden Path portal</h1>',
    problems,
    '<form class="search" role="search" onsubmit="return false"><label for="q">Search services, APIs, teams, environments and golden paths</label>',
    '<input id="q" type="search" autocomplete="off" placeholder="e.g. ledger, postgres, payments" aria-controls="results"></form>',
    '<p id="results-status" class="visually-hidden" aria-live="polite"></p><ul id="results" class="results"></ul>',
    list('Services', kindOf(s, 'Component').map((r) => [PAGES.component(r.entity.metadata.name), r.entity.metadata.name, `${teamOf(r) ?? ''} · ${s.cards.get(r.ref)?.level ?? ''}`])),
    list('Teams', kindOf(s, 'Group').map((r) => [PAGES.team(r.entity.metadata.name), r.entity.metadata.name, str(r.entity.metadata.annotations?.[ANNOTATIONS.costCentre]) ?? ''])),
    list('Environments', kindOf(s, 'Resource').filter((r) => r.entity.spec.type === 'environment').map((r) => [PAGES.environment(r.entity.metadata.name), r.entity.metadata.name, r.entity.metadata.annotations?.[ANNOTATIONS.account] ?? ''])),
    list('APIs', kindOf(s, 'API').map((r) => [PAGES.api(r.entity.metadata.name), r.entity.metadata.name, String(r.entity.spec.type)])),
    list('Golden paths', GOLDEN_PATHS.map((g) => [`${PAGES.goldenPaths}#${g.kind}`, g.construct, g.module])),
  ].join('\n');
  return page(path, 'Home', body, ['assets/minisearch.js', 'assets/search-index.js']);
}

function findingRows(findings: readonly Finding[]): string[][] {
  return findings.filter((f) => f.status !== 'suppressed').map((f) => [
    `<code>${esc(f.ruleId)}</code>`, esc(f.severity), esc(f.status), `<code>${esc(f.constructPath ?? f.address)}</code>`, esc(f.message), esc(f.remediation),
  ]);
}

function suppressionRows(findings: readonly Finding[]): string[][] {
  return findings.filter((f) => f.status === 'suppressed').map((f) => [
    `<code>${esc(f.ruleId)}</code>`, `<code>${esc(f.constructPath ?? f.address)}</code>`, esc(f.suppression?.reason), esc(f.suppression?.expires ?? 'never'),
  ]);
}

async function componentPage(s: Site, r: CatalogRecord): Promise<string> {
  const name = r.entity.metadata.name;
  const path = PAGES.component(name);
  const team = teamOf(r);
  const group = team ? s.records.get(`group:default/${team}`) : undefined;
  const onCall = group?.sources.map((x) => str(x.facts.onCall)).find(Boolean);
  const card = s.cards.get(r.ref);
  const envs = environmentsOf(r);
  const repo = repositoryOf(r.entity as unknown as EntityFact, s.model.repositories as readonly RepositoryFact[]);
  const workflowUrl = repo?.workflow ? `https://github.com/${repo.slug}/actions/workflows/${repo.workflow.split('/').pop()}` : undefined;
  const spec = r.entity.spec;
  const deps = (Array.isArray(spec.dependsOn) ? spec.dependsOn : []) as string[];
  const depRecords = deps.map((d) => s.records.get(normalizeRef(d, '') ?? '')).filter((x): x is CatalogRecord => !!x);
  // one node per dependency the service declares (its per-environment resources share it)
  const declared = new Map<string, string>();
  for (const e of envs) {
    for (const d of (Array.isArray(e.dependencies) ? e.dependencies : []) as Array<{ name: string; entity: string }>) {
      const rec = s.records.get(normalizeRef(d.entity, '') ?? '');
      declared.set(d.name, String(rec?.entity.spec.type ?? 'resource'));
    }
  }
  const provided = ((Array.isArray(spec.providesApis) ? spec.providesApis : []) as string[]).map((a) => a.replace(/^api:/, ''));
  const consumed = ((Array.isArray(spec.consumesApis) ? spec.consumesApis : []) as string[]).map((a) => a.replace(/^api:/, ''));
  const callers = [...new Set(envs.flatMap((e) => ((Array.isArray(e.callers) ? e.callers : []) as Array<{ namespace: string; app?: string }>)
    .map((c) => c.app ?? `${c.namespace}/*`)))].sort();
  const graph = await renderGraph(`Dependencies of ${name}`, [
    { id: `service:${name}`, label: name, kind: 'self' },
    ...[...declared].map(([dep, type]) => ({ id: `dependency:${dep}`, label: `${dep} (${type})`, kind: 'dependency' })),
    ...provided.map((a) => ({ id: `provides:${a}`, label: `provides ${a}`, kind: 'api', href: rel(path, PAGES.api(a)) })),
    ...consumed.map((a) => ({ id: `consumes:${a}`, label: `calls ${a}`, kind: 'api', href: s.records.has(`api:default/${a}`) ? rel(path, PAGES.api(a)) : undefined })),
    ...callers.map((c) => ({ id: `caller:${c}`, label: `caller ${c}`, kind: 'caller', href: s.records.has(`component:default/${c}`) ? rel(path, PAGES.component(c)) : undefined })),
  ], [
    ...[...declared.keys()].map((dep) => ({ from: `service:${name}`, to: `dependency:${dep}` })),
    ...provided.map((a) => ({ from: `service:${name}`, to: `provides:${a}` })),
    ...consumed.map((a) => ({ from: `service:${name}`, to: `consumes:${a}` })),
    ...callers.map((c) => ({ from: `caller:${c}`, to: `service:${name}` })),
  ]);
  const links = (r.entity.metadata.links ?? []).map((l) => `<li>${external(l.url, l.title)}</li>`).join('');
  const slos = envs.flatMap((e) => ((Array.isArray(e.slos) ? e.slos : []) as Array<any>).map((o) => ({ env: String(e.environment), ...o })));
  const sloHtml = slos.length ? slos.map((o) => `<h3>${esc(o.name)} in ${esc(o.env)}: ${esc(o.objectivePercent)}% over ${esc(o.periodDays)} days</h3>` +
    table(`Burn-rate alerts of ${o.name} in ${o.env}`, ['severity', 'long window', 'short window', 'burn rate', 'error ratio above'],
      ((o.alerts ?? []) as Array<any>).map((a) => [esc(a.severity), esc(a.long), esc(a.short), `${esc(a.burnRate)}×`, esc(a.threshold)]))).join('') : '<p class="empty">No SLO yet: give the Service <code>slo: { objectivePercent: 99.9 }</code>.</p>';
  const level = card?.level ?? 'none';
  const next = card?.nextLevel ?? [];
  const nextName = SCORECARD_LEVELS[level === 'none' ? 0 : SCORECARD_LEVELS.indexOf(level as typeof SCORECARD_LEVELS[number]) + 1];
  const depSnippet = 'dependencies: {\n  // existing ones stay; add one of: postgres, bucket, queue, cache\n  orders: { type: \'queue\' },\n},';
  const body = [
    `<h1>${esc(name)}</h1>`,
    `<p class="lead">${esc(r.entity.metadata.description ?? 'No description yet.')}</p>`,
    `<ul class="badges"><li>lifecycle: ${esc(spec.lifecycle)}</li><li class="level level-${esc(level)}">scorecard: ${esc(level)}</li><li>guardrails: ${esc(r.entity.metadata.annotations?.[ANNOTATIONS.guardrails] ?? 'unknown')}</li></ul>`,
    '<section aria-labelledby="h-owner"><h2 id="h-owner">Owner and on-call</h2>',
    `<dl><dt>Owner</dt><dd class="owner">${team ? teamLink(s, path, team) : 'none'}</dd>`,
    `<dt>On-call</dt><dd class="on-call">${onCall ? external(onCall.includes('@') && !onCall.startsWith('https://') ? `mailto:${onCall}` : onCall, onCall) : 'none'}</dd>`,
    `<dt>Repository</dt><dd>${repo ? external(`https://github.com/${repo.slug}`, repo.slug) : 'none'}</dd>`,
    `<dt>Delivery workflow</dt><dd>${workflowUrl ? external(workflowUrl, repo!.workflow!) : 'none'}</dd></dl></section>`,
    '<section aria-labelledby="h-actions"><h2 id="h-actions">Actions</h2><ul class="actions">',
    workflowUrl ? `<li><a class="action" href="${esc(workflowUrl)}" rel="noopener" data-action="deploy">Deploy or provision an environment</a> <span>Run workflow, pick the environment; applies wait for its reviewers.</span></li>` : '<li>Deploy: link a repository with the Repository construct first.</li>',
    `<li>${snippet('Add a dependency to the Service', depSnippet)}</li>`,
    '</ul></section>',
    '<section aria-labelledby="h-envs"><h2 id="h-envs">Environments</h2>',
    table(`Where ${name} runs`, ['environment', 'stack', 'account', 'region', 'cluster', 'namespace', 'image'], envs.map((e) => [
      s.records.has(`resource:default/${e.environment}`) ? `<a href="${rel(path, PAGES.environment(String(e.environment)))}">${esc(e.environment)}</a>` : esc(e.environment),
      `<code>${esc(e.stack)}</code>`, esc(e.account), esc(e.region), esc(e.cluster), esc(e.namespace), `<code>${esc(e.image)}</code>`,
    ])),
    '</section>',
    '<section aria-labelledby="h-deps"><h2 id="h-deps">Dependencies</h2>',
    `<figure class="graph-figure" tabindex="0">${graph}<figcaption>What ${esc(name)} depends on, the APIs it provides and calls, and who calls it (laid out with ELK).</figcaption></figure>`,
    table('Data stores', ['entity', 'type', 'environment', 'account', 'encrypted with the environment key'], depRecords.map((d) => [
      `<code>${esc(d.entity.metadata.name)}</code>`, esc(d.entity.spec.type), esc(d.entity.metadata.annotations?.[ANNOTATIONS.environment]), esc(d.entity.metadata.annotations?.[ANNOTATIONS.account]),
      d.sources.every((x) => x.facts.encryptedWithEnvironmentKey === true) ? 'yes' : 'no',
    ])),
    '</section>',
    `<section aria-labelledby="h-slo"><h2 id="h-slo">SLOs and alerts</h2>${sloHtml}</section>`,
    `<section aria-labelledby="h-links"><h2 id="h-links">Dashboards, traces and runbook</h2>${links ? `<ul class="links">${links}</ul>` : '<p class="empty">No links yet.</p>'}</section>`,
    pluginPanels(envs),
    `<section id="scorecard" aria-labelledby="h-scorecard"><h2 id="h-scorecard">Scorecard: ${esc(level)}</h2>`,
    nextName ? `<p>To reach <strong>${esc(nextName)}</strong>:</p><ul class="lift">${next.map((c) => `<li><code>${esc(c.id)}</code> ${esc(c.title)}: ${esc(c.fix)}</li>`).join('')}</ul>` : '<p>Top level: every check passes.</p>',
    table('Every check', ['level', 'check', 'status', 'fix'], (card?.results ?? []).map((c) => [esc(c.level), `<code>${esc(c.id)}</code> ${esc(c.title)}`, `<span class="status status-${esc(c.status)}">${esc(c.status)}</span>`, esc(c.fix)])),
    '</section>',
    '<section aria-labelledby="h-guardrails"><h2 id="h-guardrails">Guardrails</h2>',
    table('Findings', ['rule', 'severity', 'status', 'construct', 'message', 'fix'], findingRows(r.findings)),
    table('Suppressions', ['rule', 'construct', 'reason', 'expires'], suppressionRows(r.findings)),
    '</section>',
  ].join('\n');
  return page(path, name, body);
}

/** Sections plugins added to the service (recorded in its facts), once each across environments. */
function pluginPanels(envs: Array<Record<string, any>>): string {
  const panels = new Map<string, { title: string; text?: string; links?: Array<{ title: string; url: string }> }>();
  for (const e of envs) for (const p of (Array.isArray(e.panels) ? e.panels : [])) panels.set(JSON.stringify(p), p);
  return [...panels.values()].map((p, i) => `<section class="panel" aria-labelledby="h-panel-${i}"><h2 id="h-panel-${i}">${esc(p.title)}</h2>` +
    `${p.text ? `<p>${esc(p.text)}</p>` : ''}${p.links?.length ? `<ul class="links">${p.links.map((l) => `<li>${external(l.url, l.title)}</li>`).join('')}</ul>` : ''}</section>`).join('\n');
}

function teamPage(s: Site, r: CatalogRecord): string {
  const name = r.entity.metadata.name;
  const path = PAGES.team(name);
  const facts = r.sources[0]?.facts ?? {};
  const services = kindOf(s, 'Component').filter((c) => teamOf(c) === name);
  const resources = kindOf(s, 'Resource').filter((c) => teamOf(c) === name && c.entity.spec.type !== 'environment');
  const members = ((Array.isArray(r.entity.spec.members) ? r.entity.spec.members : []) as string[]).map((m) => m.replace(/^user:/, ''));
  const onCall = str(facts.onCall);
  const template = s.options.backstageUrl
    ? `<p>${external(`${s.options.backstageUrl.replace(/\/+$/, '')}/create/templates/default/${s.options.templateName ?? 'goldenpath-service'}`, 'Create a service in Backstage')}</p>`
    : '';
  const body = [
    `<h1>Team ${esc(name)}</h1>`,
    `<dl><dt>On-call</dt><dd>${onCall ? external(onCall.startsWith('https://') ? onCall : `mailto:${onCall}`, onCall) : 'none'}</dd>`,
    `<dt>Cost centre</dt><dd>${esc(str(facts.costCentre) ?? 'none')}</dd>`,
    `<dt>Members</dt><dd>${members.length ? members.map(esc).join(', ') : 'none'}</dd></dl>`,
    '<section aria-labelledby="h-create"><h2 id="h-create">Create a service</h2>',
    snippet(`Create a service for ${name}`, `npx goldenpath new service my-service --team ${name}`),
    template,
    '</section>',
    '<section aria-labelledby="h-services"><h2 id="h-services">Services and scorecards</h2>',
    table(`Services of ${name}`, ['service', 'lifecycle', 'scorecard', 'to reach the next level'], services.map((c) => {
      const card = s.cards.get(c.ref);
      return [`<a href="${rel(path, PAGES.component(c.entity.metadata.name))}">${esc(c.entity.metadata.name)}</a>`, esc(c.entity.spec.lifecycle), esc(card?.level),
        esc(card?.nextLevel.map((x) => x.id).join(', ') || 'top level')];
    })),
    '</section>',
    '<section aria-labelledby="h-resources"><h2 id="h-resources">Resources</h2>',
    table(`Resources of ${name}`, ['entity', 'type', 'environment', 'account', 'region'], resources.map((c) => [
      `<code>${esc(c.entity.metadata.name)}</code>`, esc(c.entity.spec.type), esc(c.entity.metadata.annotations?.[ANNOTATIONS.environment]),
      esc(c.entity.metadata.annotations?.[ANNOTATIONS.account]), esc(c.entity.metadata.annotations?.[ANNOTATIONS.region]),
    ])),
    '</section>',
  ].join('\n');
  return page(path, `Team ${name}`, body);
}

async function environmentPage(s: Site, r: CatalogRecord): Promise<string> {
  const name = r.entity.metadata.name;
  const path = PAGES.environment(name);
  const facts = r.sources[0]?.facts ?? {};
  const parts = ((Array.isArray(r.entity.spec.dependsOn) ? r.entity.spec.dependsOn : []) as string[]).map((d) => s.records.get(normalizeRef(d, '') ?? '')).filter((x): x is CatalogRecord => !!x);
  const network = parts.find((p) => p.entity.spec.type === 'network')?.sources[0]?.facts ?? {};
  const cluster = parts.find((p) => p.entity.spec.type === 'kubernetes-cluster')?.sources[0]?.facts ?? {};
  const envStacks = s.stacks.filter((x) => x.json?.['//']?.[METADATA_KEY]?.environment === name);
  const inEnv = new Set(envStacks.map((x) => x.name));
  const graph = await renderGraph(`Stacks of ${name} and what they depend on`, [
    ...envStacks.map((x) => ({ id: x.name, label: x.name, kind: 'stack' })),
    ...envStacks.flatMap((x) => x.dependencies.filter((d) => !inEnv.has(d)).map((d) => ({ id: d, label: d, kind: 'outside' }))),
  ], envStacks.flatMap((x) => x.dependencies.map((d) => ({ from: x.name, to: d }))));
  const teams = ((Array.isArray(facts.teams) ? facts.teams : []) as string[]);
  const body = [
    `<h1>Environment ${esc(name)}</h1>`,
    `<p class="lead">${esc(r.entity.metadata.description)}</p>`,
    `<dl><dt>Account</dt><dd>${esc(facts.account)}</dd><dt>Region</dt><dd>${esc(facts.region)}</dd><dt>Profile</dt><dd>${esc(facts.profile)}${facts.production ? ' (production)' : ''}</dd>`,
    `<dt>Network</dt><dd>${network.cidr ? `${esc(network.cidr)} over ${esc((network.availabilityZones as string[] ?? []).join(', '))}; NAT ${esc(network.natGateways)}` : 'none'}</dd>`,
    `<dt>Cluster</dt><dd>${cluster.clusterName ? `${esc(cluster.clusterName)} (EKS ${esc(cluster.version)}, ${cluster.publicEndpoint ? 'public' : 'private'} endpoint)` : 'none'}</dd>`,
    `<dt>Teams</dt><dd>${teams.length ? teams.map((t) => teamLink(s, path, t)).join(', ') : 'none'}</dd></dl>`,
    '<section aria-labelledby="h-actions"><h2 id="h-actions">Provision or update</h2>',
    s.model.repositories.length
      ? `<ul class="actions">${s.model.repositories.map((repo) => `<li><a class="action" href="https://github.com/${esc(repo.slug)}/actions/workflows/${esc((repo.workflow ?? '').split('/').pop())}" rel="noopener" data-action="provision">Run the ${esc(repo.slug)} workflow for ${esc(name)}</a></li>`).join('')}</ul>`
      : '<p class="empty">No repository with a delivery workflow.</p>',
    '</section>',
    `<section aria-labelledby="h-stacks"><h2 id="h-stacks">Stacks</h2><figure class="graph-figure" tabindex="0">${graph}<figcaption>Stacks of ${esc(name)} and the stacks they read from (manifest.json).</figcaption></figure>`,
    table(`Stacks of ${name}`, ['stack', 'depends on'], envStacks.map((x) => [`<code>${esc(x.name)}</code>`, x.dependencies.map((d) => `<code>${esc(d)}</code>`).join(', ') || 'nothing'])),
    '</section>',
  ].join('\n');
  return page(path, `Environment ${name}`, body);
}

function apiPage(s: Site, r: CatalogRecord): string {
  const name = r.entity.metadata.name;
  const path = PAGES.api(name);
  const definition = r.entity.spec.definition;
  const providers = kindOf(s, 'Component').filter((c) => ((c.entity.spec.providesApis ?? []) as string[]).includes(`api:${name}`));
  const consumers = kindOf(s, 'Component').filter((c) => ((c.entity.spec.consumesApis ?? []) as string[]).includes(`api:${name}`));
  const who = (list: CatalogRecord[]) => list.map((c) => `<a href="${rel(path, PAGES.component(c.entity.metadata.name))}">${esc(c.entity.metadata.name)}</a>`).join(', ') || 'none';
  let rendered = '';
  if (typeof definition === 'string') {
    let doc: any;
    try {
      doc = parseYaml(definition);
    } catch {
      doc = undefined;
    }
    const ops: string[][] = [];
    for (const [p, item] of Object.entries<any>(doc?.paths ?? doc?.channels ?? {})) {
      for (const [method, op] of Object.entries<any>(item ?? {})) {
        if (typeof op !== 'object' || op === null) continue;
        ops.push([`<code>${esc(method.toUpperCase())}</code>`, `<code>${esc(p)}</code>`, esc(op.summary ?? op.description ?? '')]);
      }
    }
    rendered = [
      `<p>${esc(doc?.info?.title ?? name)} ${esc(doc?.info?.version ? `version ${doc.info.version}` : '')}</p>`,
      table('Operations', ['method', 'path or channel', 'summary'], ops),
      `<details><summary>The whole ${esc(r.entity.spec.type)} document</summary><pre tabindex="0"><code>${esc(definition)}</code></pre></details>`,
    ].join('\n');
  } else if (definition && typeof definition === 'object') {
    const url = Object.values(definition as Record<string, string>)[0];
    rendered = `<p>The definition lives at ${external(url, url)}.</p>`;
  }
  const body = [
    `<h1>API ${esc(name)}</h1>`,
    `<p class="lead">${esc(r.entity.metadata.description ?? '')}</p>`,
    `<dl><dt>Type</dt><dd>${esc(r.entity.spec.type)}</dd><dt>Owner</dt><dd>${esc(teamOf(r))}</dd><dt>Lifecycle</dt><dd>${esc(r.entity.spec.lifecycle)}</dd>`,
    `<dt>Provided by</dt><dd>${who(providers)}</dd><dt>Called by</dt><dd>${who(consumers)}</dd></dl>`,
    `<section aria-labelledby="h-def"><h2 id="h-def">Definition</h2>${rendered}</section>`,
  ].join('\n');
  return page(path, `API ${name}`, body);
}

function goldenPathsPage(s: Site): string {
  const path = PAGES.goldenPaths;
  const counts = new Map<string, number>();
  for (const x of s.stacks) {
    const seen = new Set<string>();
    for (const byName of Object.values<any>(x.json?.resource ?? {})) {
      for (const config of Object.values<any>(byName ?? {})) {
        const kind = config?.['//']?.[METADATA_KEY]?.kind;
        const at = config?.['//']?.metadata?.path;
        // count constructs, not resources: the first path segment below the kind's construct
        if (typeof kind === 'string' && typeof at === 'string') seen.add(`${kind}\u0000${at.split('/').slice(0, 3).join('/')}`);
      }
    }
    for (const key of seen) counts.set(key.split('\u0000')[0], (counts.get(key.split('\u0000')[0]) ?? 0) + 1);
  }
  const templates = kindOf(s, 'Template');
  const body = [
    '<h1>Golden paths</h1>',
    '<p class="lead">What the platform gives a team, what each path makes, and how to start one.</p>',
    ...GOLDEN_PATHS.map((g) => `<section id="${esc(g.kind)}" aria-labelledby="h-${esc(g.kind)}"><h2 id="h-${esc(g.kind)}">${esc(g.construct)}</h2>` +
      `<p>${esc(g.makes)}</p><p>From <code>${esc(g.module)}</code>; in use ${counts.get(g.kind) ?? 0} time(s) in this app.</p>${snippet(`Use ${g.construct}`, g.snippet)}</section>`),
    '<section aria-labelledby="h-templates"><h2 id="h-templates">Templates</h2>',
    templates.length ? `<ul>${templates.map((t) => `<li>${esc(t.entity.metadata.name)}: ${esc(t.entity.metadata.description ?? '')}</li>`).join('')}</ul>` : '<p>Start a service repository with <code>npx goldenpath new service &lt;name&gt; --team &lt;team&gt;</code>.</p>',
    '</section>',
  ].join('\n');
  return page(path, 'Golden paths', body);
}

function guardrailsPage(s: Site): string {
  const path = PAGES.guardrails;
  const team = (f: Finding) => {
    const st = s.stacks.find((x) => x.name === f.stack);
    const own = (st?.json?.resource ? Object.values<any>(st.json.resource).flatMap((b) => Object.values<any>(b)) : []).find((c) => c?.['//']?.metadata?.path === f.constructPath);
    return String(own?.['//']?.[METADATA_KEY]?.team ?? st?.json?.['//']?.[METADATA_KEY]?.team ?? '(none)');
  };
  const byTeam = new Map<string, Finding[]>();
  for (const f of s.report.findings) byTeam.set(team(f), [...(byTeam.get(team(f)) ?? []), f]);
  const horizon = new Date(Date.parse(s.options.today) + 30 * 86400000).toISOString().slice(0, 10);
  const expiring = s.report.findings.filter((f) => f.status === 'suppressed' && f.suppression?.expires && f.suppression.expires <= horizon);
  const rules = new RuleSet(BUILT_IN_PACKS).rules;
  const count = (list: Finding[], test: (f: Finding) => boolean) => String(list.filter(test).length);
  const body = [
    '<h1>Guardrails</h1>',
    `<p class="lead">${esc(s.report.summary.rules)} rules over ${esc(s.report.summary.resources)} resources in ${esc(s.report.summary.stacks)} stacks: ` +
      `${esc(s.report.summary.error)} error, ${esc(s.report.summary.warning)} warning, ${esc(s.report.summary.info)} info, ${esc(s.report.summary.unknown)} unknown, ${esc(s.report.summary.suppressed)} suppressed.</p>`,
    '<section aria-labelledby="h-teams"><h2 id="h-teams">Findings per team</h2>',
    table('Findings per team', ['team', 'error', 'warning', 'info', 'unknown', 'suppressed'], [...byTeam].sort(([a], [b]) => a.localeCompare(b)).map(([t, list]) => [
      esc(t), count(list, (f) => f.status === 'fail' && f.severity === 'error'), count(list, (f) => f.status === 'fail' && f.severity === 'warning'),
      count(list, (f) => f.status === 'fail' && f.severity === 'info'), count(list, (f) => f.status === 'unknown'), count(list, (f) => f.status === 'suppressed'),
    ])),
    table('Open findings', ['rule', 'severity', 'status', 'construct', 'message', 'fix'], findingRows(s.report.findings)),
    '</section>',
    `<section aria-labelledby="h-expiring"><h2 id="h-expiring">Suppressions that expire by ${esc(horizon)}</h2>`,
    table('Expiring suppressions', ['rule', 'construct', 'reason', 'expires'], suppressionRows(expiring)),
    '<details><summary>Every suppression, with its reason</summary>',
    table('Suppressions', ['rule', 'construct', 'reason', 'expires'], suppressionRows(s.report.findings)),
    '</details></section>',
    '<section aria-labelledby="h-rules"><h2 id="h-rules">Rules</h2>',
    table('Built-in rules', ['rule', 'title', 'severity', 'pack', 'Checkov'], rules.map((a) => [
      `<code>${esc(a.rule.id)}</code>`, esc(a.rule.title), esc(a.severity), esc(a.pack.name), esc((a.rule.checkov ?? []).join(', ')),
    ])),
    '</section>',
  ].join('\n');
  return page(path, 'Guardrails', body);
}
