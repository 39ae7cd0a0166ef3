import { Pack } from './model';
import { AUDIT_RULES } from './rules/audit';
import { EKS_RULES } from './rules/eks';
import { ENCRYPTION_RULES } from './rules/encryption';
import { GITHUB_RULES } from './rules/github';
import { IAM_RULES } from './rules/iam';
import { KUBERNETES_RULES } from './rules/kubernetes';
import { NETWORK_RULES } from './rules/network';
import { OWNERSHIP_RULES } from './rules/ownership';
import { RDS_RULES } from './rules/rds';
import { RUNTIME_RULES } from './rules/runtime';
import { S3_RULES } from './rules/s3';

export const AWS_BASELINE: Pack = {
  name: 'aws-baseline',
  description: 'S3, network, IAM, KMS, logs, audit services, EKS and EC2 launch settings, RDS, ECR, SNS, SQS',
  rules: [...S3_RULES, ...NETWORK_RULES, ...IAM_RULES, ...ENCRYPTION_RULES, ...AUDIT_RULES, ...EKS_RULES, ...RDS_RULES],
};

export const KUBERNETES_RESTRICTED: Pack = {
  name: 'kubernetes-restricted',
  description: 'Pod Security Standards restricted (baseline + restricted) and workload hygiene on the Terraform Kubernetes provider',
  rules: KUBERNETES_RULES,
};

export const GITHUB_SDLC: Pack = {
  name: 'github-sdlc',
  description: 'Private repositories, vulnerability alerts, protected default branches, reviews, no plaintext secrets, HTTPS webhooks',
  rules: GITHUB_RULES,
};

export const OWNERSHIP: Pack = {
  name: 'ownership',
  description: 'Owner, team, service and environment tags on every taggable AWS resource',
  rules: OWNERSHIP_RULES,
};

export const RUNTIME: Pack = {
  name: 'runtime',
  description: 'Whether the stacks run together: cluster access for deploy roles, network policy enforcement, a metrics API, CRDs before custom resources, namespaces before their objects, runners that reach private clusters',
  rules: RUNTIME_RULES,
};

export const BUILT_IN_PACKS: readonly Pack[] = [AWS_BASELINE, KUBERNETES_RESTRICTED, GITHUB_SDLC, OWNERSHIP, RUNTIME];

/** Look packs up by name; an unknown name is an error listing the known ones. */
export function packsByName(names: readonly string[], available: readonly Pack[] = BUILT_IN_PACKS): Pack[] {
  return names.map((name) => {
    const pack = available.find((p) => p.name === name);
    if (!pack) throw new Error(`unknown pack '${name}' (known: ${available.map((p) => p.name).join(', ')})`);
    return pack;
  });
}
