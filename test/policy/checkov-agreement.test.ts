import { parse } from '@cdktf/hcl2json';
import { CHECKOV_CASES, NO_UNKNOWN_CASE } from './checkov-agreement.cases';
import { evaluateStack, RuleSet } from '../../src/policy/engine';
import { Finding } from '../../src/policy/model';
import { BUILT_IN_PACKS } from '../../src/policy/packs';
import { stackView } from '../../src/policy/stack-view';

// Each Checkov check our rules claim is tested on Terraform written from the check's logic:
// a resource where it fails must get a failed finding citing it, one where it passes must
// get no finding citing it, and one that depends on a plan-time value must get an unknown
// finding (from a rule claiming the check) and no failure citing it.

const ruleSet = new RuleSet(BUILT_IN_PACKS);
const ALL_RULES = ruleSet.rules.map((a) => a.rule);
const claimed = [...new Set(ALL_RULES.flatMap((r) => r.checkov ?? []))].sort();

async function findingsOn(hcl: string): Promise<Finding[]> {
  const json = await parse('main.tf', hcl);
  const view = stackView('case', json);
  const target = view.resources.find((r) => r.name === 'this');
  if (!target) throw new Error(`case declares no resource named "this":\n${hcl}`);
  return evaluateStack(view, ruleSet).filter((f) => f.address === target.address);
}

describe('agreement with Checkov on every claimed check', () => {
  test('every claimed check has failing and passing cases, and an unknown case or the reason it has none', () => {
    expect(claimed.filter((id) => !CHECKOV_CASES[id]?.fail.length || !CHECKOV_CASES[id]?.pass.length)).toEqual([]);
    expect(claimed.filter((id) => !CHECKOV_CASES[id]?.unknown?.length && !NO_UNKNOWN_CASE[id])).toEqual([]);
    expect(Object.keys(NO_UNKNOWN_CASE).filter((id) => CHECKOV_CASES[id]?.unknown?.length)).toEqual([]);
    // and no cases for checks nobody claims
    expect(Object.keys(CHECKOV_CASES).filter((id) => !claimed.includes(id))).toEqual([]);
  });

  const rows = Object.entries(CHECKOV_CASES).flatMap(([id, cases]) => [
    ...cases.fail.map((hcl, i) => [id, 'fail', i, hcl] as const),
    ...cases.pass.map((hcl, i) => [id, 'pass', i, hcl] as const),
    ...(cases.unknown ?? []).map((hcl, i) => [id, 'unknown', i, hcl] as const),
  ]);

  test.each(rows)('%s %s case %d', async (id, expected, _i, hcl) => {
    const findings = await findingsOn(hcl);
    const citing = findings.filter((f) => f.status === 'fail' && f.checkov.includes(id));
    if (expected === 'fail') {
      expect(citing.map((f) => f.ruleId)).not.toEqual([]);
    } else if (expected === 'pass') {
      expect(citing.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    } else {
      expect(citing.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      const claimants = new Set(ALL_RULES.filter((r) => r.checkov?.includes(id)).map((r) => r.id));
      expect(findings.filter((f) => f.status === 'unknown' && claimants.has(f.ruleId)).map((f) => f.ruleId)).not.toEqual([]);
      // an unknown finding cites no Checkov check: none failed
      expect(findings.filter((f) => f.status === 'unknown').every((f) => f.checkov.length === 0)).toBe(true);
    }
  });
});
