import { RuleOutcome } from '../model';
import { fail, isExpression, NOT_APPLICABLE, PASS, unknown } from '../values';

/** An IAM statement with every field normalised to arrays. */
export interface Statement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: string[];
  readonly notActions: string[];
  readonly resources: string[];
  /** Principals as `AWS:...`, `Service:...`, `Federated:...` or `*`. */
  readonly principals: string[];
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
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  let doc: any = value;
  if (typeof value === 'string') {
    if (value.trim().startsWith('${')) return { kind: 'unknown', why: 'the policy document is an expression resolved at plan time' };
    try {
      doc = JSON.parse(neutralizeExpressions(value));
    } catch {
      return { kind: 'unknown', why: 'the policy document is not JSON' };
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
    condition: s.Condition ?? {},
  }));
  return { kind: 'parsed', statements };
}

function principals(p: unknown): string[] {
  if (p === undefined) return [];
  if (p === '*') return ['*'];
  if (typeof p !== 'object' || p === null) return [String(p)];
  return Object.entries(p).flatMap(([kind, v]) => arr(v).map((x) => (x === '*' ? '*' : `${kind}:${x}`)));
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

/** Fail when a resource policy (bucket, queue, topic, key, repository) allows everyone without a condition. */
export function publicPolicy(value: unknown, attribute: string): RuleOutcome {
  const parsed = parsePolicy(value);
  if (parsed.kind === 'none') return NOT_APPLICABLE;
  if (parsed.kind === 'unknown') return unknown(attribute, parsed.why);
  const open = parsed.statements.find((s) => s.effect === 'Allow' && s.principals.includes('*') && Object.keys(s.condition).length === 0);
  return open ? fail(`statement ${open.sid ?? '(no Sid)'} allows Principal * without a condition`, attribute) : PASS;
}
