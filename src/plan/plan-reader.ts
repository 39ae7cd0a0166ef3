import { readFileSync } from 'fs';
import { ChangeAction, OutputChange, ResourceChange, StackChanges } from './model';
import { isStateful } from './risk';
import { diffAttributes, flatten, renderValue } from './values';
import { InputError } from '../core/errors';

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

function resourceChange(rc: any): ResourceChange {
  const change = rc.change ?? {};
  const actions: string[] = Array.isArray(change.actions) ? change.actions.map(String) : [];
  const before = flatten(change.before ?? undefined, change.before_sensitive, undefined);
  const after = flatten(change.after ?? undefined, change.after_sensitive, change.after_unknown);
  return {
    address: String(rc.address),
    type: String(rc.type ?? ''),
    action: actionOf(actions),
    actions,
    reason: rc.action_reason ? String(rc.action_reason) : undefined,
    previousAddress: rc.previous_address ? String(rc.previous_address) : undefined,
    replacePaths: Array.isArray(change.replace_paths) ? change.replace_paths.map(renderPath) : [],
    attributes: diffAttributes(before, after),
    importing: change.importing !== undefined && change.importing !== null,
    stateful: isStateful(String(rc.type ?? '')),
  };
}

function outputChange(name: string, oc: any): OutputChange {
  return {
    name,
    action: actionOf(Array.isArray(oc?.actions) ? oc.actions : []),
    // a null side is absent (create or delete), whatever its sensitivity mask says
    before: oc?.before === null || oc?.before === undefined ? undefined : renderValue(oc.before, oc.before_sensitive, undefined),
    after: (oc?.after === null || oc?.after === undefined) && oc?.after_unknown !== true ? undefined : renderValue(oc?.after ?? undefined, oc?.after_sensitive, oc?.after_unknown),
  };
}

/**
 * Read a `terraform show -json` (or `tofu show -json`) plan. Any 0.x or 1.x
 * format_version is accepted and unknown keys are ignored; sensitive values are masked
 * while reading, so they never reach the model or any report.
 */
export function parsePlan(stack: string, plan: any, source = stack): StackChanges {
  if (typeof plan !== 'object' || plan === null) throw new InputError(`${source}: not a plan (expected a JSON object)`);
  const version = String(plan.format_version ?? '');
  if (!/^[01]\.\d+/.test(version)) throw new InputError(`${source}: format_version ${JSON.stringify(plan.format_version)} is not supported (0.x or 1.x)`);
  if (plan.resource_changes !== undefined && !Array.isArray(plan.resource_changes)) throw new InputError(`${source}: resource_changes is not a list`);
  return {
    stack,
    source: 'plan',
    changes: (plan.resource_changes ?? []).filter((rc: any) => rc?.mode !== 'data').map(resourceChange),
    drift: (Array.isArray(plan.resource_drift) ? plan.resource_drift : []).map(resourceChange),
    outputs: Object.entries<any>(plan.output_changes ?? {}).map(([name, oc]) => outputChange(name, oc)).filter((o) => o.action !== 'no-op'),
  };
}

/** Read a plan file; `stack=path` names the stack, otherwise the name comes from the path. */
export function readPlanFile(spec: string): StackChanges {
  const eq = spec.indexOf('=');
  const [stack, path] = eq > 0 ? [spec.slice(0, eq), spec.slice(eq + 1)] : [stackNameFromPath(spec), spec];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`${path}: cannot read the plan file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parsePlan(stack, json, path);
}

/** `cdktf.out/stacks/acme-dev/plan.json` → `acme-dev`; `acme-dev.plan.json` → `acme-dev`. */
export function stackNameFromPath(path: string): string {
  const inStacks = /stacks[\\/]([^\\/]+)[\\/][^\\/]+$/.exec(path);
  if (inStacks) return inStacks[1];
  const base = path.split(/[\\/]/).pop()!;
  return base.replace(/(\.tfplan)?\.json$/, '').replace(/\.plan$/, '');
}
