import { IConstruct } from 'constructs';
import { AlertRoutingHookTarget, GoldenPathPlugin, ScorecardCheckData, ServiceHookTarget, WithSource } from './contract';
import { Aspects, IAspect, Lazy, TerraformResource, TerraformStack, Token } from '../cdk';
import { CatalogFacts } from '../core/catalog-facts';
import { GoldenPathContext } from '../core/context';
import { METADATA_KEY } from '../core/metadata';
import { Guardrails } from '../policy/guardrails';

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** A plugin problem: names the plugin (and the other one, where two are involved). */
export class PluginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginError';
  }
}

interface Registration {
  readonly plugin: GoldenPathPlugin;
  readonly scope: IConstruct;
}

const registered = new WeakMap<IConstruct, Registration[]>();
/** Per stack: what each plugin changed, written into the stack's `"//"` metadata. */
const ledgers = new WeakMap<TerraformStack, Map<string, Set<string>>>();
/** Per stack: the plugins' scorecard checks, as data for `goldenpath catalog`. */
const stackChecks = new WeakMap<TerraformStack, Map<string, ScorecardCheckData>>();
/** Which plugins' Aspects a stack (or construct) already carries. */
const applied = new WeakMap<IConstruct, Set<GoldenPathPlugin>>();
/** Scopes under which golden-path constructs already asked for their plugins. */
const consulted = new WeakSet<IConstruct>();

const id = (p: GoldenPathPlugin) => `${p.name}@${p.version}`;

/**
 * The order plugins run in: a plugin after the plugins it depends on; among plugins that
 * are free to run at the same point, by name. So the order never depends on the order of
 * registration. A missing dependency or a cycle is an error that names the plugins.
 */
export function orderPlugins(plugins: readonly GoldenPathPlugin[]): GoldenPathPlugin[] {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  for (const p of plugins) {
    for (const dep of p.dependsOn ?? []) {
      if (!byName.has(dep)) throw new PluginError(`plugin ${id(p)} depends on "${dep}", which is not registered`);
    }
  }
  const done: GoldenPathPlugin[] = [];
  const placed = new Set<string>();
  while (done.length < plugins.length) {
    const ready = plugins.filter((p) => !placed.has(p.name) && (p.dependsOn ?? []).every((d) => placed.has(d)))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (ready.length === 0) throw new PluginError(`plugins depend on each other in a cycle: ${cycle(plugins.filter((p) => !placed.has(p.name)), byName)}`);
    done.push(ready[0]);
    placed.add(ready[0].name);
  }
  return done;
}

function cycle(left: readonly GoldenPathPlugin[], byName: Map<string, GoldenPathPlugin>): string {
  // walk dependencies from the first plugin left until one repeats
  const path: string[] = [];
  let current: GoldenPathPlugin | undefined = [...left].sort((a, b) => a.name.localeCompare(b.name))[0];
  while (current && !path.includes(current.name)) {
    path.push(current.name);
    current = byName.get([...(current.dependsOn ?? [])].sort().find((d) => left.some((p) => p.name === d))!);
  }
  return current ? [...path.slice(path.indexOf(current.name)), current.name].join(' → ') : path.join(' → ');
}

function validate(plugin: GoldenPathPlugin, where: string): void {
  if (!plugin || typeof plugin !== 'object') throw new PluginError(`${where}: a plugin must be an object with a name and a version, got ${JSON.stringify(plugin)}`);
  if (typeof plugin.name !== 'string' || !NAME.test(plugin.name)) throw new PluginError(`${where}: plugin name must be a package-style name, got ${JSON.stringify(plugin.name)}`);
  if (typeof plugin.version !== 'string' || !SEMVER.test(plugin.version)) throw new PluginError(`${where}: plugin ${plugin.name} needs a semver version, got ${JSON.stringify(plugin.version)}`);
  if (plugin.dependsOn !== undefined && (!Array.isArray(plugin.dependsOn) || plugin.dependsOn.some((d) => typeof d !== 'string'))) {
    throw new PluginError(`${where}: plugin ${plugin.name} dependsOn must be a list of plugin names`);
  }
}

/**
 * Plugins extend the golden paths under a scope: the Platform (`new Platform(app, id, {
 * plugins })`), an app, a stack, any construct. Register them before the constructs they
 * should see; the phases are fixed: rules and tags apply at synth, construct hooks run as
 * each golden path is built, catalog contributions as each entity is recorded.
 */
