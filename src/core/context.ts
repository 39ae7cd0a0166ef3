import { IConstruct } from 'constructs';

/** Who and where a construct belongs to. Set on any ancestor; the nearest value wins. */
export interface GoldenPathContextProps {
  /** The organisation. @default - inherited from an ancestor */
  readonly org?: string;
  /** The owning team. @default - inherited from an ancestor */
  readonly team?: string;
  /** The environment (dev, staging, prod...). @default - inherited from an ancestor */
  readonly environment?: string;
  /** The service. @default - inherited from an ancestor */
  readonly service?: string;
  /** The owner as a catalog reference. @default - `group:<team>` when a team is known */
  readonly owner?: string;
  /** The cost centre billed for the resources. @default - inherited from an ancestor */
  readonly costCentre?: string;
}

/** A context resolved for one construct, with the golden path it belongs to. */
export interface ResolvedContext extends GoldenPathContextProps {
  /** The golden-path kind of the nearest golden-path construct (service, environment...). */
  readonly kind?: string;
}

const contexts = new WeakMap<IConstruct, GoldenPathContextProps>();
const kinds = new WeakMap<IConstruct, string>();

/**
 * Context that any construct reads from its scope, found like `Stack.of`: set once on an
 * app, a stack or a construct and every descendant sees it. Kept outside `node.setContext`
 * because that refuses to change after children exist.
 */
export class GoldenPathContext {
  /** Set (merge) context values on a scope. */
  public static set(scope: IConstruct, props: GoldenPathContextProps): void {
    const defined = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
    contexts.set(scope, { ...contexts.get(scope), ...defined });
  }

  /** Record that `scope` is a golden-path construct of this kind. */
  public static markKind(scope: IConstruct, kind: string): void {
    kinds.set(scope, kind);
  }

  /** The context as seen from `scope`: the root first, the nearest ancestor last. */
  public static of(scope: IConstruct): ResolvedContext {
    let merged: { -readonly [K in keyof ResolvedContext]: ResolvedContext[K] } = {};
    for (const s of scope.node.scopes) {
      const own = contexts.get(s);
      if (own) merged = { ...merged, ...own };
      const kind = kinds.get(s);
      if (kind) merged.kind = kind;
    }
    if (!merged.owner && merged.team) merged.owner = `group:${merged.team}`;
    return merged;
  }
}
