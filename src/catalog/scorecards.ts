import { CatalogModel, CatalogRecord, normalizeRef } from './model';
import { ANNOTATIONS } from '../core/catalog-facts';
import type { ScorecardCheckData } from '../plugins/contract';

export type ScorecardLevel = 'bronze' | 'silver' | 'gold';
export const SCORECARD_LEVELS: readonly ScorecardLevel[] = ['bronze', 'silver', 'gold'];
export type CheckStatus = 'pass' | 'fail' | 'unknown';

/** What a check sees of one component. */
export interface ScorecardContext {
  readonly record: CatalogRecord;
  /** Every record of the catalog, by reference (`group:default/payments`). */
  readonly records: ReadonlyMap<string, CatalogRecord>;
  /** The day the scorecard is for (suppressions expire by date). */
  readonly today: string;
}

/**
 * One scorecard check: data, so plugins can add their own. `evaluate` reads only the catalog
 * model; a check that cannot tell says `unknown`, which is not a pass and not a fail.
 */
export interface ScorecardCheck {
  readonly id: string;
  readonly level: ScorecardLevel;
  readonly title: string;
  /** Why it matters. */
  readonly reason: string;
  /** What to change to pass it. */
  readonly fix: string;
  evaluate(ctx: ScorecardContext): CheckStatus;
}

export interface CheckResult {
  readonly id: string;
  readonly level: ScorecardLevel;
  readonly title: string;
  readonly status: CheckStatus;
  readonly fix: string;
}

/** A component's scorecard: its level (cumulative), every result, and what lifts it a level. */
export interface Scorecard {
  readonly ref: string;
  readonly name: string;
  readonly team?: string;
  readonly level: ScorecardLevel | 'none';
  readonly results: CheckResult[];
  /** The checks of the next level that do not pass yet. */
  readonly nextLevel: CheckResult[];
}

const facts = (ctx: ScorecardContext) => ctx.record.sources.map((s) => s.facts);
const every = (ctx: ScorecardContext, test: (f: Record<string, unknown>) => boolean): CheckStatus =>
  facts(ctx).length > 0 && facts(ctx).every(test) ? 'pass' : 'fail';
function ownerGroup(ctx: ScorecardContext): CatalogRecord | undefined {
  const owner = ctx.record.entity.spec.owner;
  const ref = typeof owner === 'string' ? normalizeRef(owner, 'group') : undefined;
  return ref ? ctx.records.get(ref) : undefined;
}
const annotation = (ctx: ScorecardContext, key: string) => ctx.record.entity.metadata.annotations?.[key];
const daysAfter = (day: string, days: number) => new Date(Date.parse(day) + days * 86400000).toISOString().slice(0, 10);

