import { StackView } from '../../../src/policy/model';
import { stackView } from '../../../src/policy/stack-view';

/** Resources keyed by address: `{ 'aws_s3_bucket.logs': {...config} }`. */
export type Resources = Record<string, Record<string, unknown>>;

/** A rule's cases: each stack is judged at `target` (default: the first resource). */
export interface RuleCases {
  readonly target?: string;
  readonly pass: Resources[];
  readonly fail: Resources[];
  readonly unknown?: Resources[];
  readonly notApplicable?: Resources[];
  /** Other stacks judged in the same run (runtime rules look across them); each case's stack is the first. */
  readonly others?: Resources[];
}

/** `terraform.backend.<type>` and `provider.<name>` keys become the stack's backend and provider blocks. */
export function view(resources: Resources, name = 'test'): StackView {
  const json: any = { resource: {} };
  for (const [address, config] of Object.entries(resources)) {
    const [type, id, third] = address.split('.');
    if (type === 'terraform') json.terraform = { backend: { [third]: config } };
    else if (type === 'provider') json.provider = { [id]: [config] };
    else json.resource[type] = { ...json.resource[type], [id]: config };
  }
  return stackView(name, json);
}

/** A policy document as cdktf writes it: a JSON string. */
export const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

/** A case's stack judged with other stacks in the same run, as `goldenpath check` does. */
export function viewWith(resources: Resources, others: readonly Resources[]): StackView {
  const app: { stacks: StackView[] } = { stacks: [] };
  app.stacks = [resources, ...others].map((r, i) => ({ ...view(r, i === 0 ? 'test' : `other-${i}`), app }));
  return app.stacks[0];
}
