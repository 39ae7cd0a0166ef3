// A cost-allocation plugin: every AWS resource says which cost centre pays for it, a rule
// holds every resource to it, and the scorecard asks every service for one.
import type { GoldenPathPlugin } from '../../../src/plugins/contract';
import type { Rule } from '../../../src/policy/model';
import { TAGGABLE_AWS_TYPES } from '../../../src/policy/rules/ownership';
import { fail, isExpression, PASS, unknown } from '../../../src/policy/values';

export const COST_CENTRE_TAG = 'acme:cost-centre';
export const BILLING_TEAM_TAG = 'acme:billing-team';
/** Cost centres look like cc-1234. */
export const COST_CENTRE = /^cc-\d{4}$/;

export interface CostAllocationOptions {
  /** Who pays for what no team owns (the platform's own stacks). */
  readonly platformCostCentre: string;
}

/** Every taggable AWS resource carries a cost centre of the form cc-NNNN. */
export const COST_CENTRE_RULE: Rule = {
  id: 'ACME-COST-001',
  title: `Taggable resources carry ${COST_CENTRE_TAG}`,
  severity: 'error',
  rationale: 'Finance allocates every dollar to a cost centre; an untagged resource lands on the platform bill.',
  remediation: `Give the team a costCentre in Platform teams, or tag the resource ${COST_CENTRE_TAG}=cc-NNNN.`,
  resourceTypes: TAGGABLE_AWS_TYPES,
  evaluate(r) {
    const tags = r.config.tags;
    if (isExpression(tags)) return unknown('tags');
    const value = (tags as Record<string, unknown> | undefined)?.[COST_CENTRE_TAG];
    if (isExpression(value)) return unknown(`tags.${COST_CENTRE_TAG}`);
    if (typeof value !== 'string') return fail(`tag ${COST_CENTRE_TAG} is missing`, 'tags');
    return COST_CENTRE.test(value) ? PASS : fail(`tag ${COST_CENTRE_TAG} is ${JSON.stringify(value)}, not a cost centre like cc-1234`, 'tags');
  },
};

export function costAllocationPlugin(options: CostAllocationOptions): GoldenPathPlugin {
  if (!COST_CENTRE.test(options.platformCostCentre)) throw new Error(`acme-cost-allocation: platformCostCentre must look like cc-1234, got ${JSON.stringify(options.platformCostCentre)}`);
  const costCentre = (ctx: { costCentre?: string }) => ctx.costCentre ?? options.platformCostCentre;
  return {
    name: 'acme-cost-allocation',
    version: '1.0.0',
    packs: [{ name: 'acme-cost', description: 'Cost allocation: every resource has a cost centre', rules: [COST_CENTRE_RULE] }],
    tags: (ctx) => ({ [COST_CENTRE_TAG]: costCentre(ctx), [BILLING_TEAM_TAG]: ctx.team ?? 'platform' }),
    entityAnnotations: ({ kind, context }): Record<string, string> => (['Component', 'Resource'].includes(kind) ? { 'acme.example/cost-centre': costCentre(context) } : {}),
    // the team's own cost centre, not the platform's fallback: what the scorecard asks for
    entityFacts: ({ kind, context }) => (kind === 'Component' && context.costCentre ? { costCentre: context.costCentre } : {}),
    // every new service repository says how its costs are allocated
    templates: [{ kind: 'service', files: { 'COST.md': `# Costs\n\nEvery AWS resource of this service carries ${COST_CENTRE_TAG}: the owning team's cost centre (Platform \`teams[].costCentre\`).\nThe acme-cost-allocation plugin enforces it (rule ${'ACME-COST-001'}).\n` } }],
    scorecardChecks: [{
      id: 'SC-COST-CENTRE',
      level: 'bronze',
      title: "A team's cost centre pays for it",
      reason: 'Costs that land on the platform bill are costs nobody decides about.',
      fix: 'Give the owning team a costCentre in Platform teams.',
      fact: 'costCentre',
    }],
  };
}
