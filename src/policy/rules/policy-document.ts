import JSON5 from 'json5';
import { RuleOutcome } from '../model';
import { fail, isExpression, NOT_APPLICABLE, PASS, unknown } from '../values';

/** An IAM statement with every field normalised to arrays. */
export interface Statement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: string[];
  readonly notActions: string[];
  readonly resources: string[];
  /** Principals as `AWS:...`, `Service:...`, `Federated:...`, or `*` for `"Principal": "*"` (so `AWS:*` is AWS's wildcard). */
  readonly principals: string[];
  /** Did the statement carry a `Condition` block at all (even an empty one)? */
  readonly hasCondition: boolean;
  readonly condition: Record<string, Record<string, unknown>>;
}

export type ParsedPolicy =
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly why: string }
  | { readonly kind: 'parsed'; readonly statements: Statement[] };

const arr = (v: unknown): string[] => (v === undefined || v === null ? [] : (Array.isArray(v) ? v : [v]).map(String));

/**
 * Parse a policy document given as a JSON string (what `JSON.stringify` or `jsonencode`
 * leaves in cdk.tf.json). References inside string values are fine; a document that is
 * itself an expression (a data source's `.json`) cannot be read here and is `unknown`.
 */
export function parsePolicy(value: unknown): ParsedPolicy {
  if (typeof value !== 'string') return readPolicy(value);
  // several rules read the same document (a bucket's rules and its policy's); parse it once
  let parsed = parsedPolicies.get(value);
  if (!parsed) {
    if (parsedPolicies.size >= 2048) parsedPolicies.clear();
    parsed = readPolicy(value);
    parsedPolicies.set(value, parsed);
  }
  return parsed;
}

const parsedPolicies = new Map<string, ParsedPolicy>();

function readPolicy(value: unknown): ParsedPolicy {
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  let doc: any = value;
  if (typeof value === 'string') {
    if (value.trim().startsWith('${')) return { kind: 'unknown', why: 'the policy document is an expression resolved at plan time' };
    const text = neutralizeExpressions(value);
    try {
      doc = JSON.parse(text);
    } catch {
      // heredoc policies often carry a trailing comma, which IAM's own parser forgives
      try {
        doc = JSON5.parse(text);
      } catch {
        return { kind: 'unknown', why: 'the policy document is not JSON' };
      }
    }
  }
  if (typeof doc !== 'object' || doc === null) return { kind: 'unknown', why: 'the policy document is not an object' };
  const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]).filter(Boolean).map((s: any): Statement => ({
    sid: s.Sid,
    effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: arr(s.Action),
    notActions: arr(s.NotAction),
    resources: arr(s.Resource),
    principals: principals(s.Principal),
    condition: typeof s.Condition === 'object' && s.Condition !== null ? s.Condition : {},
    hasCondition: s.Condition !== undefined,
  }));
  return { kind: 'parsed', statements };
}

function principals(p: unknown): string[] {
  if (p === undefined) return [];
  if (p === '*') return ['*'];
  // not valid IAM, but seen: a bare list of principals, `*` among them
  if (Array.isArray(p)) return p.map((x) => (x === '*' ? '*' : String(x)));
  if (typeof p !== 'object' || p === null) return [String(p)];
  return Object.entries(p).flatMap(([kind, v]) => arr(v).map((x) => `${kind}:${x}`));
}

/** `"*"`, `{"AWS": "*"}`, or a role or user ARN in any account (`arn:aws:iam::*:role/x`). */
export function isEveryone(principal: string): boolean {
  return principal === '*' || principal === 'AWS:*' || /^AWS:arn:aws[a-z-]*:(iam|sts)::\*:/.test(principal);
}

/** A whole AWS account as principal: its 12-digit id or its root ARN. */
export function isAccountRoot(principal: string): boolean {
  return /^AWS:(\d{12}|arn:aws[a-z-]*:iam::\d{12}:root)$/.test(principal);
}

/**
 * Condition keys that narrow who can make a call to one organisation, account, network or
 * source resource. Keys such as aws:username, aws:UserAgent, aws:Referer or
 * aws:SecureTransport do not: any caller controls or meets them.
 */
const CALLER_KEYS = new Set(['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount',
  'aws:sourcearn', 'aws:sourceowner', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:vpceaccount', 'aws:sourceip', 'aws:ec2instancesourcevpc',
  'ec2:sourceinstancearn', 'lambda:sourcefunctionarn', 'ssm:sourceinstancearn', 'kms:calleraccount', 'aws:userid']);

