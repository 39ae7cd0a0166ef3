import { AUDIT_CASES } from './audit.cases';
import { Resources, RuleCases, view, viewWith } from './cases';
import { EKS_CASES } from './eks.cases';
import { ENCRYPTION_CASES } from './encryption.cases';
import { GITHUB_CASES } from './github.cases';
import { IAM_CASES } from './iam.cases';
import { KUBERNETES_CASES } from './kubernetes.cases';
import { NETWORK_CASES } from './network.cases';
import { OWNERSHIP_CASES } from './ownership.cases';
import { RDS_CASES } from './rds.cases';
import { RUNTIME_CASES } from './runtime.cases';
import { S3_CASES } from './s3.cases';
import { Rule, RuleOutcome } from '../../../src/policy/model';
import { BUILT_IN_PACKS } from '../../../src/policy/packs';

const CASES: Record<string, RuleCases> = {
  ...S3_CASES,
  ...NETWORK_CASES,
  ...IAM_CASES,
  ...ENCRYPTION_CASES,
  ...AUDIT_CASES,
  ...EKS_CASES,
  ...RDS_CASES,
  ...KUBERNETES_CASES,
  ...GITHUB_CASES,
  ...OWNERSHIP_CASES,
  ...RUNTIME_CASES,
};
const RULES: Rule[] = [...new Map(BUILT_IN_PACKS.flatMap((p) => p.rules).map((r) => [r.id, r])).values()];

function judge(rule: Rule, resources: Resources, target?: string, others?: readonly Resources[]): RuleOutcome {
  const stack = others ? viewWith(resources, others) : view(resources);
  const address = target ?? Object.keys(resources)[0];
  const resource = stack.byAddress(address) ?? (stack.backend?.address === address ? stack.backend : undefined);
  if (!resource) throw new Error(`case has no resource ${address}`);
  if (!rule.resourceTypes.includes(resource.type)) throw new Error(`${rule.id} does not look at ${resource.type}`);
  return rule.evaluate(resource, stack);
}

describe('built-in rules', () => {
  test('there are at least 80 rules with unique, well-formed ids and full metadata', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^GP-[A-Z0-9]+-\d{3}$/);
      expect([r.title, r.rationale, r.remediation].every((t) => t.length > 10)).toBe(true);
      expect(r.resourceTypes.length).toBeGreaterThan(0);
    }
  });

  test('every rule has at least one passing and one failing case', () => {
    const missing = RULES.filter((r) => !CASES[r.id]?.pass.length || !CASES[r.id]?.fail.length).map((r) => r.id);
    expect(missing).toEqual([]);
    expect(Object.keys(CASES).filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const cases = CASES[id];
    if (!cases) return;
    test.each(cases.pass.map((c, i) => [i, c] as const))('pass case %d', (_i, c) => {
      expect(judge(rule, c, cases.target, cases.others)).toEqual({ status: 'pass' });
    });
    test.each(cases.fail.map((c, i) => [i, c] as const))('fail case %d', (_i, c) => {
      const out = judge(rule, c, cases.target, cases.others);
      expect(out.status).toBe('fail');
      expect(out.status === 'fail' && out.message.length).toBeGreaterThan(5);
    });
    if (cases.unknown?.length) {
      test.each(cases.unknown.map((c, i) => [i, c] as const))('token value gives unknown, case %d', (_i, c) => {
        expect(judge(rule, c, cases.target, cases.others).status).toBe('unknown');
      });
    }
    if (cases.notApplicable?.length) {
      test.each(cases.notApplicable.map((c, i) => [i, c] as const))('not applicable, case %d', (_i, c) => {
        expect(judge(rule, c, cases.target, cases.others).status).toBe('not-applicable');
      });
    }
  });
});