export class Plugins {
  public static register(scope: IConstruct, ...plugins: GoldenPathPlugin[]): void {
    const where = scope.node.path || '(app)';
    plugins.forEach((p) => validate(p, where));
    const existing = Plugins.registrations(scope);
    for (const [i, p] of plugins.entries()) {
      const twice = [...existing, ...plugins.slice(0, i).map((plugin) => ({ plugin, scope }))].find((r) => r.plugin.name === p.name);
      if (twice) throw new PluginError(`plugin ${p.name} is registered twice: ${id(twice.plugin)} on ${twice.scope.node.path || '(app)'} and ${id(p)} on ${where}`);
    }
    for (const node of scope.node.findAll()) {
      if (consulted.has(node)) {
        throw new PluginError(`plugins ${plugins.map(id).join(', ')} are registered on ${where} after ${node.node.path} was built; register plugins first`);
      }
    }
    // check the whole set now, so a missing dependency or a cycle fails here and not at synth
    orderPlugins([...existing.map((r) => r.plugin), ...plugins]);
    registered.set(scope, [...(registered.get(scope) ?? []), ...plugins.map((plugin) => ({ plugin, scope }))]);
    // cdktf runs a stack's Aspects from the stack down, so Aspects on an app never run: they
    // go on each stack under the scope, now and as golden-path stacks are prepared later
    const stacks = TerraformStack.isStack(scope) || scope.node.scopes.some((s) => TerraformStack.isStack(s))
      ? [scope] : scope.node.findAll().filter((c) => TerraformStack.isStack(c));
    for (const target of stacks) Plugins.applyAspects(target);

    for (const plugin of orderPlugins(plugins)) {
      if (plugin.entityAnnotations || plugin.entityFacts || plugin.portalPanels) {
        CatalogFacts.addTransform(scope, (fact, at, stack) => {
          const context = GoldenPathContext.of(at);
          const entity = { kind: fact.kind, name: fact.name, context };
          const annotations = plugin.entityAnnotations?.(entity) ?? {};
          const facts = plugin.entityFacts?.(entity) ?? {};
          const panels = fact.kind === 'Component' && plugin.portalPanels
            ? plugin.portalPanels({ name: fact.name, environment: String(fact.facts?.environment ?? context.environment ?? ''), context }) : [];
          if (Object.keys(annotations).length + Object.keys(facts).length + panels.length === 0) return fact;
          Plugins.recordChange(at, plugin, `catalog ${fact.kind}:${fact.name}${Object.keys(annotations).length ? ` annotations ${Object.keys(annotations).sort().join(', ')}` : ''}${Object.keys(facts).length ? ` facts ${Object.keys(facts).sort().join(', ')}` : ''}${panels.length ? ` portal panels ${panels.map((p) => p.title).join(', ')}` : ''}`, stack);
          return {
            ...fact,
            annotations: { ...fact.annotations, ...annotations },
            facts: { ...fact.facts, ...facts, ...(panels.length ? { panels: [...((fact.facts?.panels as unknown[]) ?? []), ...panels] } : {}) },
          };
        });
      }
    }
  }

  /**
   * Put the Aspects of the plugins registered on or above `target` (rules, tags) on it, once
   * each. Golden-path stacks call this when they are prepared.
   */
  public static applyAspects(target: IConstruct): void {
    const done = applied.get(target) ?? new Set<GoldenPathPlugin>();
    applied.set(target, done);
    for (const plugin of orderPlugins(Plugins.registrations(target).map((r) => r.plugin))) {
      if (done.has(plugin)) continue;
      done.add(plugin);
      if (plugin.packs?.length) Guardrails.apply(target, { packs: plugin.packs, onlyGoldenPath: false });
      if (plugin.tags) Aspects.of(target).add(new PluginTagsAspect(plugin));
    }
  }

  /** The plugins that apply to `scope` (registered on it or above), in their run order. */
  public static of(scope: IConstruct): GoldenPathPlugin[] {
    consulted.add(scope);
    return orderPlugins(Plugins.registrations(scope).map((r) => r.plugin));
  }

  /** Scorecard checks (as data) of the plugins under which `scope` sits. */
  public static scorecardChecks(scope: IConstruct): ScorecardCheckData[] {
    return Plugins.of(scope).flatMap((p) => p.scorecardChecks ?? []);
  }

