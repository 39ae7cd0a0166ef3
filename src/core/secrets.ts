/** What a masked value reads as, in every report. */
export const SENSITIVE = '(sensitive value)';

/**
 * Every value a plan treats as sensitive anywhere, so it can be masked wherever it appears.
 * Terraform's marks follow values only where the schema says so: a `terraform_data` output
 * copied from a sensitive input, a connection string built with `nonsensitive()`, or the
 * prior state's copy of an old value reach `before` without a mark. Masking by value
 * catches them all.
 */
export class Secrets {
  /** No secrets: masks alone decide (a cdktf.out diff holds no values from state). */
  public static readonly NONE = new Secrets(new Set());

  /** Collect the secrets of a `terraform show -json` plan: every value under a sensitive mark, sensitive variables and outputs. */
  public static of(plan: any): Secrets {
    const found = new Set<string>();
    const add = (value: unknown) => {
      for (const leaf of leaves(value)) if (leaf.length >= MIN_LENGTH && !COMMON.has(leaf)) found.add(leaf);
    };
    const marked = (value: unknown, mask: unknown) => {
      for (const v of underMask(value, mask)) add(v);
    };
    const changes = (key: string, nested = false) => {
      for (const entry of Array.isArray(plan?.[key]) ? plan[key] : []) {
        const ch = nested ? entry?.resource_change?.change : entry?.change;
        if (!ch || typeof ch !== 'object') continue;
        marked(ch.before, ch.before_sensitive);
        marked(ch.after, ch.after_sensitive);
      }
    };
    changes('resource_changes');
    changes('resource_drift');
    changes('deferred_changes', true);
    for (const oc of Object.values<any>(isObject(plan?.output_changes) ? plan.output_changes : {})) {
      marked(oc?.before, oc?.before_sensitive);
      marked(oc?.after, oc?.after_sensitive);
    }
    const declared = isObject(plan?.configuration?.root_module?.variables) ? plan.configuration.root_module.variables : {};
    for (const [name, v] of Object.entries<any>(isObject(plan?.variables) ? plan.variables : {})) if (declared[name]?.sensitive === true) add(v?.value);
    for (const state of [plan?.prior_state?.values, plan?.planned_values]) {
      for (const o of Object.values<any>(isObject(state?.outputs) ? state.outputs : {})) if (o?.sensitive === true) add(o.value);
      for (const r of moduleResources(state?.root_module)) marked(r.values, r.sensitive_values);
    }
    return new Secrets(found);
  }

  private readonly long: string[];

  private constructor(private readonly values: ReadonlySet<string>) {
    // long secrets are also found inside other strings (a URL, a connection string)
    this.long = [...values].filter((v) => v.length >= MIN_EMBEDDED);
  }

  public get size(): number {
    return this.values.size;
  }

  /** Is this leaf (a string or a number) a secret, or does it carry one? */
  public holds(value: unknown): boolean {
    if (this.values.size === 0 || (typeof value !== 'string' && typeof value !== 'number')) return false;
    const text = String(value);
    return this.values.has(text) || this.long.some((s) => text.includes(s));
  }

  /** The value with every leaf that holds a secret replaced by SENSITIVE. */
  public scrub<T>(value: T): T {
    if (this.values.size === 0) return value;
    const walk = (v: unknown, depth: number): unknown => {
      if (this.holds(v)) return SENSITIVE;
      if (depth > MAX_DEPTH) return v;
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
      if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, depth + 1)]));
      return v;
    };
    return walk(value, 0) as T;
  }
}

/** Shorter values (`1`, `on`) would mask ordinary values everywhere; a secret is longer. */
const MIN_LENGTH = 3;
/** Long enough that finding it inside another string is no coincidence. */
const MIN_EMBEDDED = 8;
/** Values that are never worth hiding, however they are marked. */
const COMMON = new Set(['true', 'false', 'null']);
const MAX_DEPTH = 200;

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The string and number leaves of a value. Iterative: plans may nest deeply. */
function leaves(value: unknown): string[] {
  const out: string[] = [];
  const work = [value];
  while (work.length) {
    const v = work.pop();
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) work.push(...v);
    else if (isObject(v)) work.push(...Object.values(v));
  }
  return out;
}

/** The parts of a value under a `true` in its sensitivity mask. */
function underMask(value: unknown, mask: unknown): unknown[] {
  const out: unknown[] = [];
  const work: Array<[unknown, unknown]> = [[value, mask]];
  while (work.length) {
    const [v, m] = work.pop()!;
    if (m === true) out.push(v);
    else if (Array.isArray(m)) m.forEach((x, i) => work.push([Array.isArray(v) ? v[i] : undefined, x]));
    else if (isObject(m)) for (const [k, x] of Object.entries(m)) work.push([isObject(v) ? v[k] : undefined, x]);
  }
  return out;
}

function moduleResources(module: any): any[] {
  const out: any[] = [];
  const work = [module];
  while (work.length) {
    const m = work.pop();
    if (!isObject(m)) continue;
    for (const r of Array.isArray(m.resources) ? m.resources : []) if (isObject(r)) out.push(r);
    if (Array.isArray(m.child_modules)) work.push(...m.child_modules);
  }
  return out;
}
