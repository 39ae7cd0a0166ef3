import { ExpressionScope, resolveTemplate, toPlain } from './hcl-expression';

/** One resource of a Terraform document, with what is knowable before plan resolved. */
export interface ResolvedResource {
  readonly type: string;
  readonly name: string;
  /** `<type>.<name>` */
  readonly address: string;
  readonly config: Record<string, unknown>;
  readonly meta: Record<string, any>;
  /**
   * The configuration without the `dynamic` blocks whose for_each is known only at plan
   * time (`config` has each rendered once from its content, as Checkov reads them).
   */
  readonly withoutDynamicBlocks?: Record<string, unknown>;
  /** Names of those dynamic blocks. */
  readonly dynamicBlocks?: readonly string[];
}

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** cdktf writes `name: {...}`; hcl2json writes `name: [{...}]` (one element per declaration). */
function single(v: unknown): Record<string, any> | undefined {
  if (Array.isArray(v)) return v.find(isObject);
  return isObject(v) ? v : undefined;
}

/** `locals` is one object in cdktf JSON and a list of objects (one per `locals` block) from hcl2json. */
function mergedLocals(v: unknown): Record<string, unknown> {
  if (Array.isArray(v)) return Object.assign({}, ...v.filter(isObject));
  return isObject(v) ? v : {};
}

/**
 * Resolves what a Terraform document (cdk.tf.json, a plain *.tf.json, or *.tf through
 * hcl2json) already knows: variables with defaults, locals, `jsonencode(...)` of literals,
 * and `data.aws_iam_policy_document.<name>.json`. What stays unknown keeps its `${...}`
 * form, so rules report it as unknown rather than guess. A `dynamic` block is rendered
 * from its content, once per element of a known for_each; when for_each is known only at
 * plan time, the resource also gets its configuration without those blocks, and a rule
 * that judges the two differently reports unknown.
 */
export function resolveDocument(json: any): ResolvedResource[] {
  const variables = isObject(json?.variable) ? json.variable : {};
  const locals = mergedLocals(json?.locals);
  const policyDocuments = isObject(json?.data?.aws_iam_policy_document) ? json.data.aws_iam_policy_document : {};
  const localCache = new Map<string, unknown>();
  const inProgress = new Set<string>();
  const documentCache = new Map<string, unknown>();

  const scope: ExpressionScope = {
    variable(name) {
      const decl = single(variables[name]);
      return decl && 'default' in decl && decl.default !== null ? decl.default : undefined;
    },
    local(name) {
      if (!(name in locals) || inProgress.has(name)) return undefined;
      if (!localCache.has(name)) {
        inProgress.add(name);
        localCache.set(name, resolveDeep(locals[name]));
        inProgress.delete(name);
      }
      const value = localCache.get(name);
      // a local that is itself (partly) an expression stays `local.<name>`, so two resources
      // naming the same local still match each other
      return typeof value === 'string' && value.includes('${') ? undefined : value;
    },
    data(type, name, attribute) {
      if (type !== 'aws_iam_policy_document' || (attribute !== 'json' && attribute !== 'minified_json')) return undefined;
      if (!documentCache.has(name)) {
        documentCache.set(name, undefined); // a document that includes itself stays unknown
        const decl = single(policyDocuments[name]);
        documentCache.set(name, decl ? policyDocumentJson(resolveDeep(decl) as Record<string, any>) : undefined);
      }
      return documentCache.get(name);
    },
  };

  /** Names of dynamic blocks met whose for_each is known only at plan time. */
  let uncertain: string[] = [];

  function resolveDeep(v: unknown, withDynamic = true): unknown {
    if (typeof v === 'string') return resolvable(v) ? toPlain(resolveTemplate(v, scope)) : v;
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const r = resolveDeep(v[i], withDynamic);
        if (r !== v[i]) (out ??= v.slice())[i] = r;
      }
      return out ?? v;
    }
    if (!isObject(v)) return v;
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(v)) {
      if (key === '//' || key === 'dynamic') continue;
      const r = resolveDeep(v[key], withDynamic);
      if (r !== v[key]) (out ??= { ...v })[key] = r;
    }
    if (isObject(v.dynamic)) {
      out ??= { ...v };
      delete out.dynamic;
      for (const [blockName, generators] of Object.entries<any>(v.dynamic)) {
        const generated: unknown[] = [];
        // cdktf writes one generator as an object, hcl2json a list of them
        for (const gen of (Array.isArray(generators) ? generators : [generators]).filter(isObject)) {
          const forEach = resolveDeep(gen.for_each, withDynamic);
          const count = Array.isArray(forEach) ? forEach.length : isObject(forEach) ? Object.keys(forEach).length : undefined;
          const known = count !== undefined && !JSON.stringify(forEach).includes('${');
          if (known && count === 0) continue;
          if (!known) {
            uncertain.push(blockName);
            if (!withDynamic) continue;
          }
          // rendered once: values that name the iterator stay expressions
          generated.push(resolveDeep(single(gen.content) ?? {}, withDynamic));
        }
        const statik = out[blockName];
        const blocksNow = [...(statik === undefined ? [] : Array.isArray(statik) ? statik : [statik]), ...generated];
        if (blocksNow.length) out[blockName] = blocksNow;
        else delete out[blockName];
      }
    }
    return out ?? v;
  }

  const resources: ResolvedResource[] = [];
  // data sources too, as `data.<type>`: a policy document is judged where it is written
  const declaredTypes = [
    ...Object.entries<any>(isObject(json?.resource) ? json.resource : {}),
    ...Object.entries<any>(isObject(json?.data) ? json.data : {}).map(([type, byName]) => [`data.${type}`, byName] as [string, any]),
  ];
  for (const [type, byName] of declaredTypes) {
    if (!isObject(byName)) continue;
    for (const [name, raw] of Object.entries<any>(byName)) {
      // hcl2json keeps every declaration of a name (Terraform would refuse the duplicate,
      // so each is judged rather than one silently dropped)
      for (const declared of Array.isArray(raw) ? raw.filter(isObject) : isObject(raw) ? [raw] : []) {
        const { ['//']: meta, ...config } = declared;
        uncertain = [];
        const resolved = resolveDeep(config) as Record<string, unknown>;
        const resource: ResolvedResource = { type, name, address: `${type}.${name}`, config: resolved, meta: meta ?? {} };
        resources.push(uncertain.length
          ? { ...resource, withoutDynamicBlocks: resolveDeep(config, false) as Record<string, unknown>, dynamicBlocks: [...new Set(uncertain)] }
          : resource);
      }
    }
  }
  return resources;
}

