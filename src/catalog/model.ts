import { ANNOTATIONS, EntityFact, EntityKind, EntityLink, RecordedFact, RepositoryFact } from '../core/catalog-facts';
import { SynthesizedStack } from '../core/cdktf-out';
import { InputError } from '../core/errors';
import { METADATA_KEY } from '../core/metadata';
import type { ScorecardCheckData } from '../plugins/contract';
import { evaluate, RuleSet } from '../policy/engine';
import { Finding } from '../policy/model';
import { BUILT_IN_PACKS } from '../policy/packs';
import { stackView } from '../policy/stack-view';

/** A Backstage entity as written to catalog-info.yaml. */
export interface CatalogEntity {
  readonly apiVersion: string;
  readonly kind: string;
  /** The entity's own fields of the fact its construct recorded. */
  readonly metadata: Pick<EntityFact, 'name' | 'title' | 'description' | 'tags' | 'annotations' | 'links'>;
  readonly spec: Record<string, unknown>;
}

/** Where a fact came from: the stack and the construct path that recorded it. */
export interface FactSource {
  readonly stack: string;
  readonly path: string;
  /** The fact's own `facts` (per environment for a Component). */
  readonly facts: Record<string, unknown>;
}

/** One entity of the catalog, with where it came from and what the guardrails found on it. */
export interface CatalogRecord {
  /** `component:default/ledger` */
  readonly ref: string;
  entity: CatalogEntity;
  readonly sources: FactSource[];
  /** Guardrail findings (failed, unknown, suppressed) on the resources the entity's constructs made. */
  readonly findings: Finding[];
}

/** A reference that does not resolve, or two facts that disagree about one entity. */
export interface CatalogProblem {
  readonly ref: string;
  readonly field: string;
  /** The missing entity, or the conflicting value. */
  readonly target: string;
  readonly message: string;
  readonly sources: Array<{ stack: string; path: string }>;
  /** A well-formed reference to an entity none of the folders read holds (another repository's, maybe). */
  readonly missing?: boolean;
}

export interface CatalogModel {
  /** Sorted by kind (organisation first), then name. */
  readonly records: CatalogRecord[];
  /** Scorecard checks plugins recorded (as data) in the stacks' metadata. */
  readonly pluginChecks: ScorecardCheckData[];
  readonly repositories: ReadonlyArray<RepositoryFact & { readonly path: string; readonly stack: string }>;
  readonly problems: CatalogProblem[];
}

export const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';
/** The order entities are written in: who owns first, then what they own. */
export const KIND_ORDER: readonly EntityKind[] = ['Domain', 'System', 'Group', 'User', 'Template', 'Component', 'API', 'Resource'];

/** Fields that hold entity references, and the kind a bare name means there (Backstage's defaults). */
const REFERENCE_FIELDS: Record<string, { kind: string; many: boolean }> = {
  owner: { kind: 'group', many: false },
  system: { kind: 'system', many: false },
  domain: { kind: 'domain', many: false },
  parent: { kind: 'group', many: false },
  children: { kind: 'group', many: true },
  members: { kind: 'user', many: true },
  memberOf: { kind: 'group', many: true },
  dependsOn: { kind: '', many: true },
  dependencyOf: { kind: '', many: true },
  providesApis: { kind: 'api', many: true },
  consumesApis: { kind: 'api', many: true },
  subcomponentOf: { kind: 'component', many: false },
};
/** Spec fields that are lists: merged as a sorted union across facts. */
const LIST_FIELDS = new Set(Object.entries(REFERENCE_FIELDS).filter(([, f]) => f.many).map(([k]) => k));
const LIFECYCLE_RANK: Record<string, number> = { deprecated: 0, experimental: 1, production: 2 };

/** `group:payments` → `group:default/payments`; a bare name takes the field's default kind. */
export function normalizeRef(ref: string, defaultKind: string): string | undefined {
  const m = /^(?:([A-Za-z]+):)?(?:([^/:]+)\/)?([^/:]+)$/.exec(ref);
  if (!m) return undefined;
  const kind = (m[1] ?? defaultKind).toLowerCase();
  if (!kind) return undefined;
  return `${kind}:${(m[2] ?? 'default').toLowerCase()}/${m[3].toLowerCase()}`;
}