export const SCORECARD_CHECKS: readonly ScorecardCheck[] = [
  {
    id: 'SC-OWNER',
    level: 'bronze',
    title: 'The owner resolves to a team',
    reason: 'Someone must be reachable for every service; an owner nobody can find is no owner.',
    fix: 'Set the team in GoldenPathContext (Platform team stacks do) and list the team in Platform `teams`.',
    evaluate: (ctx) => (ownerGroup(ctx) ? 'pass' : 'fail'),
  },
  {
    id: 'SC-DESCRIPTION',
    level: 'bronze',
    title: 'A description is set',
    reason: 'People find and judge a service by what it says it does.',
    fix: 'Give the Service a `description`.',
    evaluate: (ctx) => (ctx.record.entity.metadata.description ? 'pass' : 'fail'),
  },
  {
    id: 'SC-REPOSITORY',
    level: 'bronze',
    title: 'The repository is linked',
    reason: 'The code, its history and its reviews are one click away.',
    fix: "Create the team's repository with the Repository construct (named like the service, or the team's only one).",
    evaluate: (ctx) => (annotation(ctx, 'github.com/project-slug') ? 'pass' : 'fail'),
  },
  {
    id: 'SC-ON-CALL',
    level: 'silver',
    title: 'The owning team has an on-call contact',
    reason: 'Pages need somewhere to go at 3 a.m.',
    fix: 'Set `onCall` (an e-mail address or an https URL of the rota) on the team in Platform `teams`.',
    evaluate: (ctx) => {
      const group = ownerGroup(ctx);
      if (!group) return 'unknown';
      return group.sources.some((s) => typeof s.facts.onCall === 'string') ? 'pass' : 'fail';
    },
  },
  {
    id: 'SC-SLO',
    level: 'silver',
    title: 'An SLO in every environment',
    reason: 'An objective says when reliability work beats feature work.',
    fix: 'Give the Service `slo: { objectivePercent: 99.9 }`.',
    evaluate: (ctx) => every(ctx, (f) => Array.isArray(f.slos) && f.slos.length > 0),
  },
  {
    id: 'SC-DASHBOARD',
    level: 'silver',
    title: 'A dashboard in every environment',
    reason: 'The golden signals in one place shorten every incident.',
    fix: 'Give the Service an SLO (a dashboard comes with it) or `dashboard: true`.',
    evaluate: (ctx) => every(ctx, (f) => typeof f.dashboard === 'string'),
  },
  {
    id: 'SC-ALERTS-ROUTED',
    level: 'silver',
    title: "Alerts are routed to the team's topics",
    reason: 'An alert nobody receives is noise in a console.',
    fix: 'Build the service environment with platform.serviceEnvironment(env, team) so its alarms reach the team, and set an SLO.',
    evaluate: (ctx) => every(ctx, (f) => f.alertsRouted === true && Array.isArray(f.slos) && f.slos.length > 0),
  },
  {
    id: 'SC-NO-ERRORS',
    level: 'silver',
    title: 'No error findings from the guardrails',
    reason: 'An error-level guardrail finding is a known hole.',
    fix: 'Run `goldenpath check` and fix the errors it lists for this service.',
    evaluate: (ctx) => {
      if (ctx.record.findings.some((f) => f.status === 'fail' && f.severity === 'error')) return 'fail';
      return ctx.record.findings.some((f) => f.status === 'unknown' && f.severity === 'error') ? 'unknown' : 'pass';
    },
  },
  {
    id: 'SC-RUNBOOK',
    level: 'gold',
    title: 'A runbook',
    reason: 'The person paged should not have to guess the first step.',
    fix: 'Give the Service `runbookUrl`.',
    evaluate: (ctx) => every(ctx, (f) => typeof f.runbook === 'string'),
  },
  {
    id: 'SC-DOCS',
    level: 'gold',
    title: 'Docs in TechDocs',
    reason: 'Docs next to the code stay true longer.',
    fix: 'Keep mkdocs.yml and docs/ in the repository and set `techDocs: true` on the Repository.',
    evaluate: (ctx) => (annotation(ctx, 'backstage.io/techdocs-ref') ? 'pass' : 'fail'),
  },
  {
    id: 'SC-NO-EXPIRING-SUPPRESSION',
    level: 'gold',
    title: 'No guardrail suppression expires within 30 days',
    reason: 'An exception about to lapse will turn into a failing build or a silent gap.',
    fix: 'Fix what the suppression hides, or renew it with a reason before it expires.',
    evaluate: (ctx) => {
      const horizon = daysAfter(ctx.today, 30);
      return ctx.record.findings.some((f) => f.status === 'suppressed' && f.suppression?.expires !== undefined && f.suppression.expires <= horizon) ? 'fail' : 'pass';
    },
  },
  {
    id: 'SC-DELIVERY',
    level: 'gold',
    title: 'A delivery workflow with plan review',
    reason: 'Every change is planned, reviewed and applied by the pipeline, not by hand.',
    fix: "Create the team's repository with the Repository construct: it commits the goldenpath workflow.",
    evaluate: (ctx) => (annotation(ctx, 'github.com/project-slug') && (ctx.record.entity.metadata.links ?? []).some((l) => l.type === 'workflow') ? 'pass' : 'fail'),
  },
  {
    id: 'SC-DEPENDENCIES-ENCRYPTED',
    level: 'gold',
    title: "Every dependency is encrypted with the environment's keys",
    reason: 'One key policy per environment decides who can read its data.',
    fix: 'Declare data stores as Service dependencies (they use the environment data key).',
    evaluate: (ctx) => {
      const deps = (Array.isArray(ctx.record.entity.spec.dependsOn) ? ctx.record.entity.spec.dependsOn : []) as string[];
      const records = deps.map((d) => ctx.records.get(normalizeRef(d, '') ?? ''));
      if (records.some((r) => !r)) return 'unknown';
      return records.every((r) => r!.sources.every((s) => s.facts.encryptedWithEnvironmentKey === true)) ? 'pass' : 'fail';
    },
  },
];

