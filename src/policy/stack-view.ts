import { ResourceView, StackView } from './model';

const REFERENCE = /\$\{([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g;

/**
 * Builds the read-only stack view from one stack's synthesized JSON. Indices are built on
 * first use, once per (type, attribute) pair, so graph rules stay linear in the number of
 * resources.
 */
export function stackView(name: string, json: any): StackView {
  const resources: ResourceView[] = [];
  for (const [type, byName] of Object.entries<any>(json?.resource ?? {})) {
    for (const [resourceName, raw] of Object.entries<any>(byName ?? {})) {
      const { ['//']: meta, ...config } = raw ?? {};
      resources.push({ type, name: resourceName, address: `${type}.${resourceName}`, config, meta: meta ?? {} });
    }
  }
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
        for (const m of value.matchAll(REFERENCE)) keys.add(`@${m[1]}`);
        for (const k of keys) idx.set(k, [...(idx.get(k) ?? []), r]);
      }
      attachIndex.set(key, idx);
    }
    return idx;
  }

  return {
    name,
    meta: json?.['//']?.goldenpath ?? {},
    resources,
    ofType: (...types) => types.flatMap((t) => byType.get(t) ?? []),
    byAddress: (address) => byAddress.get(address),
    attached(target, types, attribute, matchOn) {
      const found = new Set<ResourceView>();
      const literal = matchOn ? target.config[matchOn] : undefined;
      for (const type of types) {
        const idx = index(type, attribute);
        for (const r of idx.get(`@${target.address}`) ?? []) found.add(r);
        if (typeof literal === 'string' && !literal.includes('${')) for (const r of idx.get(`=${literal}`) ?? []) found.add(r);
      }
      return [...found];
    },
  };
}
