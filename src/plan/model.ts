import { SENSITIVE } from '../core/secrets';
import { Finding } from '../policy/model';

/** GitHub rejects issue and pull-request comments longer than this (characters). */
export const GITHUB_COMMENT_LIMIT = 65_536;

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

export { SENSITIVE };
/** A sensitive value that the plan changes: what the reviewer needs to know, and no more. */
export const SENSITIVE_CHANGED = '(sensitive value changed)';
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
  /** A data source read, or a managed resource. @default 'managed' */
  readonly mode?: 'managed' | 'data';
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
  /** Changes Terraform could not plan yet (deferred_changes), with the reason. @default - none */
  readonly deferred?: readonly ResourceChange[];
  /** Entries that could not be read, each skipped with a note. @default - none */
  readonly warnings?: readonly string[];
  /** Guardrail findings this change introduces and fixes, and widening changes. @default - not computed */
  readonly security?: SecurityDelta;
}

/** What a change does to the security posture. */
export interface SecurityDelta {
  /** Failed findings in the new configuration that the old one did not have. */
  readonly introduced: readonly Finding[];
  /** Failed findings of the old configuration that are gone. */
  readonly fixed: readonly Finding[];
  /** Changes that widen access even when no rule fails: `address: what`. */
  readonly widening: readonly string[];
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
