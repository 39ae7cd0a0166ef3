/** Container requests and limits presets. */
export type ServiceSize = 'small' | 'medium' | 'large';

export interface ContainerResources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

export const SERVICE_SIZES: Record<ServiceSize, ContainerResources> = {
  small: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  medium: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
  large: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
};

/** CPU in cores from a Kubernetes quantity (`500m`, `1`, `1.5`), or undefined when it is not one. */
export function cpuCores(quantity: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity);
  return m ? Number(m[1]) / (m[2] ? 1000 : 1) : undefined;
}

/** Memory in GiB from a Kubernetes quantity (`512Mi`, `1Gi`, `1G`, bytes), or undefined when it is not one. */
export function memoryGib(quantity: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity);
  if (!m) return undefined;
  const factor: Record<string, number> = { '': 1, 'Ki': 2 ** 10, 'Mi': 2 ** 20, 'Gi': 2 ** 30, 'Ti': 2 ** 40, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12 };
  return (Number(m[1]) * factor[m[2] ?? '']) / 2 ** 30;
}
