import { IConstruct } from 'constructs';
import { Token } from '../cdk';
import { PlatformValidationError } from './errors';

/**
 * A small schema for a props interface, checked at runtime: TypeScript's types vanish in
 * JavaScript, behind a cast, or in JSON, so every public construct checks its props with one
 * of these before it reads them. Tokens pass: their value is only known at apply time.
 */
export type PropSpec =
  | { readonly kind: 'string'; readonly optional?: boolean; readonly nonEmpty?: boolean }
  | { readonly kind: 'number'; readonly optional?: boolean; readonly integer?: boolean; readonly min?: number; readonly max?: number }
  | { readonly kind: 'boolean'; readonly optional?: boolean }
  | { readonly kind: 'enum'; readonly optional?: boolean; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly optional?: boolean; readonly items: PropSpec; readonly minItems?: number; readonly maxItems?: number }
  | { readonly kind: 'record'; readonly optional?: boolean; readonly values: PropSpec }
  | { readonly kind: 'object'; readonly optional?: boolean; readonly props: PropsSchema; readonly open?: boolean }
  | { readonly kind: 'arn'; readonly optional?: boolean; readonly service: string }
  | { readonly kind: 'any'; readonly optional?: boolean; readonly describe?: string };

export type PropsSchema = Readonly<Record<string, PropSpec>>;

/** The ways to say what a prop is; `.optional` variants via `opt(...)`. */
export const P = {
  string: (o: { nonEmpty?: boolean } = {}): PropSpec => ({ kind: 'string', nonEmpty: o.nonEmpty ?? true }),
  number: (o: { integer?: boolean; min?: number; max?: number } = {}): PropSpec => ({ kind: 'number', ...o }),
  boolean: (): PropSpec => ({ kind: 'boolean' }),
  enum: (...values: string[]): PropSpec => ({ kind: 'enum', values }),
  list: (items: PropSpec, o: { minItems?: number; maxItems?: number } = {}): PropSpec => ({ kind: 'list', items, ...o }),
  record: (values: PropSpec): PropSpec => ({ kind: 'record', values }),
  object: (props: PropsSchema, o: { open?: boolean } = {}): PropSpec => ({ kind: 'object', props, ...o }),
  /** An ARN of one AWS service (`arn:aws:kms:…`), or a reference to one (a token or a whole `${…}` expression). */
  arn: (service: string): PropSpec => ({ kind: 'arn', service }),
  any: (describe = 'a value'): PropSpec => ({ kind: 'any', describe }),
};

/** The same spec, optional. */
export function opt(spec: PropSpec): PropSpec {
  return { ...spec, optional: true };
}

/** What a spec allows, in words, for the error message. */
export function describeSpec(spec: PropSpec): string {
  switch (spec.kind) {
    case 'string': return spec.nonEmpty ? 'a non-empty string' : 'a string';
    case 'number': {
      const what = spec.integer ? 'a whole number' : 'a number';
      if (spec.min !== undefined && spec.max !== undefined) return `${what} from ${spec.min} to ${spec.max}`;
      if (spec.min !== undefined) return `${what} of at least ${spec.min}`;
      if (spec.max !== undefined) return `${what} of at most ${spec.max}`;
      return what;
    }
    case 'boolean': return 'true or false';
    case 'arn': return `an ARN of ${spec.service} (arn:aws:${spec.service}:…) or a reference to one`;
    case 'enum': return `one of ${spec.values.join(', ')}`;
    case 'list': return `a list of ${describeSpec(spec.items).replace(/^an? /, '')}s${spec.minItems ? ` (at least ${spec.minItems})` : ''}${spec.maxItems !== undefined ? ` (at most ${spec.maxItems})` : ''}`;
    case 'record': return `an object whose values are ${describeSpec(spec.values)}`;
    case 'object': return `an object with ${Object.keys(spec.props).join(', ')}`;
    case 'any': return spec.describe ?? 'a value';
  }
}

/** The closest known name, for "did you mean" (edit distance, case-insensitive). */
export function closest(name: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
    }
    return d[a.length][b.length];
  };
  const best = known.map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.k : undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function check(scope: IConstruct | string, path: string, value: unknown, spec: PropSpec): void {
  if (value === undefined) {
    if (spec.optional) return;
    throw new PlatformValidationError(scope, path, value, `is required: ${describeSpec(spec)}`);
  }
  // null is not "absent": constructs test `=== undefined`, so a null would slip past defaults.
  if (value === null) {
    throw new PlatformValidationError(scope, path, value, `must be ${describeSpec(spec)}${spec.optional ? ' (or left out)' : ''}, not null`);
  }
  const fail = () => {
    throw new PlatformValidationError(scope, path, value, `must be ${describeSpec(spec)}`);
  };
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string' || (spec.nonEmpty && value.length === 0)) fail();
      return;
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) fail();
      if (Token.isUnresolved(value)) return;
      {
        const n = value as number;
        if (!Number.isFinite(n) || (spec.integer && !Number.isInteger(n))) fail();
        if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) fail();
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail();
      return;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) fail();
      return;
    case 'list':
      if (!Array.isArray(value)) fail();
      if (Token.isUnresolved(value)) return;
      if ((spec.minItems !== undefined && (value as unknown[]).length < spec.minItems) || (spec.maxItems !== undefined && (value as unknown[]).length > spec.maxItems)) fail();
      (value as unknown[]).forEach((item, i) => check(scope, `${path}[${i}]`, item, spec.items));
      return;
    case 'record':
      if (!isPlainObject(value)) fail();
      for (const [k, v] of Object.entries(value as object)) check(scope, `${path}.${k}`, v, spec.values);
      return;
    case 'object':
      if (!isPlainObject(value)) fail();
      checkObject(scope, path, value as Record<string, unknown>, spec.props, spec.open);
      return;
    case 'arn':
      if (typeof value !== 'string') fail();
      // a half-written expression (`${`) is neither an ARN nor a reference: Terraform would fail on it
      if (!Token.isUnresolved(value) && !/^\$\{[^{}]+\}$/.test(value as string) && !new RegExp(`^arn:aws[a-z-]*:${spec.service}:[a-z0-9-]*:(\\d{12})?:\\S+$`).test(value as string)) fail();
      return;
    case 'any':
      return;
  }
}

function checkObject(scope: IConstruct | string, prefix: string, value: Record<string, unknown>, schema: PropsSchema, open = false): void {
  const join = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (!open) {
    for (const key of Object.keys(value)) {
      if (key in schema || value[key] === undefined) continue;
      const hint = closest(key, Object.keys(schema));
      throw new PlatformValidationError(scope, join(key), value[key], `is not a prop here${hint ? `; did you mean \`${join(hint)}\`?` : ''} (known: ${Object.keys(schema).join(', ')})`);
    }
  }
  for (const [key, spec] of Object.entries(schema)) check(scope, join(key), value[key], spec);
}

/**
 * Check a construct's props against its schema: a missing required prop, a wrong type, a
 * number out of range or an unknown prop is one PlatformValidationError naming the construct
 * path, the prop, the value and what is expected.
 */
export function checkProps(scope: IConstruct | string, props: unknown, schema: PropsSchema, name = 'props'): void {
  if (!isPlainObject(props)) throw new PlatformValidationError(scope, name, props, `must be an object with ${Object.keys(schema).join(', ')}`);
  checkObject(scope, '', props, schema);
}