/** A plugin's check, given as data: every environment's facts hold the fact (present, or equal). */
export function checkFromData(data: ScorecardCheckData): ScorecardCheck {
  const read = (source: Record<string, unknown>) => data.fact.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), source);
  return {
    id: data.id,
    level: data.level,
    title: data.title,
    reason: data.reason,
    fix: data.fix,
    evaluate: (ctx) => every(ctx, (f) => {
      const v = read(f);
      return data.equals === undefined ? v !== undefined && v !== null && v !== '' : v === data.equals;
    }),
  };
}

/** Score every component; write its level and failing checks into its annotations. */
export function scoreCatalog(model: CatalogModel, options: {
  checks?: readonly ScorecardCheck[];
  today: string;
  /** Base URL of the published portal: each component links to its scorecard there. @default - no link */
  portalUrl?: string;
}): Scorecard[] {
  const checks = [...(options.checks ?? SCORECARD_CHECKS), ...model.pluginChecks.map(checkFromData)];
  const ids = new Set<string>();
  for (const c of checks) {
    if (ids.has(c.id)) throw new Error(`scorecard check ${c.id} is defined twice`);
    if (!SCORECARD_LEVELS.includes(c.level)) throw new Error(`scorecard check ${c.id} has unknown level ${c.level}`);
    ids.add(c.id);
  }
  const records = new Map(model.records.map((r) => [r.ref, r]));
  return model.records.filter((r) => r.entity.kind === 'Component').map((record) => {
    const ctx: ScorecardContext = { record, records, today: options.today };
    const results: CheckResult[] = checks.map((c) => ({ id: c.id, level: c.level, title: c.title, status: c.evaluate(ctx), fix: c.fix }));
    let level: ScorecardLevel | 'none' = 'none';
    for (const l of SCORECARD_LEVELS) {
      if (results.filter((r) => r.level === l).every((r) => r.status === 'pass')) level = l;
      else break;
    }
    const next = SCORECARD_LEVELS[level === 'none' ? 0 : SCORECARD_LEVELS.indexOf(level) + 1];
    const nextLevel = next ? results.filter((r) => r.level === next && r.status !== 'pass') : [];
    const failing = results.filter((r) => r.status !== 'pass').map((r) => r.id).sort();
    const owner = typeof record.entity.spec.owner === 'string' ? normalizeRef(record.entity.spec.owner, 'group') : undefined;
    record.entity = {
      ...record.entity,
      metadata: {
        ...record.entity.metadata,
        annotations: Object.fromEntries(Object.entries({
          ...record.entity.metadata.annotations,
          [ANNOTATIONS.scorecardLevel]: level,
          [ANNOTATIONS.scorecardFailing]: failing.join(',') || 'none',
        }).sort(([a], [b]) => a.localeCompare(b))),
        ...(options.portalUrl ? {
          links: [...(record.entity.metadata.links ?? []), {
            url: `${options.portalUrl.replace(/\/+$/, '')}/${portalPage(record.entity.metadata.name)}#scorecard`,
            title: `Scorecard: ${level}${failing.length ? ` (${failing.length} to fix)` : ''}`,
            type: 'scorecard',
          }],
        } : {}),
      },
    };
    return { ref: record.ref, name: record.entity.metadata.name, team: owner?.replace(/^group:default\//, ''), level, results, nextLevel };
  });
}

/** The scorecards as a text table per team, for `goldenpath catalog --scorecards`. */
export function renderScorecards(cards: readonly Scorecard[]): string {
  const teams = [...new Set(cards.map((c) => c.team ?? '(no owner)'))].sort();
  const lines: string[] = [];
  for (const team of teams) {
    lines.push(`${team}`);
    const mine = cards.filter((c) => (c.team ?? '(no owner)') === team).sort((a, b) => a.name.localeCompare(b.name));
    const width = Math.max(9, ...mine.map((c) => c.name.length));
    lines.push(`  ${'component'.padEnd(width)}  level   to reach the next level`);
    for (const c of mine) {
      const lift = c.nextLevel.length ? c.nextLevel.map((r) => `${r.id}${r.status === 'unknown' ? ' (unknown)' : ''}: ${r.fix}`) : ['(top level)'];
      lines.push(`  ${c.name.padEnd(width)}  ${c.level.padEnd(6)}  ${lift[0]}`);
      for (const more of lift.slice(1)) lines.push(`  ${''.padEnd(width)}          ${more}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The portal's page of a component, relative to the portal's root (the portal writes the same path). */
export function portalPage(component: string): string {
  return `components/${component}.html`;
}
