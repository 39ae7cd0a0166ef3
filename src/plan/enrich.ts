import { ResourceChange, ResourceOwnership, StackChanges } from './model';
import { isStateful } from './risk';
import { SynthesizedStack } from '../core/cdktf-out';
import { evaluateStack, RuleSet } from '../policy/engine';
import { Finding } from '../policy/model';
import { BUILT_IN_PACKS } from '../policy/packs';
import { stackView } from '../policy/stack-view';

/**
 * Add what cdktf.out knows to each change: construct path, owner, team and golden-path
 * kind from the `"//"` metadata, and the guardrail findings of the head configuration (the
 * same engine `goldenpath check` runs) on every resource that is not being destroyed.
 */
export function enrich(stacks: readonly StackChanges[], head: readonly SynthesizedStack[], base: readonly SynthesizedStack[] = [],
  ruleSet = new RuleSet(BUILT_IN_PACKS)): StackChanges[] {
  const byName = new Map(head.map((s) => [s.name, s]));
  const baseByName = new Map(base.map((s) => [s.name, s]));
  return stacks.map((changes) => {
    const synthesized = byName.get(changes.stack);
    const old = baseByName.get(changes.stack);
    if (!synthesized && !old) return changes;
    const view = stackView(changes.stack, synthesized?.json ?? {});
    // a destroyed resource is only in the base tree: that is where its owner and path are
    const baseView = old ? stackView(changes.stack, old.json) : undefined;
    const findings = new Map<string, Finding[]>();
    for (const f of evaluateStack(view, ruleSet)) {
      if (f.status === 'suppressed') continue;
      findings.set(f.address, [...(findings.get(f.address) ?? []), f]);
    }
    const add = (c: ResourceChange): ResourceChange => {
      const resource = view.byAddress(c.address) ?? (c.previousAddress ? view.byAddress(c.previousAddress) : undefined) ?? baseView?.byAddress(c.address);
      if (!resource) return c;
      const gp = resource.meta.goldenpath ?? {};
      const ownership: ResourceOwnership = { constructPath: resource.meta.metadata?.path, owner: gp.owner, team: gp.team, kind: gp.kind };
      return {
        ...c,
        ownership,
        stateful: isStateful(c.type),
        findings: c.action === 'delete' ? undefined : findings.get(c.address),
      };
    };
    return { ...changes, changes: changes.changes.map(add), drift: changes.drift.map(add) };
  });
}