/** A value that matches anything worth restricting: `*`, an org `o-*`, an ARN in any account. */
const isWildcardValue = (v: string) => v === '*' || /^o-\*$/.test(v) || /^arn:aws[a-z-]*:[a-z0-9-]*:[^:]*:\*(:|$)/.test(v) || /^\*/.test(v);

/**
 * Does a statement's condition really narrow who can call? A positive operator (Equals,
 * Like, ArnEquals, IpAddress, with ForAnyValue/ForAllValues too) on a caller key, with
 * values that are not wildcards. A value resolved only at plan time makes the answer unknown.
 */
export function restrictsCaller(condition: Statement['condition']): boolean | 'unknown' {
  let unknownValue = false;
  for (const [operator, byKey] of Object.entries(condition)) {
    const op = operator.replace(/^For(Any|All)Values:/i, '').replace(/IfExists$/i, '');
    if (!/^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress)$/i.test(op)) continue;
    for (const [key, raw] of Object.entries(byKey ?? {})) {
      if (!CALLER_KEYS.has(key.toLowerCase())) continue;
      const values = arr(raw);
      if (values.some(isExpression)) {
        unknownValue = true;
        continue;
      }
      if (values.length && !values.some(isWildcardValue)) return true;
    }
  }
  return unknownValue ? 'unknown' : false;
}

/** Does an action pattern in a policy match `action` (case-insensitive, `*` wildcards)? */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

/** A condition value, flattened from any operator, by key (case-insensitive). */
export function conditionValues(condition: Statement['condition'], key: string): Array<{ operator: string; values: string[] }> {
  const out: Array<{ operator: string; values: string[] }> = [];
  for (const [operator, byKey] of Object.entries(condition)) {
    for (const [k, v] of Object.entries(byKey ?? {})) if (k.toLowerCase() === key.toLowerCase()) out.push({ operator, values: arr(v) });
  }
  return out;
}

export function hasExpression(values: string[]): boolean {
  return values.some(isExpression);
}

/**
 * Replace each Terraform interpolation `${...}` (which may hold quotes, as in
 * `${replace(x, "https://", "")}`) by a quote-free stand-in that still reads as an
 * expression, so a policy with interpolations inside its strings parses as JSON.
 */
export function neutralizeExpressions(text: string): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{' && text[i - 1] !== '$') {
      let depth = 0;
      let quoted = false;
      let j = i + 1;
      for (; j < text.length; j++) {
        const ch = text[j];
        if (quoted) {
          if (ch === '\\') j++;
          else if (ch === '"') quoted = false;
        } else if (ch === '"') {quoted = true;} else if (ch === '{') {depth++;} else if (ch === '}' && --depth === 0) {break;}
      }
      out += `\${expr${n++}}`;
      i = j;
    } else {
      out += text[i];
    }
  }
  return out;
}

/**
 * Fail when a resource policy (bucket, queue, topic, key, repository) allows everyone —
 * Principal `*`, AWS `*`, or any account's roles — without a condition that narrows the
 * caller. `cite` names the Checkov checks whose own condition fails on that statement.
 */
export function publicPolicy(value: unknown, attribute: string, cite: (s: Statement) => readonly string[]): RuleOutcome {
  const parsed = parsePolicy(value);
  if (parsed.kind === 'none') return NOT_APPLICABLE;
  if (parsed.kind === 'unknown') return unknown(attribute, parsed.why);
  let undecided: RuleOutcome | undefined;
  for (const s of parsed.statements) {
    if (s.effect !== 'Allow' || !s.principals.some(isEveryone)) continue;
    const narrowed = restrictsCaller(s.condition);
    if (narrowed === true) continue;
    if (narrowed === 'unknown') {
      undecided ??= unknown(attribute, `has a condition on statement ${s.sid ?? '(no Sid)'} resolved only at plan time`);
      continue;
    }
    const who = s.principals.find(isEveryone)!;
    const why = s.hasCondition ? 'with a condition that does not narrow the caller' : 'without a condition';
    return fail(`statement ${s.sid ?? '(no Sid)'} allows ${who === '*' ? 'Principal *' : who.replace(/^AWS:/, 'AWS ')} ${why}`, attribute, cite(s));
  }
  return undecided ?? PASS;
}
