import type { ResolvedContext } from '../core/context';
import type { Pack } from '../policy/model';

/** A container a plugin adds beside a service's own (a log shipper, a proxy). Held to Pod Security "restricted". */
export interface SidecarSpec {
  readonly name: string;
  /** Pinned by a version tag or a digest. */
  readonly image: string;
  /** @default - the image's */
  readonly args?: string[];
  /** @default - none */
  readonly env?: Record<string, string>;
  /** @default { cpu: '50m', memory: '64Mi' } requests, twice that as limits */
  readonly resources?: { readonly cpu: string; readonly memory: string };
}

/** What a plugin sees of a Service while it is built, and may add to. */
export interface ServiceHookTarget {
  readonly serviceName: string;
  readonly namespace: string;
  readonly environment: string;
  readonly context: ResolvedContext;
  /** Add an environment variable; a name the service already has is an error naming both sources. */
  addVariable(name: string, value: string): void;
  addSidecar(sidecar: SidecarSpec): void;
  addAnnotation(key: string, value: string): void;
}

/** The construct side of a hook: every change names the plugin it comes from. */
export type WithSource<T> = { readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: [...A, string]) => R : T[K] };

/** What a plugin sees of a team's alert routing while it is built. */
export interface AlertRoutingHookTarget {
  readonly team: string;
  readonly context: ResolvedContext;
  /** Deliver one severity's alerts to an https endpoint as well (an incident tool's integration URL). */
  subscribeHttps(severity: 'page' | 'ticket', url: string): void;
  /**
   * A SecureString in SSM Parameter Store, so a secret in a URL stays out of code and
   * cdktf.out. The routing creates it holding `unset`; put the real value by hand
   * (`aws ssm put-parameter --overwrite`). A subscription whose URL uses it is made once it is set.
   */
  secureParameter(name: string): string;
}

/** A section a plugin adds to a service's portal page. */
export interface PortalPanel {
  readonly title: string;
  /** @default - none */
  readonly text?: string;
  /** @default - none */
  readonly links?: Array<{ readonly title: string; readonly url: string }>;
}

/**
 * A scorecard check as data, so it travels in cdktf.out: it passes when every environment's
 * facts of the component hold `fact` (a dotted path), present or equal to `equals`.
 */
export interface ScorecardCheckData {
  readonly id: string;
  readonly level: 'bronze' | 'silver' | 'gold';
  readonly title: string;
  readonly reason: string;
  readonly fix: string;
  readonly fact: string;
  /** @default - present and not empty */
  readonly equals?: string | number | boolean;
}

/** Files a plugin adds to projects `goldenpath new` makes (path → content; mustache-free). */
export interface PluginTemplate {
  readonly kind: 'service' | 'platform' | 'distribution';
  readonly files: Readonly<Record<string, string>>;
}

/**
 * A plugin: a name, a version, the plugins it needs, and what it contributes. Every slot is
 * optional; the phases are fixed (see Plugins.register).
 */
export interface GoldenPathPlugin {
  /** Unique among the registered plugins, e.g. `acme-cost-allocation`. */
  readonly name: string;
  /** Its own semver version, recorded in the metadata. */
  readonly version: string;
  /** Names of plugins that must be registered too, and run before this one. @default - none */
  readonly dependsOn?: readonly string[];
  /** Rule packs, enforced at synth time under the scope and by `goldenpath check --plugin`. @default - none */
  readonly packs?: readonly Pack[];
  /** Tags for every taggable AWS resource under the scope. @default - none */
  readonly tags?: (context: ResolvedContext) => Record<string, string>;
  /** Called for every Service built under the scope. @default - none */
  readonly service?: (service: ServiceHookTarget) => void;
  /** Called for every team's AlertRouting built under the scope. @default - none */
  readonly alertRouting?: (routing: AlertRoutingHookTarget) => void;
  /** Annotations for every catalog entity recorded under the scope. @default - none */
  readonly entityAnnotations?: (entity: { readonly kind: string; readonly name: string; readonly context: ResolvedContext }) => Record<string, string>;
  /** Facts for every catalog entity (what scorecard checks read). @default - none */
  readonly entityFacts?: (entity: { readonly kind: string; readonly name: string; readonly context: ResolvedContext }) => Record<string, unknown>;
  /** Scorecard checks, as data. @default - none */
  readonly scorecardChecks?: readonly ScorecardCheckData[];
  /** Sections on a service's portal page. @default - none */
  readonly portalPanels?: (service: { readonly name: string; readonly environment: string; readonly context: ResolvedContext }) => PortalPanel[];
  /** Files for `goldenpath new --plugin`. @default - none */
  readonly templates?: readonly PluginTemplate[];
}
