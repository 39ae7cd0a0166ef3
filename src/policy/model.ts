/** How bad a failed rule is. Errors fail synth and, by default, `goldenpath check`. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What a rule says about one resource. */
export type RuleOutcome =
  | { readonly status: 'pass' }
  | { readonly status: 'not-applicable' }
  | {
    readonly status: 'fail';
    readonly message: string;
    readonly attribute?: string;
    /** Checkov checks whose condition failed; when absent, all the rule claims. */
    readonly checkov?: readonly string[];
  }
  | { readonly status: 'unknown'; readonly message: string; readonly attribute?: string };

/** One resource of synthesized Terraform JSON, as rules see it. */
export interface ResourceView {
  readonly type: string;
  readonly name: string;
  /** `<type>.<name>` */
  readonly address: string;
  /** The resolved Terraform JSON of the resource, without the `"//"` key. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The `"//"` metadata: cdktf's `metadata.path` and our `goldenpath` block. */
  readonly meta: Readonly<Record<string, any>>;
  /**
   * When `dynamic` blocks with a for_each known only at plan time are rendered in `config`:
   * the configuration without them. The engine judges both and reports unknown when they differ.
   */
  readonly withoutDynamicBlocks?: Readonly<Record<string, unknown>>;
  /** Names of those dynamic blocks. */
  readonly dynamicBlocks?: readonly string[];
}

/** Read-only view of the stack a resource is in, for graph rules. */
export interface StackView {
  readonly name: string;
  /** The stack's own `"//".goldenpath` block (context, stack-level suppressions). */
  readonly meta: Readonly<Record<string, any>>;
  readonly resources: readonly ResourceView[];
  /**
   * Every stack judged in the same run (`goldenpath check` of a whole cdktf.out), for the
   * runtime rules that judge whether the stacks work together. Absent at synth time, where
   * each stack is judged alone.
   */
  readonly app?: { readonly stacks: readonly StackView[] };
  /**
   * The stack's backend block (`terraform.backend.<type>`) as a resource of type
   * `terraform_backend_<type>`, so rules can judge where state lives. Not counted as a resource.
   */
  readonly backend?: ResourceView;
  /** The stack's `provider` blocks by provider name (aliases included), resolved. */
  readonly providers: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>>>>>;
  ofType(...types: string[]): readonly ResourceView[];
  byAddress(address: string): ResourceView | undefined;
  /**
   * Resources of `types` whose attribute `attribute` points at `target`: by a reference
   * such as `${aws_s3_bucket.logs.id}` or by the literal value of the target's
   * `matchOn` attribute (a bucket named in plain text).
   */
  attached(target: ResourceView, types: readonly string[], attribute: string, matchOn?: string): readonly ResourceView[];
}

/** A guardrail: metadata plus a pure function of one resource and its stack. */
export interface Rule {
  /** Stable id `GP-<DOMAIN>-<NNN>`. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Why the rule exists. */
  readonly rationale: string;
  /** What to change when it fails. */
  readonly remediation: string;
  /** Terraform resource types the rule looks at. */
  readonly resourceTypes: readonly string[];
  /**
   * Checkov checks that cover the same ground. A finding cites those whose own condition
   * failed on the resource (see RuleOutcome `checkov`).
   */
  readonly checkov?: readonly string[];
  /** Where this rule and the Checkov checks it claims disagree on purpose, and why. */
  readonly checkovDifferences?: string;
  /** CIS AWS Foundations Benchmark controls. */
  readonly cis?: readonly string[];
  evaluate(resource: ResourceView, stack: StackView): RuleOutcome;
}

/** A suppression as written in `"//".goldenpath.suppressions`. */
export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD) after which the suppression stops working. */
  readonly expires?: string;
}

/** A finding: the contract `goldenpath check --format json` writes and other tools read. */
export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly status: 'fail' | 'unknown' | 'suppressed';
  readonly stack: string;
  readonly address: string;
  readonly constructPath?: string;
  readonly message: string;
  readonly attribute?: string;
  /** Checkov checks whose condition failed on this resource (none for unknown findings). */
  readonly checkov: readonly string[];
  readonly remediation: string;
  /** For suppressed findings: the reason given. */
  readonly suppression?: Suppression;
}

export interface FindingsSummary {
  readonly stacks: number;
  readonly resources: number;
  readonly rules: number;
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly unknown: number;
  readonly suppressed: number;
}

export interface FindingsReport {
  readonly findings: readonly Finding[];
  readonly summary: FindingsSummary;
}

/** A named set of rules with the severities this pack gives them. */
export interface Pack {
  readonly name: string;
  readonly description: string;
  readonly rules: readonly Rule[];
  /** Severity overrides by rule id. @default - each rule's own severity */
  readonly severities?: Readonly<Record<string, Severity>>;
  /** Refuse suppressions of this pack's error-level rules. @default false */
  readonly forbidSuppressingErrors?: boolean;
}
