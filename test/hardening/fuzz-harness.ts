// Fuzzed props for every public construct (fast-check): each generated case either
// synthesizes Terraform JSON that passes the built-in guardrails, or throws a
// PlatformValidationError. Never a TypeError, never invalid JSON. GOLDENPATH_FUZZ_RUNS sets the
// number of cases per construct (1,000 by default; more for longer local runs). The suites are
// split over three files so jest's workers run them side by side.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import fc from 'fast-check';
import { App, TerraformStack } from '../../src/cdk';
import { GoldenPathContext } from '../../src/core/context';
import { PlatformValidationError } from '../../src/core/errors';
import { blockingFindings, synthJson } from '../helpers';

export const RUNS = Number(process.env.GOLDENPATH_FUZZ_RUNS ?? 1000);

/** Values that break naive code: wrong types, empty and huge, unicode, numbers at and past bounds. */
const weird = fc.oneof(
  fc.string(), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constant(''), fc.constant('x'.repeat(300)),
  fc.integer(), fc.double(), fc.constant(0), fc.constant(-1), fc.constant(1e12), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY),
  fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 5 }), fc.constant([]), fc.constant(Array.from({ length: 2000 }, (_v, i) => `x${i}`)),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }), fc.constant({}),
);

/** Valid props with some replaced by weird values, some dropped, sometimes an unknown prop added. */
export function mutated(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(valid).map(([k, v]) => [k, fc.oneof(
    { arbitrary: fc.constant(v), weight: 5 },
    { arbitrary: weird, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  )] as const);
  const extra = fc.oneof({ arbitrary: fc.constant(undefined), weight: 7 }, { arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), weird), weight: 1 });
  return fc.tuple(fc.record(Object.fromEntries(entries)), extra)
    .map(([props, added]) => (added && !(added[0] in valid) ? { ...props, [added[0]]: added[1] } : props));
}

function scopeStack(): TerraformStack {
  const app = new App({ outdir: '/tmp/goldenpath-fuzz-unused', skipValidation: true });
  const stack = new TerraformStack(app, 'fuzz');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  GoldenPathContext.set(stack, { org: 'acme', team: 'payments', service: 'fuzz', environment: 'prod' });
  return stack;
}

/**
 * Run `runs` distinct fuzzed cases of `valid`: each builds and synthesizes clean, or fails with a
 * PlatformValidationError. Returns how many synthesized, so a fuzz that only ever reaches the
 * errors is caught by the caller.
 */
export function fuzz(valid: Record<string, unknown>, build: (props: any) => TerraformStack[], runs = RUNS): number {
  let synthesized = 0;
  // Constructs are deterministic, so a case fast-check generates again (often the unmutated
  // props) has the outcome it had the first time; only new cases are built and synthesized.
  const seen = new Map<string, boolean>();
  fc.assert(fc.property(mutated(valid), (props) => {
    if (seen.size >= runs) return true; // enough distinct cases; the rest of the runs are spare
    const key = fc.stringify(props);
    const outcome = seen.get(key);
    if (outcome !== undefined) {
      if (outcome) synthesized++;
      return true;
    }
    seen.set(key, false);
    let stacks: TerraformStack[];
    try {
      stacks = build(props);
      for (const stack of stacks) {
        const json = synthJson(stack);
        const text = JSON.stringify(json);
        expect(JSON.parse(text)).toEqual(json); // valid JSON, nothing lost on the way
        expect(blockingFindings(json)).toEqual([]);
      }
    } catch (err) {
      if (err instanceof PlatformValidationError) return true;
      throw err;
    }
    seen.set(key, true);
    synthesized++;
    return true;
  }), { numRuns: runs * 20 });
  expect(seen.size).toBeGreaterThanOrEqual(runs);
  return synthesized;
}

export type Make = (scope: Construct, props: any) => void;

/** The two tests every construct gets: its valid props synthesize clean, and RUNS fuzzed cases hold. */
export function fuzzConstructs(subjects: Array<[string, Make, Record<string, unknown>]>): void {
  describe.each(subjects)('fuzzed props of %s', (_name, make, valid) => {
    test('the unmutated props build and synthesize clean (so the fuzz reaches synthesis, not only the errors)', () => {
      const stack = scopeStack();
      make(stack, valid);
      expect(blockingFindings(synthJson(stack))).toEqual([]);
    });

    test(`${RUNS} distinct cases: clean Terraform JSON or a PlatformValidationError`, () => {
      const synthesized = fuzz(valid, (props) => {
        const stack = scopeStack();
        make(stack, props);
        return [stack];
      });
      expect(synthesized).toBeGreaterThan(RUNS / 20);
    });
  });
}
