import { IConstruct } from 'constructs';
import { ANNOTATIONS, CatalogFacts, ENVIRONMENT_ENTITIES, entityName } from '../../src/core/catalog-facts';
import { GoldenPathContext } from '../../src/core/context';

/**
 * Record a part of an environment (its network, its cluster) as a catalog Resource owned by
 * the platform team, named after the environment (`prod-network`); outside an environment
 * the name comes from the construct path. Returns the entity reference.
 */
export function recordEnvironmentPart(scope: IConstruct, part: 'network' | 'cluster', description: string,
  where: { readonly accountId: string; readonly region: string }, facts: Record<string, unknown>): string {
  const ctx = GoldenPathContext.of(scope);
  const name = ctx.environment ? ENVIRONMENT_ENTITIES[part](ctx.environment) : entityName(...scope.node.path.split('/'));
  CatalogFacts.record(scope, {
    kind: 'Resource',
    name,
    description,
    tags: [part, ...(ctx.environment ? [ctx.environment] : [])],
    annotations: {
      [ANNOTATIONS.account]: where.accountId,
      [ANNOTATIONS.region]: where.region,
      ...(ctx.environment ? { [ANNOTATIONS.environment]: ctx.environment } : {}),
    },
    spec: { type: part === 'cluster' ? 'kubernetes-cluster' : 'network', owner: ctx.owner, ...(ctx.team ? { system: ctx.team } : {}) },
    facts: { ...(ctx.environment ? { environment: ctx.environment } : {}), ...facts },
  });
  return `resource:${name}`;
}