/**
 * Could anything in this string resolve? Only variables, locals, data sources and function
 * calls can; a plain reference such as `${aws_s3_bucket.b.id}` (most of what cdktf writes)
 * is left as it is without parsing it.
 */
function resolvable(s: string): boolean {
  return s.includes('${') && (s.includes('var.') || s.includes('local.') || s.includes('data.') || s.includes('('));
}

const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const blocksOf = (v: unknown): Array<Record<string, any>> => list(v).filter(isObject);

/**
 * The JSON an `aws_iam_policy_document` data source renders, built from its (resolved)
 * arguments; undefined when it depends on something unknown (other documents that are not
 * literal, `dynamic` statements).
 */
export function policyDocumentJson(doc: Record<string, any>): string | undefined {
  const statements: unknown[] = [];
  for (const key of ['source_policy_documents', 'source_json']) {
    for (const source of list(doc[key])) {
      if (typeof source !== 'string' || source.includes('${')) return undefined;
      try {
        statements.push(...list(JSON.parse(source).Statement));
      } catch {
        return undefined;
      }
    }
  }
  if (doc.override_policy_documents !== undefined || doc.override_json !== undefined) return undefined;
  if (typeof doc.statement === 'string') return undefined; // a dynamic statement block
  for (const s of blocksOf(doc.statement)) {
    const out: Record<string, unknown> = { Effect: s.effect ?? 'Allow' };
    if (s.sid !== undefined) out.Sid = s.sid;
    if (s.actions !== undefined) out.Action = s.actions;
    if (s.not_actions !== undefined) out.NotAction = s.not_actions;
    if (s.resources !== undefined) out.Resource = s.resources;
    if (s.not_resources !== undefined) out.NotResource = s.not_resources;
    for (const [key, field] of [['principals', 'Principal'], ['not_principals', 'NotPrincipal']] as const) {
      if (typeof s[key] === 'string') return undefined;
      const ps = blocksOf(s[key]);
      if (!ps.length) continue;
      // `type = "*"` with identifiers ["*"] renders as Principal "*"
      if (ps.some((p) => p.type === '*')) {
        out[field] = '*';
        continue;
      }
      const byType: Record<string, unknown[]> = {};
      for (const p of ps) (byType[String(p.type)] ??= []).push(...list(p.identifiers));
      out[field] = byType;
    }
    if (typeof s.condition === 'string') return undefined;
    const conditions = blocksOf(s.condition);
    if (conditions.length) {
      const c: Record<string, Record<string, unknown[]>> = {};
      for (const cond of conditions) ((c[String(cond.test)] ??= {})[String(cond.variable)] ??= []).push(...list(cond.values));
      out.Condition = c;
    }
    statements.push(out);
  }
  return JSON.stringify({ Version: doc.version ?? '2012-10-17', Statement: statements });
}
