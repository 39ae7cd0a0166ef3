import { readFileSync } from 'fs';
import { join } from 'path';
import { CHECKOV_GAPS } from '../../src/policy/checkov-gaps';
import { checkovComparison, parseCheckovTsv, renderGuardrailsDoc } from '../../src/policy/docs';
import { BUILT_IN_PACKS } from '../../src/policy/packs';

const root = join(__dirname, '../..');
const checks = parseCheckovTsv(readFileSync(join(root, 'docs/data/checkov-terraform-checks.tsv'), 'utf8'));

describe('docs/guardrails.md', () => {
  test('is generated from the current rule metadata (run `npx projen gen:docs` after changing rules)', () => {
    expect(readFileSync(join(root, 'docs/guardrails.md'), 'utf8')).toBe(renderGuardrailsDoc(BUILT_IN_PACKS, checks));
  });

  test('every Checkov check on our resource types has a counterpart or a reason', () => {
    expect(checks.length).toBe(484);
    const comparison = checkovComparison(BUILT_IN_PACKS, checks);
    expect(comparison.length).toBeGreaterThan(100);
    expect(comparison.filter((c) => !c.counterparts.length && !c.reason).map((c) => c.id)).toEqual([]);
  });

  test('no stale reasons: each gap is a real check on our types that we do not cover', () => {
    const comparison = new Map(checkovComparison(BUILT_IN_PACKS, checks).map((c) => [c.id, c]));
    const stale = Object.keys(CHECKOV_GAPS).filter((id) => !comparison.has(id) || comparison.get(id)!.counterparts.length > 0);
    expect(stale).toEqual([]);
  });

  test('lists every rule with its severity', () => {
    const doc = renderGuardrailsDoc(BUILT_IN_PACKS, checks);
    for (const rule of BUILT_IN_PACKS.flatMap((p) => p.rules)) expect(doc).toContain(`| ${rule.id} | ${rule.severity} |`);
  });
});
