import { IConstruct } from 'constructs';
import { ServiceEnvironment } from './service-environment';
import { ANNOTATIONS, CatalogFacts, entityName } from '../../src/core/catalog-facts';
import { GoldenPathContext } from '../../src/core/context';

/**
 * Record a data store as a catalog Resource of its team's system, named after the namespace,
 * its construct path below the stack, and the environment (`payments-ledger-db-prod`), and
 * return its entity reference for the Service's `dependsOn`.
 */
export function recordDataStore(scope: IConstruct, env: ServiceEnvironment, type: string, description: string, keyArn: string): string {
  const ctx = GoldenPathContext.of(scope);
  const name = entityName(env.namespace, ...scope.node.path.split('/').slice(1), env.name);
  CatalogFacts.record(scope, {
    kind: 'Resource',
    name,
    description,
    tags: [type, env.name],
    annotations: { [ANNOTATIONS.account]: env.accountId, [ANNOTATIONS.region]: env.region, [ANNOTATIONS.environment]: env.name },
    spec: { type, owner: ctx.owner, ...(ctx.team ? { system: ctx.team } : {}) },
    // the golden paths encrypt every store with the environment's data key; recorded so the
    // gold scorecard check reads a fact, not an assumption
    facts: { environment: env.name, encryptedWithEnvironmentKey: keyArn === env.dataKeyArn },
  });
  return `resource:${name}`;
}
