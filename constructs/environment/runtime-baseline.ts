import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { Construct } from 'constructs';
import { KubernetesCluster } from './kubernetes-cluster';
import { TerraformResource } from '../../src/cdk';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { rawResource } from '../../src/core/raw-resource';
import { markGoldenPath } from '../../src/golden-path';

export interface RuntimeBaselineProps {
  /** The cluster (in the environment stack; this construct lives in a stack applied after it). */
  readonly cluster: KubernetesCluster;
  /** CPU the workload node pool may grow to, in cores. @default 64 */
  readonly maxCpu?: number;
  /** Pinned add-on versions by name. @default - EKS's default for the cluster version */
  readonly addonVersions?: Record<string, string>;
}

/** RuntimeBaselineProps, checked at runtime. */
const RUNTIME_BASELINE_PROPS: PropsSchema = {
  cluster: P.any('a KubernetesCluster'),
  maxCpu: opt(P.number({ integer: true, min: 1 })),
  addonVersions: opt(P.record(P.string())),
};

/** The Auto Mode node class and pool that workloads run on. */
export const WORKLOAD_NODE_POOL = { nodeClass: 'network-policy', nodePool: 'workloads' } as const;

/**
 * What a cluster needs before teams deploy to it, applied after the cluster exists (its
 * custom resources need the CRDs Auto Mode installs): network policies enforced and a
 * metrics API for autoscalers. With Auto Mode, network policies need the network policy
 * controller switched on (the `amazon-vpc-cni` ConfigMap) and nodes of a node class that
 * enforces them, so workloads get a node pool of their own on such a class; without Auto
 * Mode, the cluster's vpc-cni add-on enforces them. `metrics-server` serves the metrics API.
 */
export class RuntimeBaseline extends Construct {
  constructor(scope: Construct, id: string, props: RuntimeBaselineProps) {
    super(scope, id);
    checkProps(this, props, RUNTIME_BASELINE_PROPS, 'RuntimeBaselineProps');
    markGoldenPath(this, 'runtime-baseline');
    const cluster = props.cluster;
    const waitFor: TerraformResource[] = [];
    if (cluster.autoMode) {
      const controller = rawResource(this, 'network-policy-controller', 'kubernetes_config_map_v1', 'kubernetes', {
        metadata: { name: 'amazon-vpc-cni', namespace: 'kube-system' },
        data: { 'enable-network-policy-controller': 'true' },
      });
      const nodeClass = rawResource(this, 'node-class', 'kubernetes_manifest', 'kubernetes', {
        manifest: {
          apiVersion: 'eks.amazonaws.com/v1',
          kind: 'NodeClass',
          metadata: { name: WORKLOAD_NODE_POOL.nodeClass },
          spec: {
            role: cluster.nodeRole.role.name,
            subnetSelectorTerms: [{ tags: { 'kubernetes.io/role/internal-elb': '1' } }],
            securityGroupSelectorTerms: [{ id: cluster.clusterSecurityGroupId }],
            // namespaces deny by default through their own policies (TeamTenancy)
            networkPolicy: 'DefaultAllow',
            networkPolicyEventLogs: 'Disabled',
          },
        },
      }, [controller]);
      const nodePool = rawResource(this, 'node-pool', 'kubernetes_manifest', 'kubernetes', {
        manifest: {
          apiVersion: 'karpenter.sh/v1',
          kind: 'NodePool',
          metadata: { name: WORKLOAD_NODE_POOL.nodePool },
          spec: {
            template: {
              spec: {
                nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: WORKLOAD_NODE_POOL.nodeClass },
                requirements: [
                  { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
                  { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
                  { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64', 'amd64'] },
                ],
                expireAfter: '336h',
              },
            },
            limits: { cpu: String(props.maxCpu ?? 64) },
            disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' },
          },
        },
      }, [nodeClass]);
      waitFor.push(controller, nodeClass, nodePool);
    }
    // the metrics API autoscalers read: an EKS community add-on
    new EksAddon(this, 'metrics-server', {
      clusterName: cluster.cluster.name,
      addonName: 'metrics-server',
      addonVersion: cluster.addonVersion('metrics-server', props.addonVersions?.['metrics-server']),
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
      dependsOn: waitFor,
    });
  }
}
