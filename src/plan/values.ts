import { AttributeChange, KNOWN_AFTER_APPLY, SENSITIVE } from './model';

/** A mask as Terraform writes before_sensitive / after_sensitive / after_unknown: true, or a structure of them. */
type Mask = unknown;

function child(mask: Mask, key: string | number): Mask {
  if (mask === true) return true;
  if (mask && typeof mask === 'object') return (mask as any)[key];
  return undefined;
}

const join = (prefix: string, key: string | number) => (typeof key === 'number' || /^\d+$/.test(String(key)) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : String(key));

/**
 * Flatten a value to leaf paths, applying masks on the way down. A sensitive subtree is
 * replaced by one SENSITIVE leaf, so no part of its value is ever kept; an unknown one by
 * KNOWN_AFTER_APPLY.
 */
export function flatten(value: unknown, sensitive: Mask, unknown: Mask, prefix = '', out = new Map<string, string>()): Map<string, string> {
  const path = prefix || '(value)';
  if (sensitive === true) return out.set(path, SENSITIVE);
  if (unknown === true) return out.set(path, KNOWN_AFTER_APPLY);
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, '[]');
    value.forEach((v, i) => flatten(v, child(sensitive, i), child(unknown, i), join(prefix, i), out));
  } else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) out.set(path, '{}');
    for (const k of keys) flatten((value as any)[k], child(sensitive, k), child(unknown, k), join(prefix, k), out);
  } else if (value !== undefined) {
    out.set(path, value === null ? 'null' : JSON.stringify(value));
  }
  // Terraform leaves attributes that are unknown out of `after` and marks them in after_unknown
  if (unknown && typeof unknown === 'object') {
    for (const [k, u] of Object.entries(unknown)) {
      const present = value !== null && typeof value === 'object' && k in (value as object);
      if (!present && u) flatten(undefined, child(sensitive, k), u, join(prefix, k), out);
    }
  }
  return out;
}

/** Attribute-level diff of two flattened values: only paths that differ. */
export function diffAttributes(before: Map<string, string>, after: Map<string, string>): AttributeChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: AttributeChange[] = [];
  for (const path of paths) {
    const b = before.get(path);
    const a = after.get(path);
    // two masked values may hide a change; say so rather than claiming "no change"
    if (b === a && b !== SENSITIVE) continue;
    // an attribute appearing or disappearing as null is no change a reviewer cares about
    if ((b === undefined && a === 'null') || (a === undefined && b === 'null')) continue;
    out.push({ path, before: b, after: a });
  }
  return out;
}

/** Render a whole value (outputs) with its masks. */
export function renderValue(value: unknown, sensitive: Mask, unknown: Mask): string | undefined {
  if (sensitive === true) return SENSITIVE;
  if (unknown === true) return KNOWN_AFTER_APPLY;
  if (value === undefined) return undefined;
  const flat = flatten(value, sensitive, unknown);
  if (flat.size === 1 && flat.has('(value)')) return flat.get('(value)');
  return `{ ${[...flat].map(([k, v]) => `${k} = ${v}`).join(', ')} }`;
}
