import { ChangeAction, OutputChange, ResourceChange, StackChanges } from './model';
import { isStateful } from './risk';
import { securityDelta } from './security';
import { diffAttributes, flatten, renderValue } from './values';
import { InputError } from '../core/errors';
import { readJsonFile } from '../core/files';
import { Secrets } from '../core/secrets';

/** Fold Terraform's actions list into one action. */
export function actionOf(actions: readonly string[]): ChangeAction {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  const known: ChangeAction[] = ['create', 'update', 'delete', 'read', 'forget', 'no-op'];
  return known.find((a) => actions.includes(a)) ?? 'no-op';
}

/** A path array from replace_paths, rendered like our attribute paths. */
function renderPath(path: unknown): string {
  return (Array.isArray(path) ? path : [path]).map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : String(p))).join('');
}

/** One entry of resource_changes; `undefined` (with a warning) when it cannot be read. */
function resourceChange(rc: any, where: string, warnings: string[], secrets: Secrets): ResourceChange | undefined {
  if (!rc || typeof rc !== 'object' || Array.isArray(rc)) {
    warnings.push(`${where} is not a resource change (${rc === null ? 'null' : typeof rc}): skipped`);
    return undefined;
  }
  const address = typeof rc.address === 'string' && rc.address ? rc.address
    : typeof rc.type === 'string' && typeof rc.name === 'string' ? `${rc.module_address ? `${rc.module_address}.` : ''}${rc.type}.${rc.name}` : undefined;
  if (!address) {
    warnings.push(`${where} has no address (nor type and name): skipped`);
    return undefined;
  }
  if (typeof rc.address !== 'string') warnings.push(`${where} has no address: shown as ${address}`);
  const change = rc.change && typeof rc.change === 'object' ? rc.change : {};
  const actions: string[] = Array.isArray(change.actions) ? change.actions.map(String) : [];
  const before = flatten(change.before ?? undefined, change.before_sensitive, undefined, secrets);
  const after = flatten(change.after ?? undefined, change.after_sensitive, change.after_unknown, secrets);
  const type = String(rc.type ?? address.split('.').slice(-2)[0] ?? '');
  return {
    address,
    type,
    action: actionOf(actions),
    actions,
    reason: rc.action_reason ? String(rc.action_reason) : undefined,
    previousAddress: rc.previous_address ? String(rc.previous_address) : undefined,
    replacePaths: Array.isArray(change.replace_paths) ? change.replace_paths.map(renderPath) : [],
    attributes: diffAttributes(before, after),
    importing: change.importing !== undefined && change.importing !== null,
    stateful: isStateful(type),
    mode: rc.mode === 'data' ? 'data' : 'managed',
  };
}

function outputChange(name: string, oc: any, secrets: Secrets): OutputChange {
  return {
    name,
    action: actionOf(Array.isArray(oc?.actions) ? oc.actions : []),
    // a null side is absent (create or delete), whatever its sensitivity mask says
    before: oc?.before === null || oc?.before === undefined ? undefined : renderValue(oc.before, oc.before_sensitive, undefined, secrets),
    after: (oc?.after === null || oc?.after === undefined) && oc?.after_unknown !== true
      ? undefined
      : renderValue(oc?.after ?? undefined, oc?.after_sensitive, oc?.after_unknown, secrets),
  };
}

function list(plan: any, key: string, source: string): unknown[] {
  const value = plan[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InputError(`${source}: ${key} is not a list`);
  return value;
}

/**
 * Read a `terraform show -json` (or `tofu show -json`) plan, or HCP Terraform's redacted plan
 * JSON (`plan_format_version`). Any 0.x or 1.x format is accepted and unknown keys are
 * ignored; sensitive values are masked while reading, so they never reach the model or any
 * report. An entry that cannot be read is skipped with a warning, never a crash.
 */
export function parsePlan(stack: string, plan: any, source = stack): StackChanges {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) throw new InputError(`${source}: not a plan (expected a JSON object)`);
  const version = String(plan.format_version ?? plan.plan_format_version ?? '');
  if (!/^[01]\.\d+/.test(version)) {
    throw new InputError(`${source}: format_version ${JSON.stringify(plan.format_version ?? plan.plan_format_version)} is not supported (0.x or 1.x; is this a terraform show -json plan?)`);
  }
  const warnings: string[] = [];
  // masked by value, not only by Terraform's marks: old values of sensitive inputs reach `before` unmarked
  const secrets = Secrets.of(plan);
  const read = (entries: unknown[], key: string) => entries.map((rc, i) => resourceChange(rc, `${key}[${i}]`, warnings, secrets)).filter((c): c is ResourceChange => c !== undefined);
  const changes = read(list(plan, 'resource_changes', source), 'resource_changes');
  const deferredRaw = list(plan, 'deferred_changes', source).map((d: any) => d?.resource_change);
  const deferred = read(deferredRaw, 'deferred_changes').map((c, i) => ({ ...c, reason: String((list(plan, 'deferred_changes', source)[i] as any)?.reason ?? 'deferred') }));
  const outputs = plan.output_changes && typeof plan.output_changes === 'object' ? plan.output_changes : {};
  const result: StackChanges = {
    stack,
    source: 'plan',
    changes,
    drift: read(list(plan, 'resource_drift', source), 'resource_drift'),
    outputs: Object.entries<any>(outputs).map(([name, oc]) => outputChange(name, oc, secrets)).filter((o) => o.action !== 'no-op'),
    deferred,
    warnings,
  };
  return { ...result, security: securityDelta(stack, list(plan, 'resource_changes', source), changes, secrets) };
}

/** Read a plan file; `stack=path` names the stack, otherwise the name comes from the path. */
export function readPlanFile(spec: string): StackChanges {
  const eq = spec.indexOf('=');
  const [stack, path] = eq > 0 ? [spec.slice(0, eq), spec.slice(eq + 1)] : [stackNameFromPath(spec), spec];
  return parsePlan(stack, readJsonFile(path, 'a plan as JSON (terraform show -json)'), path);
}

/** `cdktf.out/stacks/acme-dev/plan.json` → `acme-dev`; `acme-dev.plan.json` → `acme-dev`. */
export function stackNameFromPath(path: string): string {
  const inStacks = /stacks[\\/]([^\\/]+)[\\/][^\\/]+$/.exec(path);
  if (inStacks) return inStacks[1];
  const base = path.split(/[\\/]/).pop()!;
  return base.replace(/(\.tfplan)?\.json$/, '').replace(/\.plan$/, '');
}