export function refOf(kind: string, name: string): string {
  return `${kind.toLowerCase()}:default/${name.toLowerCase()}`;
}

/** Read the catalog facts of every stack; a fact of the wrong shape is bad input, named with its stack. */
export function readFacts(stacks: readonly SynthesizedStack[]): Array<RecordedFact & { stack: string }> {
  const out: Array<RecordedFact & { stack: string }> = [];
  for (const s of stacks) {
    const list = s.json?.['//']?.[METADATA_KEY]?.catalog;
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new InputError(`${s.file}: "//".${METADATA_KEY}.catalog must be a list of catalog facts`);
    list.forEach((f: any, i: number) => {
      const ok = f && typeof f === 'object' && typeof f.kind === 'string' && typeof f.path === 'string' &&
        (f.kind === 'Repository' ? typeof f.slug === 'string' && typeof f.team === 'string' : typeof f.name === 'string' && f.spec && typeof f.spec === 'object');
      if (!ok) throw new InputError(`${s.file}: catalog fact ${i} is not an entity fact (kind, name, spec, path) or a repository fact`);
      out.push({ ...f, stack: s.name });
    });
  }
  return out;
}

/**
 * Build the catalog from cdktf.out: merge the facts of one entity recorded in several stacks
 * (a service in dev and prod), link components to their team's repository, attach guardrail
 * findings, and check that every reference resolves.
 */
