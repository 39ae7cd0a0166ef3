import { splitTemplate } from './hcl-expression';
import { ResourceView, StackView } from './model';
import { resolveDocument } from './resolve';

/** A `type.name` reference anywhere inside an interpolation (also in function calls and with `[0]`). */
const REFERENCE = /(?<![\w.])([a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)/g;
/** What cdktf writes most: one whole reference, `${aws_s3_bucket.b.id}`. */
const SIMPLE_REFERENCE = /^\$\{([a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(?:\.[A-Za-z0-9_-]+)*\}$/;

/**
 * Builds the read-only stack view from one stack's Terraform JSON, with variables, locals,
 * `jsonencode` and policy documents resolved (see resolveDocument). Indices are built on
 * first use, once per (type, attribute) pair, so graph rules stay linear in the number of
 * resources.
 */
export function stackView(name: string, json: any): StackView {
  const resources: ResourceView[] = resolveDocument(json);
  const byType = new Map<string, ResourceView[]>();
  const byAddress = new Map<string, ResourceView>();
  for (const r of resources) {
    byAddress.set(r.address, r);
    const list = byType.get(r.type) ?? [];
    list.push(r);
    byType.set(r.type, list);
  }
  const attachIndex = new Map<string, Map<string, ResourceView[]>>();

  function index(type: string, attribute: string): Map<string, ResourceView[]> {
    const key = `${type}|${attribute}`;
    let idx = attachIndex.get(key);
    if (!idx) {
      idx = new Map();
      for (const r of byType.get(type) ?? []) {
        const value = r.config[attribute];
        if (typeof value !== 'string') continue;
        const keys = new Set<string>([`=${value}`]);
        const simple = SIMPLE_REFERENCE.exec(value);
        if (simple) {keys.add(`@${simple[1]}`);} else if (value.includes('${')) {
          for (const part of splitTemplate(value)) if (typeof part !== 'string') for (const m of part.expr.matchAll(REFERENCE)) keys.add(`@${m[1]}`);
        }
        for (const k of keys) {
          const same = idx.get(k);
          if (same) same.push(r);
          else idx.set(k, [r]);
        }
      }
      attachIndex.set(key, idx);
    }
    return idx;
  }

  const [backendType, backendConfig] = Object.entries(json?.terraform?.backend ?? {})[0] ?? [];
  const backend: ResourceView | undefined = backendType
    ? { type: `terraform_backend_${backendType}`, name: backendType, address: `terraform.backend.${backendType}`, config: (backendConfig ?? {}) as Record<string, unknown>, meta: {} }
    : undefined;
  const providers = Object.fromEntries(Object.entries(json?.provider ?? {}).map(([p, blocks]) => [p, (Array.isArray(blocks) ? blocks : [blocks]) as Record<string, unknown>[]]));

  return {
    name,
    meta: json?.['//']?.goldenpath ?? {},
    resources,
    backend,
    providers,
    ofType: (...types) => types.flatMap((t) => byType.get(t) ?? []),
    byAddress: (address) => byAddress.get(address),
    attached(target, types, attribute, matchOn) {
      const found = new Set<ResourceView>();
      // the target's own name: a literal, or an expression (`${var.name}`) that the other
      // resource repeats word for word, which Terraform resolves to the same value
      const ownName = matchOn ? target.config[matchOn] : undefined;
      // a name several resources of the target's type share identifies none of them
      const unique = typeof ownName === 'string' && ownName !== '' && (index(target.type, matchOn!).get(`=${ownName}`)?.length ?? 0) <= 1;
      for (const type of types) {
        const idx = index(type, attribute);
        // references name the resource, not one instance of its count or for_each
        for (const r of idx.get(`@${target.address.replace(/\[[^\]]*\]$/, '')}`) ?? []) found.add(r);
        if (unique) for (const r of idx.get(`=${ownName}`) ?? []) found.add(r);
      }
      return [...found];
    },
  };
}
