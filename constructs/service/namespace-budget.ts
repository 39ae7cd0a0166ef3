import { Construct, IConstruct } from 'constructs';
import type { ServiceEnvironment } from './service-environment';
import { ContainerResources, cpuCores, memoryGib } from './sizes';
import { PlatformValidationError } from '../../src/core/errors';

interface Claim { readonly path: string; readonly cpu: number; readonly memory: number; readonly pods: number }

/**
 * What the services of one namespace may grow to, against its quota: every autoscaler at
 * its maximum must fit in the quota's limits, or the autoscaler stops short of its maximum
 * with pods the quota refuses. Claims are kept per app, environment and namespace.
 */
export class NamespaceBudget {
  /** Claim room for a service at `maxReplicas`; an error names the service and those it shares the namespace with. */
  public static claim(scope: Construct, env: ServiceEnvironment, maxReplicas: number, resources: ContainerResources): void {
    const quota = env.quota;
    if (!quota) return;
    const cpu = cpuCores(resources.limits.cpu);
    const memory = memoryGib(resources.limits.memory);
    if (cpu === undefined || memory === undefined) return; // tokens or exotic quantities: the admission controller judges them
    const key = `${env.name}/${env.namespace}`;
    const ledger = NamespaceBudget.ledger(scope.node.root);
    const claims = ledger.get(key) ?? [];
    const all = [...claims, { path: scope.node.path, cpu: cpu * maxReplicas, memory: memory * maxReplicas, pods: maxReplicas }];
    // TeamTenancy's quota: limits may reach twice the requests
    const room = { cpu: quota.cpu * 2, memory: quota.memoryGib * 2, pods: quota.pods };
    const sum = (k: 'cpu' | 'memory' | 'pods') => all.reduce((n, c) => n + c[k], 0);
    for (const [k, unit] of [['cpu', 'cores'], ['memory', 'GiB'], ['pods', 'pods']] as const) {
      if (sum(k) > room[k] + 1e-9) {
        const others = claims.map((c) => c.path);
        throw new PlatformValidationError(scope, 'maxReplicas', maxReplicas,
          `must fit namespace ${env.namespace}'s quota in ${env.name}: at their maxima the autoscalers need ${+sum(k).toFixed(2)} ${unit} of limits, the quota allows ${room[k]}` +
          `${others.length ? ` (shared with ${others.join(', ')})` : ''}; lower maxReplicas or the container limits, or give the team a larger size`);
      }
    }
    ledger.set(key, all);
  }

  private static readonly ledgers = new WeakMap<IConstruct, Map<string, Claim[]>>();

  private static ledger(root: IConstruct): Map<string, Claim[]> {
    let ledger = NamespaceBudget.ledgers.get(root);
    if (!ledger) NamespaceBudget.ledgers.set(root, ledger = new Map());
    return ledger;
  }
}