export function buildCatalog(stacks: readonly SynthesizedStack[], options: { extraEntities?: readonly EntityFact[]; now?: Date } = {}): CatalogModel {
  const facts = readFacts(stacks);
  const problems: CatalogProblem[] = [];
  const byRef = new Map<string, { fact: EntityFact; sources: FactSource[] }>();
  const repositories = facts.filter((f): f is RepositoryFact & { path: string; stack: string } => f.kind === 'Repository')
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const entityFacts: Array<{ fact: EntityFact; stack: string; path: string }> = [
    ...facts.filter((f) => f.kind !== 'Repository').map((f) => ({ fact: f as EntityFact, stack: f.stack, path: f.path })),
    ...(options.extraEntities ?? []).map((fact) => ({ fact, stack: '', path: '' })),
  ];
  for (const { fact, stack, path } of entityFacts) {
    if (!KIND_ORDER.includes(fact.kind)) throw new InputError(`stack ${stack}: catalog fact at ${path} has unknown kind ${fact.kind}`);
    const ref = refOf(fact.kind, fact.name);
    const source: FactSource = { stack, path, facts: { ...(fact.facts ?? {}) } };
    const seen = byRef.get(ref);
    if (!seen) {
      byRef.set(ref, { fact: { ...fact, spec: { ...fact.spec } }, sources: [source] });
      continue;
    }
    seen.fact = merge(ref, seen.fact, fact, [...seen.sources, source], problems);
    seen.sources.push(source);
  }

  const report = evaluate(stacks.map((s) => stackView(s.name, s.json)), new RuleSet(BUILT_IN_PACKS), options.now);
  const records: CatalogRecord[] = [...byRef.entries()].map(([ref, { fact, sources }]) => {
    const paths = sources.filter((s) => s.stack).map((s) => ({ stack: s.stack, prefix: `${s.path}/`, path: s.path }));
    // a service's findings are its own resources', not its whole stack's
    const madeHere = (f: Finding) => paths.some((p) => f.stack === p.stack && (f.constructPath === p.path || !!f.constructPath?.startsWith(p.prefix)));
    const findings = fact.kind === 'Component' || fact.kind === 'Resource' ? report.findings.filter(madeHere) : [];
    return { ref, entity: toEntity(fact, sources, findings, repositories, byRef), sources, findings };
  });
  const rank = (r: CatalogRecord) => KIND_ORDER.indexOf(r.entity.kind as EntityKind);
  records.sort((a, b) => rank(a) - rank(b) || a.entity.metadata.name.localeCompare(b.entity.metadata.name));
  problems.push(...danglingReferences(records));
  const pluginChecks = new Map<string, ScorecardCheckData>();
  for (const s of stacks) {
    const checks = s.json?.['//']?.[METADATA_KEY]?.scorecardChecks;
    if (checks === undefined) continue;
    if (!Array.isArray(checks) || checks.some((c: any) => !c || typeof c.id !== 'string' || typeof c.fact !== 'string' || !['bronze', 'silver', 'gold'].includes(c.level))) {
      throw new InputError(`${s.file}: "//".${METADATA_KEY}.scorecardChecks must be a list of checks with id, level, fact`);
    }
    for (const c of checks) pluginChecks.set(c.id, c);
  }
  return { records, repositories, problems, pluginChecks: [...pluginChecks.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}

function merge(ref: string, a: EntityFact, b: EntityFact, sources: FactSource[], problems: CatalogProblem[]): EntityFact {
  const spec: Record<string, unknown> = { ...a.spec };
  for (const [key, value] of Object.entries(b.spec)) {
    const mine = spec[key];
    if (mine === undefined) {spec[key] = value;} else if (LIST_FIELDS.has(key) && Array.isArray(mine) && Array.isArray(value)) {spec[key] = [...new Set([...mine, ...value])];} else if (key === 'lifecycle') {spec[key] = (LIFECYCLE_RANK[String(value)] ?? 0) > (LIFECYCLE_RANK[String(mine)] ?? 0) ? value : mine;} else if (JSON.stringify(mine) !== JSON.stringify(value)) {
      problems.push({ ref, field: `spec.${key}`, target: JSON.stringify(value), message: `disagrees: ${JSON.stringify(mine)} and ${JSON.stringify(value)}`, sources: sources.map(({ stack, path }) => ({ stack, path })) });
    }
  }
  const linkKey = (l: EntityLink) => `${l.url}\u0000${l.title}`;
  const links = new Map([...(a.links ?? []), ...(b.links ?? [])].map((l) => [linkKey(l), l]));
  return {
    ...a,
    description: a.description ?? b.description,
    title: a.title ?? b.title,
    tags: [...new Set([...(a.tags ?? []), ...(b.tags ?? [])])],
    annotations: { ...(b.annotations ?? {}), ...(a.annotations ?? {}) },
    links: [...links.values()],
    spec,
  };
}

function toEntity(fact: EntityFact, sources: FactSource[], findings: Finding[], repositories: readonly RepositoryFact[],
  all: ReadonlyMap<string, { fact: EntityFact }>): CatalogEntity {
  const annotations: Record<string, string> = { ...(fact.annotations ?? {}) };
  const links: EntityLink[] = [...(fact.links ?? [])];
  const made = sources.filter((s) => s.stack);
  if (made.length) {
    annotations[ANNOTATIONS.constructPath] = [...new Set(made.map((s) => s.path))].sort().join(', ');
    annotations[ANNOTATIONS.stack] = [...new Set(made.map((s) => s.stack))].sort().join(', ');
  }
  if (fact.kind === 'Component' || fact.kind === 'Resource') {
    const fail = findings.filter((f) => f.status === 'fail');
    const count = (sev: string) => fail.filter((f) => f.severity === sev).length;
    const unknown = findings.filter((f) => f.status === 'unknown').length;
    annotations[ANNOTATIONS.guardrails] = fail.length + unknown === 0 ? 'pass' : `${count('error')} error, ${count('warning')} warning, ${count('info')} info, ${unknown} unknown`;
  }
  if (fact.kind === 'Component') {
    // the SLOs, and the owning team's on-call, where Backstage users look for them
    const slos = [...new Set(sources.flatMap((s) => (Array.isArray(s.facts.slos) ? s.facts.slos : [])
      .map((o: any) => `${o.name} ${o.objectivePercent}% over ${o.periodDays}d`)))].sort();
    if (slos.length) annotations[ANNOTATIONS.slos] = slos.join(', ');
    const owner = typeof fact.spec.owner === 'string' ? normalizeRef(fact.spec.owner, 'group') : undefined;
    links.push(...(owner ? all.get(owner)?.fact.links ?? [] : []).filter((l) => l.type === 'on-call'));
    const repo = repositoryOf(fact, repositories);
    if (repo) {
      const url = `https://github.com/${repo.slug}`;
      annotations['github.com/project-slug'] = repo.slug;
      annotations['backstage.io/source-location'] = `url:${url}/tree/${repo.defaultBranch}/`;
      if (repo.techDocs) annotations['backstage.io/techdocs-ref'] = `url:${url}/tree/${repo.defaultBranch}`;
      links.push({ url, title: 'Repository', type: 'repository' });
      if (repo.workflow) links.push({ url: `${url}/actions/workflows/${repo.workflow.split('/').pop()}`, title: 'Delivery workflow', type: 'workflow' });
    }
  }
  const sortedAnnotations = Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => a.localeCompare(b)));
  // lists sorted, and empty relation lists left out (Backstage reads a missing list as empty)
  const spec = Object.fromEntries(Object.entries(fact.spec)
    .filter(([k, v]) => !(LIST_FIELDS.has(k) && Array.isArray(v) && v.length === 0 && k !== 'children'))
    .map(([k, v]) => [k, LIST_FIELDS.has(k) && Array.isArray(v) ? [...v].sort() : v]));
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: fact.kind,
    metadata: {
      name: fact.name,
      ...(fact.title ? { title: fact.title } : {}),
      ...(fact.description ? { description: fact.description } : {}),
      ...(fact.tags?.length ? { tags: [...new Set(fact.tags)].sort() } : {}),
      ...(Object.keys(sortedAnnotations).length ? { annotations: sortedAnnotations } : {}),
      ...(links.length ? { links: dedupeLinks(links) } : {}),
    },
    spec,
  };
}