  /** Run every plugin's service hook on a Service that is being built; each change is recorded. */
  public static runServiceHooks(service: IConstruct, target: WithSource<ServiceHookTarget>): void {
    const checks = Plugins.scorecardChecks(service);
    if (checks.length) {
      const stack = TerraformStack.of(service);
      if (!stackChecks.has(stack)) {
        const byId = new Map<string, ScorecardCheckData>();
        stackChecks.set(stack, byId);
        stack.addOverride(`//.${METADATA_KEY}.scorecardChecks`, Lazy.anyValue({ produce: () => [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)) }));
      }
      for (const c of checks) stackChecks.get(stack)!.set(c.id, c);
    }
    for (const plugin of Plugins.of(service)) {
      if (!plugin.service) continue;
      const source = `plugin ${id(plugin)}`;
      plugin.service({
        serviceName: target.serviceName,
        namespace: target.namespace,
        environment: target.environment,
        context: target.context,
        addVariable: (name, value) => { target.addVariable(name, value, source); Plugins.recordChange(service, plugin, `variable ${name}`); },
        addSidecar: (sidecar) => { target.addSidecar(sidecar, source); Plugins.recordChange(service, plugin, `sidecar ${sidecar.name}`); },
        addAnnotation: (key, value) => { target.addAnnotation(key, value, source); Plugins.recordChange(service, plugin, `annotation ${key}`); },
      });
    }
  }

  /** Run every plugin's alert-routing hook on a team's AlertRouting that is being built. */
  public static runAlertRoutingHooks(routing: IConstruct, target: WithSource<AlertRoutingHookTarget>): void {
    for (const plugin of Plugins.of(routing)) {
      if (!plugin.alertRouting) continue;
      const source = `plugin ${id(plugin)}`;
      plugin.alertRouting({
        team: target.team,
        context: target.context,
        subscribeHttps: (severity, url) => { target.subscribeHttps(severity, url, source); Plugins.recordChange(routing, plugin, `${severity} alerts also to ${/^https:\/\/([^/]+)/.exec(url)?.[1] ?? url}`); },
        secureParameter: (name) => target.secureParameter(name, source),
      });
    }
  }

  /** Record that a plugin changed something under `at`; it lands in the stack's metadata. */
  public static recordChange(at: IConstruct, plugin: GoldenPathPlugin, change: string, stack: TerraformStack = TerraformStack.of(at)): void {
    let ledger = ledgers.get(stack);
    if (!ledger) {
      const entries = new Map<string, Set<string>>();
      ledger = entries;
      ledgers.set(stack, entries);
      // resolved when the stack is written, after every hook and Aspect has run
      stack.addOverride(`//.${METADATA_KEY}.plugins`, Lazy.anyValue({
        produce: () => [...entries].sort(([a], [b]) => a.localeCompare(b)).map(([name, changes]) => ({ plugin: name, changes: [...changes].sort() })),
      }));
    }
    const key = id(plugin);
    ledger.set(key, (ledger.get(key) ?? new Set()).add(`${at.node.path}: ${change}`));
  }

  private static registrations(scope: IConstruct): Registration[] {
    return scope.node.scopes.flatMap((s) => registered.get(s) ?? []);
  }
}

/** Adds a plugin's tags to every taggable AWS resource under its scope. */
class PluginTagsAspect implements IAspect {
  private readonly counted = new WeakSet<TerraformStack>();
  constructor(private readonly plugin: GoldenPathPlugin) {}

  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const resource = node as TerraformResource & { tags?: Record<string, string>; tagsInput?: Record<string, string> };
    if (!resource.terraformResourceType.startsWith('aws_') || !('tagsInput' in resource)) return;
    const own = resource.tagsInput;
    if (own !== undefined && Token.isUnresolved(own)) return;
    const tags = this.plugin.tags!(GoldenPathContext.of(resource));
    for (const [k, v] of Object.entries(tags)) {
      if (own?.[k] !== undefined && own[k] !== v) {
        throw new PluginError(`${resource.node.path}: plugin ${id(this.plugin)} sets tag ${k}=${v}, but it is already ${own[k]}; a plugin may add tags, not change them`);
      }
    }
    resource.tags = { ...own, ...tags };
    const stack = TerraformStack.of(resource);
    if (!this.counted.has(stack)) {
      this.counted.add(stack);
      Plugins.recordChange(stack, this.plugin, `tags ${Object.keys(tags).sort().join(', ')} on every taggable AWS resource`);
    }
  }
}
