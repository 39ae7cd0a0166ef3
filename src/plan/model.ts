import { Finding } from '../policy/model';

/** What happens to a resource, with replacements folded into one action. */
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'forget' | 'no-op';

/**
 * One attribute's change, already rendered for display. Sensitive values never reach this
 * model: they are replaced by SENSITIVE when the plan is read.
 */
export interface AttributeChange {
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
}

export const SENSITIVE = '(sensitive value)';
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** Who owns a resource and what made it, from cdktf.out metadata. */
export interface ResourceOwnership {
  readonly constructPath?: string;
  readonly owner?: string;
  readonly team?: string;
  readonly kind?: string;
}

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly action: ChangeAction;
  /** The raw actions list, e.g. ["delete","create"]. */
  readonly actions: readonly string[];
  /** Terraform's action_reason, or our note (config diff). */
  readonly reason?: string;
  readonly previousAddress?: string;
  readonly replacePaths: readonly string[];
  readonly attributes: readonly AttributeChange[];
  readonly importing: boolean;
  /** Databases, buckets, keys, clusters, state backends: losing them loses data. */
  readonly stateful: boolean;
  readonly ownership?: ResourceOwnership;
  readonly findings?: readonly Finding[];
}

export interface OutputChange {
  readonly name: string;
  readonly action: ChangeAction;
  readonly before?: string;
  readonly after?: string;
}

/** The changes of one stack (one plan file, or one stack of two cdktf.out trees). */
export interface StackChanges {
  readonly stack: string;
  readonly source: 'plan' | 'config-diff';
  readonly changes: readonly ResourceChange[];
  /** Changes made outside Terraform (resource_drift), kept apart from planned changes. */
  readonly drift: readonly ResourceChange[];
  readonly outputs: readonly OutputChange[];
}

export interface PlanReport {
  readonly stacks: readonly StackChanges[];
}

/** Counts by action over all stacks (no-ops left out). */
export function countByAction(report: PlanReport): Record<Exclude<ChangeAction, 'no-op'>, number> {
  const counts = { create: 0, update: 0, replace: 0, delete: 0, read: 0, forget: 0 };
  for (const s of report.stacks) for (const c of s.changes) if (c.action !== 'no-op') counts[c.action]++;
  return counts;
}
