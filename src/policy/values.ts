import { RuleOutcome } from './model';

// Small helpers rules use to read resolved Terraform JSON. A string holding `${...}` is an
// expression Terraform resolves at plan time: its value is unknown here.

export const PASS: RuleOutcome = { status: 'pass' };
export const NOT_APPLICABLE: RuleOutcome = { status: 'not-applicable' };

/**
 * A failed outcome. `checkov` lists the Checkov checks whose condition failed here; leave it
 * out when the failure is every check the rule claims, and pass `[]` when the rule is stricter
 * than Checkov on this point.
 */
export function fail(message: string, attribute?: string, checkov?: readonly string[]): RuleOutcome {
  return { status: 'fail', message, attribute, checkov };
}

/** The same outcome, with the Checkov checks that failed replaced. */
export function citing(outcome: RuleOutcome, checkov: readonly string[]): RuleOutcome {
  return outcome.status === 'fail' ? { ...outcome, checkov } : outcome;
}

export function unknown(attribute: string, why = 'is an expression resolved only at plan time'): RuleOutcome {
  return { status: 'unknown', message: `\`${attribute}\` ${why}`, attribute };
}

export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** A block list that is itself an expression or holds one (a `dynamic` block, a variable in a list). */
export function hasExpressionBlock(value: unknown): boolean {
  return isExpression(value) || (Array.isArray(value) && value.some(isExpression));
}

/**
 * The platform contract's key outputs (`goldenpath_<purpose>_key_arn`, read by ServiceStack
 * through remote state in team repositories): the platform publishes them from its own
 * customer keys, so a service that uses one uses a customer key.
 */
export const PLATFORM_KEY_OUTPUT = /\.outputs\.goldenpath_[a-z]+_key_arn\b/;

/**
 * A key given as an expression: a reference to a KMS key or alias resource is a customer key,
 * also across cdktf stacks (whose remote-state outputs are named after the resource) and
 * repositories (the platform's key outputs); anything else (a variable without default, a
 * data source) could be an AWS-managed alias.
 */
export function keyExpression(attribute: string, value: unknown): RuleOutcome {
  const text = String(value);
  return /(\$\{|cross-stack-output-)aws_kms_(key|alias|replica_key|external_key)/.test(text) || PLATFORM_KEY_OUTPUT.test(text) ? PASS
    : unknown(attribute, 'is a key resolved only at plan time; it could be an AWS-managed alias');
}

/**
 * A customer key in `value`: set, and not the AWS-managed `alias/aws/<service>` key that no key
 * policy of yours governs. `missing` words and cites the failure when no key is set (its
 * citations default to the rule's); `managedCheckov` cites the AWS-managed alias.
 */
export function customerKey(value: unknown, attribute: string, service: string,
  missing: { readonly message?: string; readonly checkov?: readonly string[] } = {}, managedCheckov: readonly string[] = []): RuleOutcome {
  if (value === undefined || value === null || value === '') return fail(missing.message ?? `no ${attribute}`, attribute, missing.checkov);
  if (isExpression(value)) return keyExpression(attribute, value);
  return new RegExp(`(^|:)alias/aws/${service}$`).test(String(value))
    ? fail(`${attribute} is the AWS-managed alias/aws/${service} key, which no key policy of yours governs`, attribute, managedCheckov) : PASS;
}

/** cdktf writes single blocks as objects and repeated blocks as arrays; treat both alike. */
export function blocks(value: unknown): Array<Record<string, any>> {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((v) => v && typeof v === 'object');
  return typeof value === 'object' ? [value as Record<string, any>] : [];
}

/**
 * The value at a dotted path, descending into the first element of block lists. An
 * expression met on the way (a `dynamic` block, a whole block from a variable) is returned
 * as it is: what lies below it is unknown, not missing.
 */
export function get(config: unknown, path: string): unknown {
  let current: any = config;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = current[0];
    if (isExpression(current)) return current;
    if (current === undefined || current === null || typeof current !== 'object') return undefined;
    current = current[key];
  }
  return current;
}

/** A list attribute as an array (a scalar becomes one element). */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** `true` → pass, an expression → unknown, anything else → fail with `message`. */
export function requireTrue(config: unknown, path: string, message: string): RuleOutcome {
  const value = get(config, path);
  if (isExpression(value)) return unknown(path);
  return value === true || value === 'true' ? PASS : fail(message, path);
}

/** Present and not empty → pass (an expression counts as present). */
export function requireSet(config: unknown, path: string, message: string): RuleOutcome {
  const value = get(config, path);
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return fail(message, path);
  return PASS;
}

/** A number at least `min` → pass; expression → unknown; missing or lower → fail. */
export function requireAtLeast(config: unknown, path: string, min: number, message: string, fallback?: number): RuleOutcome {
  const raw = get(config, path);
  if (isExpression(raw)) return unknown(path);
  const value = raw === undefined ? fallback : Number(raw);
  return value !== undefined && !Number.isNaN(value) && value >= min ? PASS : fail(message, path);
}

/**
 * Combine the outcomes of several conditions: the first fail's message citing every
 * Checkov check that failed across them, else the first unknown, else pass.
 */
export function collect(outcomes: readonly RuleOutcome[]): RuleOutcome {
  const failed = outcomes.filter((o): o is Extract<RuleOutcome, { status: 'fail' }> => o.status === 'fail');
  if (!failed.length) return outcomes.find((o) => o.status === 'unknown') ?? PASS;
  const cited = failed.every((f) => f.checkov) ? [...new Set(failed.flatMap((f) => f.checkov!))] : undefined;
  return { ...failed[0], checkov: cited };
}

/** Combine outcomes: the first fail, else the first unknown, else pass. */
export function all(...outcomes: RuleOutcome[]): RuleOutcome {
  return outcomes.find((o) => o.status === 'fail') ?? outcomes.find((o) => o.status === 'unknown') ?? PASS;
}

/** Fail when the attribute is exactly `forbidden` (true for public access, false for a switch left off). */
export function forbid(config: unknown, path: string, forbidden: unknown): RuleOutcome {
  const value = get(config, path);
  if (isExpression(value)) return unknown(path);
  // HCL writes booleans as strings too ("true")
  const same = value === forbidden || (typeof forbidden === 'boolean' && typeof value === 'string' && value.toLowerCase() === String(forbidden));
  return same ? fail(`\`${path}\` is ${JSON.stringify(forbidden)}`, path) : PASS;
}

/** Pass only when the attribute equals `expected`. */
export function requireEquals(config: unknown, path: string, expected: unknown): RuleOutcome {
  const value = get(config, path);
  if (isExpression(value)) return unknown(path);
  return value === expected ? PASS : fail(`\`${path}\` is ${value === undefined ? 'not set' : JSON.stringify(value)}, not ${JSON.stringify(expected)}`, path);
}
