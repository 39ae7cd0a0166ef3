import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformStack } from '../cdk';
import { METADATA_KEY } from './metadata';

/** The Backstage kinds the catalog writes (Backstage has no Environment kind: environments are Resources). */
export type EntityKind = 'Domain' | 'System' | 'Group' | 'User' | 'Component' | 'API' | 'Resource' | 'Template';

/** A link on an entity, as Backstage shows it. */
export interface EntityLink {
  readonly url: string;
  readonly title: string;
  /** @default - none */
  readonly type?: string;
}

/**
 * What a golden-path construct knows about the catalog entity it makes: a Backstage entity
 * without apiVersion and relations (Backstage derives those from `spec`), plus `facts` the
 * scorecards and the portal read. Written into cdktf.out, so the CLI needs nothing else.
 */
export interface EntityFact {
  readonly kind: EntityKind;
  readonly name: string;
  /** @default - none */
  readonly title?: string;
  /** @default - none */
  readonly description?: string;
  /** Lowercase tags. @default - none */
  readonly tags?: string[];
  /** @default - none */
  readonly annotations?: Record<string, string>;
  /** @default - none */
  readonly links?: EntityLink[];
  readonly spec: Record<string, unknown>;
  /** Facts for scorecards and the portal; not part of the Backstage entity. @default - none */
  readonly facts?: Record<string, unknown>;
}

/**
 * Facts about a repository: not an entity of its own, but what links a team's components
 * to their source, docs and delivery workflow.
 */
export interface RepositoryFact {
  readonly kind: 'Repository';
  /** `owner/name` on GitHub. */
  readonly slug: string;
  readonly team: string;
  readonly defaultBranch: string;
  /** Path of the delivery workflow in the repository. @default - no workflow */
  readonly workflow?: string;
  /** Whether the workflow posts a plan review on pull requests. */
  readonly planReview: boolean;
  /** The repository keeps TechDocs (mkdocs.yml and docs/) at its root. */
  readonly techDocs: boolean;
}

/** A fact as written into cdktf.out: with the construct path that made it. */
export type RecordedFact = (EntityFact | RepositoryFact) & { readonly path: string };

/** Annotation keys of our own, under a domain we name (Backstage's rule for custom keys). */
export const ANNOTATIONS = {
  constructPath: 'goldenpath.dev/construct-path',
  stack: 'goldenpath.dev/stack',
  account: 'goldenpath.dev/aws-account-id',
  region: 'goldenpath.dev/aws-region',
  environment: 'goldenpath.dev/environment',
  costCentre: 'goldenpath.dev/cost-centre',
  onCall: 'goldenpath.dev/on-call',
  guardrails: 'goldenpath.dev/guardrails',
  slos: 'goldenpath.dev/slos',
  scorecardLevel: 'goldenpath.dev/scorecard-level',
  scorecardFailing: 'goldenpath.dev/scorecard-failing',
} as const;

const byStack = new WeakMap<TerraformStack, RecordedFact[]>();
/** Changes to the facts recorded under a scope (plugins add annotations and facts). */
export type FactTransform = (fact: EntityFact, scope: IConstruct, stack: TerraformStack) => EntityFact;
const transforms = new WeakMap<IConstruct, FactTransform[]>();

/**
 * The catalog half of the `"//"` metadata: golden-path constructs record the entity they make,
 * and each stack carries its constructs' facts as `"//".goldenpath.catalog`, sorted.
 */
export class CatalogFacts {
  /** Record a fact made by `scope`; it lands in the stack that holds `scope`, or in `stack`. */
  public static record(scope: IConstruct, fact: EntityFact | RepositoryFact, stack: TerraformStack = TerraformStack.of(scope)): void {
    if (fact.kind !== 'Repository') {
      for (const s of scope.node.scopes) for (const t of transforms.get(s) ?? []) fact = t(fact, scope, stack);
    }
    let list = byStack.get(stack);
    if (!list) {
      list = [];
      byStack.set(stack, list);
      Aspects.of(stack).add(new CatalogFactsAspect());
    }
    list.push({ ...fact, path: scope.node.path });
  }

  /** Change every entity fact recorded under `scope` from now on (root scopes' transforms run first). */
  public static addTransform(scope: IConstruct, transform: FactTransform): void {
    transforms.set(scope, [...(transforms.get(scope) ?? []), transform]);
  }

  /** The facts recorded in a stack, in a stable order. */
  public static of(stack: TerraformStack): RecordedFact[] {
    return [...(byStack.get(stack) ?? [])].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  }
}

function sortKey(f: RecordedFact): string {
  return `${f.path}\u0000${f.kind}\u0000${'name' in f ? f.name : f.slug}`;
}

class CatalogFactsAspect implements IAspect {
  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) (node as TerraformStack).addOverride(`//.${METADATA_KEY}.catalog`, CatalogFacts.of(node as TerraformStack));
  }
}

/**
 * A valid Backstage entity name from parts: runs of letters and digits joined by one of
 * `-_.`, at most 63 characters (a long name keeps its start and a hash of the whole).
 */
export function entityName(...parts: string[]): string {
  const joined = parts.filter((p) => p.length > 0).join('-');
  let name = joined.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/[-_.]{2,}/g, '-').replace(/^[-_.]+|[-_.]+$/g, '');
  if (name.length > 63) {
    const hash = createHash('sha256').update(joined).digest('hex').slice(0, 8);
    name = `${name.slice(0, 54).replace(/[-_.]+$/, '')}-${hash}`;
  }
  if (name.length === 0) throw new Error(`cannot make an entity name from ${JSON.stringify(parts)}`);
  return name;
}

/** Names of the entities an environment's parts get, so relations can name them. */
export const ENVIRONMENT_ENTITIES = {
  environment: (env: string) => entityName(env),
  network: (env: string) => entityName(env, 'network'),
  cluster: (env: string) => entityName(env, 'cluster'),
} as const;
