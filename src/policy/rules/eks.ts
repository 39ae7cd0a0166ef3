import { EKS_MIN_VERSION } from '../../core/eks-versions';
import { Rule } from '../model';
import { blocks, fail, get, isExpression, list, NOT_APPLICABLE, PASS, requireTrue, unknown } from '../values';

/** Control-plane log types EKS can send to CloudWatch. */
export const EKS_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

function versionBelow(version: string, min: string): boolean {
  const [a, b] = version.split('.').map(Number);
  const [c, d] = min.split('.').map(Number);
  return a < c || (a === c && b < d);
}

export const EKS_RULES: Rule[] = [
  {
    id: 'GP-EKS-001',
    title: 'EKS API endpoint is not open to the internet',
    severity: 'error',
    rationale: 'A public endpoint open to 0.0.0.0/0 exposes the Kubernetes API to every scanner.',
    remediation: 'Set endpoint_public_access = false, or list public_access_cidrs without 0.0.0.0/0.',
    resourceTypes: ['aws_eks_cluster'],
    checkov: ['CKV_AWS_38', 'CKV_AWS_39'],
    evaluate(r) {
      const pub = get(r.config, 'vpc_config.endpoint_public_access');
      if (isExpression(pub)) return unknown('vpc_config.endpoint_public_access');
      if (pub === false) return PASS;
      const cidrs = list(get(r.config, 'vpc_config.public_access_cidrs')).map(String);
      if (cidrs.some(isExpression)) return unknown('vpc_config.public_access_cidrs');
      // the provider defaults to a public endpoint open to 0.0.0.0/0
      if (cidrs.length === 0 || cidrs.includes('0.0.0.0/0')) return fail('the public endpoint is open to 0.0.0.0/0', 'vpc_config.public_access_cidrs');
      return PASS;
    },
  },
  {
    id: 'GP-EKS-002',
    title: 'EKS encrypts secrets with a KMS key',
    severity: 'error',
    rationale: 'Envelope encryption keeps Kubernetes secrets unreadable in etcd backups.',
    remediation: 'Add encryption_config with resources = ["secrets"] and a key ARN.',
    resourceTypes: ['aws_eks_cluster'],
    checkov: ['CKV_AWS_58'],
    evaluate(r) {
      const cfgs = blocks(r.config.encryption_config);
      if (cfgs.some((c) => list(c.resources).includes('secrets') && get(c, 'provider.key_arn'))) return PASS;
      return fail('secrets are not envelope-encrypted', 'encryption_config');
    },
  },
  {
    id: 'GP-EKS-003',
    title: 'EKS sends all control-plane logs',
    severity: 'error',
    rationale: 'Audit and authenticator logs are the record of who did what in the cluster.',
    remediation: `Set enabled_cluster_log_types to ${EKS_LOG_TYPES.join(', ')}.`,
    resourceTypes: ['aws_eks_cluster'],
    checkov: ['CKV_AWS_37'],
    evaluate(r) {
      const types = list(r.config.enabled_cluster_log_types).map(String);
      if (types.some(isExpression)) return unknown('enabled_cluster_log_types');
      const missing = EKS_LOG_TYPES.filter((t) => !types.includes(t));
      return missing.length ? fail(`missing log types: ${missing.join(', ')}`, 'enabled_cluster_log_types') : PASS;
    },
  },
  {
    id: 'GP-EKS-004',
    title: 'EKS private endpoint is on',
    severity: 'warning',
    rationale: 'Nodes and in-VPC tools should reach the API without leaving the VPC.',
    remediation: 'Set vpc_config.endpoint_private_access = true.',
    resourceTypes: ['aws_eks_cluster'],
    evaluate: (r) => requireTrue(r.config, 'vpc_config.endpoint_private_access', 'endpoint_private_access is not true'),
  },
  {
    id: 'GP-EKS-005',
    title: 'EKS runs a supported Kubernetes version',
    severity: 'warning',
    rationale: 'Versions past standard support get no patches and cost extended-support fees.',
    remediation: `Upgrade to ${EKS_MIN_VERSION} or later.`,
    resourceTypes: ['aws_eks_cluster'],
    checkov: ['CKV_AWS_339'],
    evaluate(r) {
      const v = r.config.version;
      if (v === undefined) return PASS; // EKS picks the current default
      if (isExpression(v)) return unknown('version');
      return versionBelow(String(v), EKS_MIN_VERSION) ? fail(`version ${String(v)} is below ${EKS_MIN_VERSION}`, 'version') : PASS;
    },
  },
  {
    id: 'GP-EKS-006',
    title: 'Node groups allow no SSH from anywhere',
    severity: 'error',
    rationale: 'remote_access without source security groups opens port 22 on every node to 0.0.0.0/0.',
    remediation: 'Remove remote_access (use SSM), or set source_security_group_ids.',
    resourceTypes: ['aws_eks_node_group'],
    checkov: ['CKV_AWS_100'],
    evaluate(r) {
      const ra = blocks(r.config.remote_access);
      if (ra.length === 0) return PASS;
      return list(ra[0].source_security_group_ids).length ? PASS : fail('remote_access has no source_security_group_ids', 'remote_access');
    },
  },
  {
    id: 'GP-EC2-001',
    title: 'Launch template requires IMDSv2',
    severity: 'error',
    rationale: 'IMDSv1 answers any SSRF with the instance role credentials.',
    remediation: 'Set metadata_options.http_tokens = "required" and http_put_response_hop_limit to 1 or 2.',
    resourceTypes: ['aws_launch_template', 'aws_instance'],
    checkov: ['CKV_AWS_79', 'CKV_AWS_341'],
    evaluate(r) {
      const tokens = get(r.config, 'metadata_options.http_tokens');
      if (isExpression(tokens)) return unknown('metadata_options.http_tokens');
      return tokens === 'required' ? PASS : fail('metadata_options.http_tokens is not "required"', 'metadata_options.http_tokens');
    },
  },
  {
    id: 'GP-EC2-002',
    title: 'Launch template encrypts its volumes',
    severity: 'error',
    rationale: 'Node root volumes hold container layers, logs and secrets mounted from the API.',
    remediation: 'Set block_device_mappings[].ebs.encrypted = true (with kms_key_id).',
    resourceTypes: ['aws_launch_template'],
    evaluate(r) {
      const mappings = blocks(r.config.block_device_mappings);
      if (mappings.length === 0) return NOT_APPLICABLE; // AMI defaults apply; EBS default encryption covers them
      for (const [i, m] of mappings.entries()) {
        const out = requireTrue(m, 'ebs.encrypted', `block_device_mappings[${i}] is not encrypted`);
        if (out.status !== 'pass') return out;
      }
      return PASS;
    },
  },
];
