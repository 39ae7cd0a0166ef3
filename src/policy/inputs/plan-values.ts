import { CheckedStack } from './terraform-files';
import { SynthesizedStack } from '../../core/cdktf-out';
import { InputError } from '../../core/errors';
import { Secrets } from '../../core/secrets';

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The configuration expression at a value path, to name what an unknown value refers to. */
function expressionAt(expressions: unknown, path: Array<string | number>): string | undefined {
  let current: any = expressions;
  for (const key of path) {
    if (typeof key === 'number') {
      current = Array.isArray(current) ? current[key] ?? current[0] : current;
      continue;
    }
    if (Array.isArray(current)) current = current[0];
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  const refs = isObject(current) && Array.isArray(current.references) ? current.references : [];
  // the longest reference is the most precise (`aws_s3_bucket.b.id` before `aws_s3_bucket.b`)
  return refs.length ? [...refs].sort((a: string, b: string) => b.length - a.length)[0] : undefined;
}

/**
 * Planned values with what plan still leaves unknown (`after_unknown`) written as an
 * expression: the reference from the configuration where there is one (so split resources
 * still find their bucket), otherwise "known after apply".
 */
function withUnknowns(values: unknown, unknown: unknown, expressions: unknown, path: Array<string | number> = []): unknown {
  if (unknown === true) return `\${${expressionAt(expressions, path) ?? 'known_after_apply'}}`;
  if (Array.isArray(unknown)) {
    const arr = Array.isArray(values) ? values.slice() : [];
    unknown.forEach((u, i) => {
      if (u !== false && u !== undefined) arr[i] = withUnknowns(arr[i], u, expressions, [...path, i]);
    });
    return arr;
  }
  if (isObject(unknown)) {
    const obj: Record<string, unknown> = isObject(values) ? { ...values } : {};
    for (const [k, u] of Object.entries(unknown)) if (u !== false) obj[k] = withUnknowns(obj[k], u, expressions, [...path, k]);
    return obj;
  }
  return values;
}

interface PlannedResource { address: string; mode?: string; type: string; name: string; index?: unknown; values?: unknown }

function plannedResources(module: any, out: PlannedResource[] = []): PlannedResource[] {
  if (!isObject(module)) return out;
  for (const r of Array.isArray(module.resources) ? module.resources : []) if (isObject(r) && typeof r.type === 'string' && typeof r.address === 'string') out.push(r as PlannedResource);
  for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) plannedResources(child, out);
  return out;
}

function configurationIndex(module: any, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isObject(module)) return out;
  for (const r of Array.isArray(module.resources) ? module.resources : []) if (isObject(r)) out.set(`${prefix}${r.address}`, r.expressions);
  for (const [name, call] of Object.entries<any>(isObject(module.module_calls) ? module.module_calls : {})) configurationIndex(call?.module, `${prefix}module.${name}.`, out);
  return out;
}

/**
 * The planned values of a `terraform show -json` plan as Terraform JSON, one stack per
 * module. With the cdktf.out the plan came from, each resource gets its construct path and
 * suppressions back, and the stack its context.
 */
export function planStacks(plan: unknown, source: string, cdktfOut: readonly SynthesizedStack[] = []): CheckedStack[] {
  if (!isObject(plan) || !isObject(plan.planned_values)) throw new InputError(`${source}: is not a plan as JSON (no "planned_values"; use \`terraform show -json plan.tfplan\`)`);
  const unknownByAddress = new Map<string, unknown>();
  for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (isObject(rc) && typeof rc.address === 'string') unknownByAddress.set(rc.address, rc.change?.after_unknown);
  }
  const expressions = configurationIndex(plan.configuration?.root_module);
  // findings quote values: none of them may be a secret, marked or not
  const secrets = Secrets.of(plan);
  const managed = plannedResources(plan.planned_values.root_module).filter((r) => (r.mode ?? 'managed') === 'managed');

  // the synthesized stack holding most of these addresses is the one this plan is of
  const rootAddresses = managed.filter((r) => !r.address.startsWith('module.')).map((r) => `${r.type}.${r.name}`);
  const holds = (s: SynthesizedStack, address: string) => s.json?.resource?.[address.slice(0, address.indexOf('.'))]?.[address.slice(address.indexOf('.') + 1)] !== undefined;
  const origin = cdktfOut.map((s) => ({ s, hits: rootAddresses.filter((a) => holds(s, a)).length })).sort((a, b) => b.hits - a.hits)[0];
  const synthesized = origin && origin.hits > 0 ? origin.s : undefined;

  const byModule = new Map<string, Record<string, any>>();
  for (const r of managed) {
    const configKey = r.address.replace(/\[[^\]]*\]$/, '');
    const module = configKey.split('.').slice(0, -2).join('.');
    const config = secrets.scrub(withUnknowns(isObject(r.values) ? r.values : {}, unknownByAddress.get(r.address), expressions.get(configKey))) as Record<string, any>;
    // the name keeps a count or for_each index, so findings name the instance
    const name = r.address.slice(module ? module.length + 1 + r.type.length + 1 : r.type.length + 1);
    const meta = module ? undefined : synthesized?.json?.resource?.[r.type]?.[r.name]?.['//'];
    const doc = byModule.get(module) ?? { resource: {} };
    ((doc.resource[r.type] ??= {}) as Record<string, unknown>)[name] = meta ? { ...config, '//': meta } : config;
    byModule.set(module, doc);
  }
  const stackName = synthesized?.name ?? source;
  return [...byModule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([module, json]) => ({
    name: module ? `${stackName}/${module}` : stackName,
    file: source,
    json: module || !synthesized ? json : { ...json, '//': synthesized.json?.['//'] },
    lines: new Map<string, number>(),
  }));
}
