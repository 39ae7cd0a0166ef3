import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformResource, TerraformStack } from '../cdk';
import { Suppression } from './model';
import { PlatformValidationError } from '../core/errors';
import { METADATA_KEY } from '../core/metadata';

// built-in rules are GP-<DOMAIN>-NNN; plugins bring their own prefix (ACME-COST-001)
export const RULE_ID = /^[A-Z][A-Z0-9]*-[A-Z0-9]+-\d{3}$/;
const MIN_REASON = 10;

const byScope = new WeakMap<IConstruct, Suppression[]>();
const aspectAdded = new WeakSet<IConstruct>();

/**
 * Suppress a guardrail on a construct (and everything below it) or on a whole stack, with
 * a written reason. Suppressions are written into the `"//"` metadata, so `goldenpath
 * check` honours them and reports list them with their reasons.
 */
export class Suppressions {
  public static add(scope: IConstruct, ...suppressions: Suppression[]): void {
    suppressions.forEach((s, i) => validate(scope, `suppressions[${i}]`, s));
    byScope.set(scope, [...(byScope.get(scope) ?? []), ...suppressions.map((s) => ({ ...s, reason: s.reason.trim() }))]);
    const stack = TerraformStack.of(scope);
    if (!aspectAdded.has(stack)) {
      aspectAdded.add(stack);
      Aspects.of(stack).add(new SuppressionsAspect());
    }
  }

  /** Suppressions that apply to `scope`: its own and its ancestors', nearest first. */
  public static of(scope: IConstruct): Suppression[] {
    return [...scope.node.scopes].reverse().flatMap((s) => byScope.get(s) ?? []);
  }
}

function validate(scope: IConstruct, prop: string, s: Suppression): void {
  if (typeof s.ruleId !== 'string' || !RULE_ID.test(s.ruleId)) {
    throw new PlatformValidationError(scope, `${prop}.ruleId`, s.ruleId, 'must be a rule id like GP-S3-001');
  }
  if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON) {
    throw new PlatformValidationError(scope, `${prop}.reason`, s.reason, `must explain the exception in at least ${MIN_REASON} characters`);
  }
  if (s.expires !== undefined) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(s.expires) && !Number.isNaN(Date.parse(s.expires)) &&
      new Date(s.expires).toISOString().startsWith(s.expires);
    if (!valid) throw new PlatformValidationError(scope, `${prop}.expires`, s.expires, 'must be an ISO date (YYYY-MM-DD)');
  }
}

/** Writes suppressions into `"//".goldenpath.suppressions` of resources and the stack. */
class SuppressionsAspect implements IAspect {
  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      const own = byScope.get(node);
      if (own?.length) (node as TerraformStack).addOverride(`//.${METADATA_KEY}.suppressions`, own);
    } else if (TerraformResource.isTerraformResource(node)) {
      const stack = TerraformStack.of(node);
      // stack-level ones are written once on the stack, not on every resource
      const list = [...node.node.scopes].reverse().filter((s) => s !== stack).flatMap((s) => byScope.get(s) ?? []);
      if (list.length) (node as TerraformResource).addOverride(`//.${METADATA_KEY}.suppressions`, list);
    }
  }
}
