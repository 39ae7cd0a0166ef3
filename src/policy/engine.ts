import { Finding, FindingsReport, Pack, ResourceView, Rule, RuleOutcome, Severity, StackView, Suppression } from './model';

/** A rule as a pack puts it to work. */
export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly pack: Pack;
}

/**
 * Which rules apply to which resource type, after merging packs. The first pack that
 * names a rule decides its severity.
 */
export class RuleSet {
  public readonly rules: readonly ActiveRule[];
  private readonly byType = new Map<string, ActiveRule[]>();

  constructor(public readonly packs: readonly Pack[]) {
    const seen = new Map<string, ActiveRule>();
    for (const pack of packs) {
      for (const rule of pack.rules) {
        if (seen.has(rule.id)) continue;
        seen.set(rule.id, { rule, pack, severity: pack.severities?.[rule.id] ?? rule.severity });
      }
    }
    this.rules = [...seen.values()];
    for (const active of this.rules) {
      for (const type of active.rule.resourceTypes) this.byType.set(type, [...(this.byType.get(type) ?? []), active]);
    }
  }

  public forType(type: string): readonly ActiveRule[] {
    return this.byType.get(type) ?? [];
  }
}

/** Today as YYYY-MM-DD (suppressions expire by date, not time). */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A rule's outcome for a resource. With dynamic blocks whose for_each is known only at plan
 * time, the rule judges the resource with and without them: where the two answers differ,
 * the outcome waits for the plan.
 */
function judge(rule: Rule, resource: ResourceView, stack: StackView): RuleOutcome {
  const rendered = rule.evaluate(resource, stack);
  if (!resource.withoutDynamicBlocks || rendered.status === 'unknown') return rendered;
  const without = rule.evaluate({ ...resource, config: resource.withoutDynamicBlocks }, stack);
  const failed = (o: RuleOutcome) => o.status === 'fail';
  if (without.status === 'unknown') return without;
  if (failed(rendered) === failed(without)) return rendered;
  const blocks = (resource.dynamicBlocks ?? []).map((b) => `dynamic "${b}"`).join(', ');
  return { status: 'unknown', message: `the outcome depends on whether ${blocks} generates blocks (its for_each is known only at plan time)`, attribute: resource.dynamicBlocks?.[0] };
}

/** A rule that did not pass on a resource: the outcome, before it becomes a Finding. */
export interface Verdict {
  readonly resource: ResourceView;
  readonly active: ActiveRule;
  readonly outcome: Extract<RuleOutcome, { status: 'fail' | 'unknown' }>;
}

/**
 * The rules' outcomes on the resources of one stack that `judged` admits (all by default),
 * without building findings: the plan's security delta compares twenty thousand of these
 * and needs Findings for the few that differ.
 */
export function* verdicts(stack: StackView, ruleSet: RuleSet, judged?: (resource: ResourceView) => boolean): Generator<Verdict> {
  for (const resource of stack.backend ? [...stack.resources, stack.backend] : stack.resources) {
    const active = ruleSet.forType(resource.type);
    if (active.length === 0 || (judged && !judged(resource))) continue;
    for (const rule of active) {
      const outcome = judge(rule.rule, resource, stack);
      if (outcome.status === 'fail' || outcome.status === 'unknown') yield { resource, active: rule, outcome };
    }
  }
}

/** A verdict as a finding, before suppressions. */
export function findingOf(stack: StackView, { resource, active, outcome }: Verdict): Finding {
  return {
    ruleId: active.rule.id,
    title: active.rule.title,
    severity: active.severity,
    stack: stack.name,
    address: resource.address,
    constructPath: resource.meta.metadata?.path,
    attribute: outcome.attribute,
    checkov: outcome.status === 'fail' ? outcome.checkov ?? active.rule.checkov ?? [] : [],
    remediation: active.rule.remediation,
    status: outcome.status === 'fail' ? 'fail' : 'unknown',
    message: outcome.message,
  };
}

/** Run the rules over every resource of one stack. */
export function evaluateStack(stack: StackView, ruleSet: RuleSet, now = new Date()): Finding[] {
  const findings: Finding[] = [];
  const today = isoDate(now);
  const stackSuppressions: Suppression[] = Array.isArray(stack.meta.suppressions) ? stack.meta.suppressions : [];
  for (const verdict of verdicts(stack, ruleSet)) {
    const { resource, active: { rule, severity, pack }, outcome } = verdict;
    const own: Suppression[] = Array.isArray(resource.meta.goldenpath?.suppressions) ? resource.meta.goldenpath.suppressions : [];
    const suppression = own.find((s) => s.ruleId === rule.id) ?? stackSuppressions.find((s) => s.ruleId === rule.id);
    const finding = findingOf(stack, verdict);
    const notes: string[] = [];
    if (suppression) {
      if (pack.forbidSuppressingErrors && severity === 'error') {
        notes.push(`suppression refused: pack ${pack.name} does not allow suppressing error-level rules`);
      } else if (suppression.expires && suppression.expires < today) {
        notes.push(`suppression expired on ${suppression.expires} (reason was: ${suppression.reason})`);
      } else {
        findings.push({ ...finding, status: 'suppressed', suppression });
        continue;
      }
    }
    findings.push(notes.length ? { ...finding, message: [outcome.message, ...notes].join('; ') } : finding);
  }
  return findings;
}

/** Run the rules over many stacks and summarise. */
export function evaluate(views: readonly StackView[], ruleSet: RuleSet, now = new Date()): FindingsReport {
  // each stack sees the others: runtime rules judge whether they work together
  const app: { stacks: readonly StackView[] } = { stacks: [] };
  const stacks = views.map((s) => ({ ...s, app }));
  app.stacks = stacks;
  const findings = stacks.flatMap((s) => evaluateStack(s, ruleSet, now));
  const count = (f: (x: Finding) => boolean) => findings.filter(f).length;
  return {
    findings,
    summary: {
      stacks: stacks.length,
      // data sources are judged (a policy document) but are not resources
      resources: stacks.reduce((n, s) => n + s.resources.filter((r) => !r.type.startsWith('data.')).length, 0),
      rules: ruleSet.rules.length,
      error: count((f) => f.status === 'fail' && f.severity === 'error'),
      warning: count((f) => f.status === 'fail' && f.severity === 'warning'),
      info: count((f) => f.status === 'fail' && f.severity === 'info'),
      unknown: count((f) => f.status === 'unknown'),
      suppressed: count((f) => f.status === 'suppressed'),
    },
  };
}

/** Does this report reach the `--fail-on` threshold? Unknowns and suppressions never do. */
export function reachesThreshold(report: FindingsReport, failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  const order: Severity[] = ['info', 'warning', 'error'];
  const min = order.indexOf(failOn);
  return report.findings.some((f) => f.status === 'fail' && order.indexOf(f.severity) >= min);
}

