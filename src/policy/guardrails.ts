import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformResource, TerraformStack } from '../cdk';
import { evaluateStack, RuleSet } from './engine';
import { Finding, Pack } from './model';
import { BUILT_IN_PACKS } from './packs';
import { stackView } from './stack-view';
import { annotate } from '../core/annotate';
import { GoldenPathContext } from '../core/context';

export interface GuardrailsProps {
  /** Packs to enforce. @default - every built-in pack */
  readonly packs?: readonly Pack[];
  /**
   * Only judge resources made by golden-path constructs, leaving a team's own resources
   * to `goldenpath check`. @default false
   */
  readonly onlyGoldenPath?: boolean;
  /** The date suppressions expire against. @default - today */
  readonly now?: Date;
}

/**
 * The synth-time run of the guardrails (DESIGN contract 2). As an Aspect it records which
 * resources are in its scope; once all Aspects have run, a validation on each stack
 * evaluates the rules over the stack's resolved JSON — the same function `goldenpath check`
 * runs on cdktf.out — and turns findings into Annotations on the offending construct.
 * Errors fail `cdktf synth` with the rule id and construct path.
 */
export class Guardrails implements IAspect {
  /** Apply guardrails to everything under `scope`. */
  public static apply(scope: IConstruct, props: GuardrailsProps = {}): Guardrails {
    const aspect = new Guardrails(props);
    if (scope.node.scopes.some((s) => TerraformStack.isStack(s))) {
      Aspects.of(scope).add(aspect);
      return aspect;
    }
    // cdktf invokes Aspects from each stack down, so an Aspect on the App (or on any scope
    // above the stacks) would silently never run: put it on each stack instead, and fail
    // synth for a stack created after this call rather than leave it unchecked.
    const stacksUnder = () => scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
    const covered = new Set(stacksUnder());
    for (const stack of covered) Aspects.of(stack).add(aspect);
    scope.node.addValidation({
      validate: () => stacksUnder().filter((s) => !covered.has(s)).map((s) =>
        `Guardrails.apply(${scope.node.path || 'app'}) ran before stack ${s.node.path} was created, so its resources were not checked: call it after creating the stacks, or on the stack itself`),
    });
    return aspect;
  }

  private readonly ruleSet: RuleSet;
  private readonly inScope = new Map<TerraformStack, Map<string, TerraformResource>>();

  constructor(private readonly props: GuardrailsProps = {}) {
    this.ruleSet = new RuleSet(props.packs ?? BUILT_IN_PACKS);
  }

  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const resource = node as TerraformResource;
    if (this.props.onlyGoldenPath && GoldenPathContext.of(resource).kind === undefined) return;
    const stack = TerraformStack.of(resource);
    let resources = this.inScope.get(stack);
    if (!resources) {
      resources = new Map();
      this.inScope.set(stack, resources);
      stack.node.addValidation({ validate: () => this.check(stack) });
    }
    resources.set(`${resource.terraformResourceType}.${resource.friendlyUniqueId}`, resource);
  }

  private check(stack: TerraformStack): string[] {
    const resources = this.inScope.get(stack)!;
    const json = stack.toTerraform();
    handOver(stack, json);
    const view = stackView(stack.node.id, json);
    for (const finding of evaluateStack(view, this.ruleSet, this.props.now)) {
      const resource = resources.get(finding.address);
      if (resource) annotateFinding(resource, finding);
    }
    return []; // reported as Annotations, which carry the construct path into manifest.json
  }
}

/**
 * cdktf serializes the stack again right after validation, resolving every token a second
 * time (about a third of synth time). Nothing may change the tree after Aspects and
 * validations, so hand the JSON just resolved to that next call, once; later calls resolve
 * afresh.
 */
function handOver(stack: TerraformStack, json: any): void {
  const own = Object.prototype.hasOwnProperty.call(stack, 'toTerraform');
  if (own) return; // another Guardrails aspect already handed over this stack's JSON
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    writable: true,
    value: () => {
      delete (stack as { toTerraform?: unknown }).toTerraform;
      return json;
    },
  });
}

/** What each resource has been told already: two Guardrails over one resource report a finding once. */
const reported = new WeakMap<IConstruct, Set<string>>();

/** Suppressed findings are only annotated when asked: they are decisions already made. */
const verbose = () => process.env.GOLDENPATH_VERBOSE === '1';

function annotateFinding(scope: IConstruct, f: Finding): void {
  const text = `[${f.ruleId}] ${f.title}: ${f.message}`;
  const seen = reported.get(scope) ?? new Set<string>();
  reported.set(scope, seen);
  if (seen.has(text)) return;
  seen.add(text);
  if (f.status === 'suppressed' && !verbose()) return;
  if (f.status === 'suppressed') annotate(scope, 'info', `${text} (suppressed: ${f.suppression?.reason})`);
  else if (f.status === 'unknown') annotate(scope, 'warning', `${text} (unknown at synth time)`);
  else if (f.severity === 'error') annotate(scope, 'error', `${text}. Fix: ${f.remediation}`);
  else if (f.severity === 'warning') annotate(scope, 'warning', `${text}. Fix: ${f.remediation}`);
  else annotate(scope, 'info', text);
}
