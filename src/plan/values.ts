import { createHash } from 'crypto';
import { AttributeChange, KNOWN_AFTER_APPLY, SENSITIVE, SENSITIVE_CHANGED } from './model';
import { Secrets } from '../core/secrets';

/**
 * A flattened value: leaf paths to rendered values, and for masked leaves a digest of the
 * hidden value, so a diff can tell "changed" from "unchanged" without keeping the value.
 */
export interface Flat {
  readonly values: Map<string, string>;
  readonly hidden: Map<string, string>;
}

const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v) ?? 'undefined').digest('base64');

/** A mask as Terraform writes before_sensitive / after_sensitive / after_unknown: true, or a structure of them. */
type Mask = unknown;

function child(mask: Mask, key: string | number): Mask {
  if (mask === true) return true;
  if (mask && typeof mask === 'object') return (mask as any)[key];
  return undefined;
}

/** Fields that name an element of a list, in the order they are tried. */
const IDENTITY_FIELDS = ['name', 'key', 'id', 'Sid', 'sid'];

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);
const index = (prefix: string, label: string) => `${prefix}[${label}]`;

/**
 * How each element of a list is addressed: by its identity field when every element has a
 * distinct one (`env[name=DB_HOST]`), by its value for lists of plain values
 * (`cidr_blocks[="10.0.0.0/8"]`), else by position. So removing one element reads as one
 * removal, not as a chain of renames.
 */
function elementLabels(list: readonly unknown[], sensitive: Mask, unknown: Mask, secrets: Secrets): string[] {
  // a label made of a value must never carry a masked one: masked lists keep positions
  const masked = (m: Mask) => m === true || (m !== null && typeof m === 'object' && JSON.stringify(m).includes('true'));
  if (masked(sensitive) || masked(unknown) || (secrets.size > 0 && JSON.stringify(secrets.scrub(list)) !== JSON.stringify(list))) return list.map((_v, i) => String(i));
  const objects = list.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
  if (objects && list.length) {
    for (const field of IDENTITY_FIELDS) {
      const ids = list.map((v) => (v as Record<string, unknown>)[field]);
      if (ids.every((id) => typeof id === 'string' || typeof id === 'number') && new Set(ids).size === ids.length) return ids.map((id) => `${field}=${String(id)}`);
    }
  }
  const plain = list.every((v) => v === null || typeof v !== 'object');
  if (plain) {
    const seen = new Map<string, number>();
    return list.map((v) => {
      const key = JSON.stringify(v);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return `=${key}${n > 1 ? `#${n}` : ''}`;
    });
  }
  return list.map((_v, i) => String(i));
}