function dedupeLinks(links: EntityLink[]): EntityLink[] {
  const seen = new Map<string, EntityLink>();
  for (const l of links) seen.set(`${l.url}\u0000${l.title}`, l);
  return [...seen.values()].sort((a, b) => a.title.localeCompare(b.title) || a.url.localeCompare(b.url))
    .map((l) => ({ url: l.url, title: l.title, ...(l.type ? { type: l.type } : {}) }));
}

/** The repository of a component: the team's repository of the same name, else the team's only one. */
export function repositoryOf(fact: EntityFact, repositories: readonly RepositoryFact[]): RepositoryFact | undefined {
  const owner = typeof fact.spec.owner === 'string' ? normalizeRef(fact.spec.owner, 'group') : undefined;
  const team = owner?.startsWith('group:default/') ? owner.slice('group:default/'.length) : undefined;
  const mine = repositories.filter((r) => r.team === team);
  return mine.find((r) => r.slug.split('/')[1] === fact.name) ?? (mine.length === 1 ? mine[0] : undefined);
}

/** Every reference in every entity must name an entity of the catalog. */
function danglingReferences(records: readonly CatalogRecord[]): CatalogProblem[] {
  const known = new Set(records.map((r) => r.ref));
  const problems: CatalogProblem[] = [];
  for (const r of records) {
    const spec = r.entity.spec;
    if (['Component', 'API', 'Resource', 'System', 'Domain'].includes(r.entity.kind) && spec.owner === undefined) {
      problems.push({ ref: r.ref, field: 'spec.owner', target: '(none)', message: 'has no owner: set a team in GoldenPathContext', sources: r.sources.map(({ stack, path }) => ({ stack, path })) });
    }
    for (const [field, { kind, many }] of Object.entries(REFERENCE_FIELDS)) {
      const value = spec[field];
      if (value === undefined) continue;
      const targets = many ? (Array.isArray(value) ? value : [value]) : [value];
      for (const target of targets) {
        const normalized = typeof target === 'string' ? normalizeRef(target, kind) : undefined;
        if (normalized && known.has(normalized)) continue;
        problems.push({
          ref: r.ref,
          field: `spec.${field}`,
          target: String(target),
          message: normalized ? `refers to ${normalized}, which is not in the catalog` : `is not an entity reference: ${JSON.stringify(target)}`,
          sources: r.sources.filter((s) => s.stack).map(({ stack, path }) => ({ stack, path })),
          missing: normalized !== undefined,
        });
      }
    }
  }
  return problems;
}
