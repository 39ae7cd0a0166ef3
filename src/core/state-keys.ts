/**
 * Where every stack keeps its Terraform state, and what its deploy roles may touch: one
 * function for both, so a renamed stack or team moves its key and its grants together.
 *
 * `<org>/<environment>/<owner>/<stack>.tfstate`, where the owner is the team that plans and
 * applies the stack (the platform team for the platform's own stacks). A team's roles get
 * exactly the prefix `<org>/<environment>/<team>/`; S3-native locking writes `<key>.tflock`.
 */
export interface StateKeyParts {
  /** The Platform's org (the first part of every key). */
  readonly org: string;
  /** The environment, or `global` for stacks that belong to none. */
  readonly environment?: string;
  /** The team that owns (plans and applies) the stack. */
  readonly owner: string;
  /** The stack's id as it appears in cdktf.out. */
  readonly stack: string;
}

/** Environment part of the keys of stacks that belong to no environment. */
export const GLOBAL_ENVIRONMENT = 'global';

/** The prefix every key of one owner in one environment starts with. */
export function stateKeyPrefix(org: string, environment: string | undefined, owner: string): string {
  return `${org}/${environment ?? GLOBAL_ENVIRONMENT}/${owner}/`;
}

/** The state key of a stack. */
export function stateKey(parts: StateKeyParts): string {
  return `${stateKeyPrefix(parts.org, parts.environment, parts.owner)}${parts.stack}.tfstate`;
}

/** The lock object Terraform's S3 backend writes beside a state key (`use_lockfile`). */
export function lockKey(key: string): string {
  return `${key}.tflock`;
}