/** A string that holds JSON (a policy document, container definitions): read as a value. */
function embeddedJson(value: string): unknown {
  const t = value.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined;
  try {
    const parsed = JSON.parse(t);
    return parsed !== null && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Flatten a value to leaf paths, applying masks on the way down. A sensitive subtree is
 * replaced by one SENSITIVE leaf, so no part of its value is ever kept (only its digest);
 * so is any leaf that holds one of the plan's `secrets`, marked or not. An unknown subtree
 * becomes KNOWN_AFTER_APPLY. Strings holding JSON are opened (`policy{json}.Statement[Sid=Read]`),
 * so a change deep in a policy shows where it is. Iterative: a plan nested 100,000 levels
 * deep flattens without exhausting the call stack.
 */
export function flatten(value: unknown, sensitive: Mask, unknown: Mask, secrets: Secrets = Secrets.NONE, prefix = ''): Flat {
  const out = new Map<string, string>();
  const hidden = new Map<string, string>();
  const hide = (path: string, v: unknown) => {
    out.set(path, SENSITIVE);
    if (v !== undefined) hidden.set(path, digest(v));
  };
  const work: Array<{ value: unknown; sensitive: Mask; unknown: Mask; path: string }> = [{ value, sensitive, unknown, path: prefix }];
  while (work.length) {
    const item = work.pop()!;
    const path = item.path || '(value)';
    if (item.sensitive === true) {
      hide(path, item.value);
      continue;
    }
    if (item.unknown === true) {
      out.set(path, KNOWN_AFTER_APPLY);
      continue;
    }
    const v = item.value;
    let json: unknown;
    if (Array.isArray(v)) {
      if (v.length === 0) out.set(path, '[]');
      // a label made of a value must not carry a secret either
      const labels = elementLabels(v, item.sensitive, item.unknown, secrets);
      v.forEach((e, i) => work.push({ value: e, sensitive: child(item.sensitive, i), unknown: child(item.unknown, i), path: index(item.path, labels[i]) }));
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 0) out.set(path, '{}');
      for (const k of keys) work.push({ value: (v as any)[k], sensitive: child(item.sensitive, k), unknown: child(item.unknown, k), path: join(item.path, k) });
    } else if (typeof v === 'string' && (json = embeddedJson(v)) !== undefined) {
      work.push({ value: json, sensitive: undefined, unknown: undefined, path: `${path}{json}` });
    } else if (secrets.holds(v)) {
      hide(path, v);
    } else if (v !== undefined) {
      out.set(path, v === null ? 'null' : JSON.stringify(v));
    }
    // Terraform leaves attributes that are unknown out of `after` and marks them in after_unknown
    if (item.unknown && typeof item.unknown === 'object') {
      for (const [k, u] of Object.entries(item.unknown)) {
        const present = v !== null && typeof v === 'object' && k in (v as object);
        if (!present && u) work.push({ value: undefined, sensitive: child(item.sensitive, k), unknown: u, path: Array.isArray(v) ? index(item.path, k) : join(item.path, k) });
      }
    }
  }
  return { values: out, hidden };
}

// one collator, made once: localeCompare with options builds one per call (slow on big plans)
const collator = new Intl.Collator('en', { numeric: true });

/** Paths in reading order: numbers in numeric order (`env[6]` before `env[10]`). */
export function comparePaths(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Is `path` inside the attribute at `parent` (`output.password` and `output[0]` are in `output`)? */
const inside = (path: string, parent: string) => path.length > parent.length && path.startsWith(parent) && '.[{'.includes(path[parent.length]);

/**
 * Attribute-level diff of two flattened values: only paths that differ. A masked value
 * that changed reads SENSITIVE_CHANGED; one that did not is no row. An attribute that
 * becomes known after apply is one row, its old leaves folded into it.
 */
export function diffAttributes(before: Flat, after: Flat): AttributeChange[] {
  const pending = [...after.values].filter(([, v]) => v === KNOWN_AFTER_APPLY).map(([path]) => path);
  const folded = new Map<string, string[]>();
  for (const path of before.values.keys()) {
    const parent = pending.find((p) => inside(path, p));
    if (parent) folded.set(parent, [...(folded.get(parent) ?? []), path]);
  }
  const paths = [...new Set([...before.values.keys(), ...after.values.keys()])].sort(comparePaths);
  const out: AttributeChange[] = [];
  for (const path of paths) {
    if (pending.some((p) => inside(path, p)) && !after.values.has(path)) continue;
    const old = folded.get(path);
    const b = old ? `{ ${old.sort(comparePaths).map((p) => `${p.slice(path.length).replace(/^\./, '')} = ${before.values.get(p)}`).join(', ')} }` : before.values.get(path);
    const a = after.values.get(path);
    if (b === SENSITIVE && a === SENSITIVE) {
      const [hb, ha] = [before.hidden.get(path), after.hidden.get(path)];
      // without both digests (a redacted plan) the change cannot be ruled out: say it may have changed
      if (hb !== undefined && hb === ha) continue;
      out.push({ path, before: SENSITIVE, after: hb !== undefined && ha !== undefined ? SENSITIVE_CHANGED : SENSITIVE });
      continue;
    }
    if (b === a) continue;
    // an attribute appearing or disappearing as null is no change a reviewer cares about
    if ((b === undefined && a === 'null') || (a === undefined && b === 'null')) continue;
    out.push({ path, before: b, after: a });
  }
  return out;
}

/** Render a whole value (outputs) with its masks and the plan's secrets. */
export function renderValue(value: unknown, sensitive: Mask, unknown: Mask, secrets: Secrets = Secrets.NONE): string | undefined {
  if (sensitive === true) return SENSITIVE;
  if (unknown === true) return KNOWN_AFTER_APPLY;
  if (value === undefined) return undefined;
  const flat = flatten(value, sensitive, unknown, secrets).values;
  if (flat.size === 1 && flat.has('(value)')) return flat.get('(value)');
  return `{ ${[...flat].sort(([a], [b]) => comparePaths(a, b)).map(([k, v]) => `${k} = ${v}`).join(', ')} }`;
}
