import { IConstruct } from 'constructs';
import { Aspects, TerraformStack } from './cdk';
import { GoldenPathContext, GoldenPathContextProps } from './core/context';
import { MetadataAspect } from './core/metadata';
import { StandardTagsAspect } from './core/tags';
import { Plugins } from './plugins/registry';
import { Guardrails } from './policy/guardrails';

const prepared = new WeakSet<IConstruct>();

/**
 * Make sure the stack that holds `scope` tags, labels and describes its resources, and
 * holds golden-path resources to the guardrails. Safe to
 * call many times: each stack gets the Aspects once.
 */
export function prepareStack(scope: IConstruct): TerraformStack {
  const stack = TerraformStack.of(scope);
  if (!prepared.has(stack)) {
    prepared.add(stack);
    const aspects = Aspects.of(stack);
    aspects.add(new StandardTagsAspect());
    aspects.add(new MetadataAspect());
    // every golden path is held to the built-in rules; a team's own resources are left to
    // `goldenpath check` or an explicit Guardrails.apply(stack)
    aspects.add(new Guardrails({ onlyGoldenPath: true }));
  }
  // plugins registered on the app (or above the stack) bring their rules and tags
  Plugins.applyAspects(stack);
  return stack;
}

/**
 * Called by every golden-path construct in its constructor: records its kind and
 * context and prepares its stack.
 */
export function markGoldenPath(scope: IConstruct, kind: string, context: GoldenPathContextProps = {}): void {
  GoldenPathContext.markKind(scope, kind);
  GoldenPathContext.set(scope, context);
  prepareStack(scope);
}
