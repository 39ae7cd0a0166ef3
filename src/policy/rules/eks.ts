import { EKS_MIN_VERSION } from '../../core/eks-versions';
import { Rule } from '../model';
import { all, blocks, citing, fail, forbid, get, isExpression, list, NOT_APPLICABLE, PASS, requireTrue, unknown } from '../values';

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
    checkovDifferences: 'A public endpoint limited to named CIDRs passes here; CKV_AWS_39 fails every public endpoint.',
    evaluate(r) {
      const pub = get(r.config, 'vpc_config.endpoint_public_access');
      if (isExpression(pub)) return unknown('vpc_config.endpoint_public_access');
      if (pub === false || pub === 'false') return PASS;
      const cidrs = get(r.config, 'vpc_config.public_access_cidrs');
      if (isExpression(cidrs) || list(cidrs).some(isExpression)) return unknown('vpc_config.public_access_cidrs');
      // the provider defaults to a public endpoint open to 0.0.0.0/0
      const open = list(cidrs).map(String);
      if (open.length === 0 || open.includes('0.0.0.0/0')) return fail('the public endpoint is open to 0.0.0.0/0', 'vpc_config.public_access_cidrs');
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
    checkovDifferences: 'A secrets encryption_config without provider.key_arn fails here; CKV_AWS_58 reads resources only.',
    evaluate(r) {
      if (isExpression(r.config.encryption_config)) return unknown('encryption_config', 'is a dynamic block whose content is known only at plan time');
      const secrets = blocks(r.config.encryption_config).filter((c) => list(c.resources).includes('secrets') || isExpression(c.resources));
      if (secrets.length === 0) return fail('secrets are not envelope-encrypted', 'encryption_config');
      if (secrets.some((c) => isExpression(c.resources))) return unknown('encryption_config.resources');
      return secrets.some((c) => get(c, 'provider.key_arn')) ? PASS : fail('encryption_config names no provider.key_arn', 'encryption_config.provider.key_arn', []);
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
    checkovDifferences: 'CKV_AWS_339 accepts a fixed list of versions (1.23 to 1.31 as read); this rule follows EKS standard support, so versions from 1.23 to the oldest supported one fail here alone, and versions newer than the list pass here.',
    resourceTypes: ['aws_eks_cluster'],
    checkov: ['CKV_AWS_339'],
    evaluate(r) {
      const v = r.config.version;
      if (v === undefined) return PASS; // EKS picks the current default
      if (isExpression(v)) return unknown('version');
      if (!versionBelow(String(v), EKS_MIN_VERSION)) return PASS;
      // CKV_AWS_339 lists the versions it accepts, from 1.23; below that both fail
      return fail(`version ${String(v)} is below ${EKS_MIN_VERSION}`, 'version', versionBelow(String(v), '1.23') ? ['CKV_AWS_339'] : []);
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
    checkovDifferences: 'remote_access without source security groups fails here even without an ec2_ssh_key; CKV_AWS_100 needs the key.',
    evaluate(r) {
      if (isExpression(r.config.remote_access)) return unknown('remote_access', 'is a dynamic block whose content is known only at plan time');
      const ra = blocks(r.config.remote_access);
      if (ra.length === 0) return PASS;
      if (list(ra[0].source_security_group_ids).length || isExpression(ra[0].source_security_group_ids)) return PASS;
      // CKV_AWS_100 fails only when an SSH key is set, which is what opens port 22
      return fail('remote_access has no source_security_group_ids', 'remote_access', ra[0].ec2_ssh_key !== undefined ? ['CKV_AWS_100'] : []);
    },
  },
  {
    id: 'GP-EC2-001',
    title: 'Instances require IMDSv2',
    severity: 'error',
    rationale: 'IMDSv1 answers any SSRF with the instance role credentials. An instance whose metadata endpoint is disabled has no IMDSv1 either.',
    remediation: 'Set metadata_options.http_tokens = "required" (or http_endpoint = "disabled").',
    resourceTypes: ['aws_launch_template', 'aws_instance', 'aws_launch_configuration'],
    checkov: ['CKV_AWS_79'],
    evaluate(r) {
      const endpoint = get(r.config, 'metadata_options.http_endpoint');
      if (endpoint === 'disabled') return PASS;
      const tokens = get(r.config, 'metadata_options.http_tokens');
      if (isExpression(tokens)) return unknown('metadata_options.http_tokens');
      if (tokens === 'required') return PASS;
      return isExpression(endpoint) ? unknown('metadata_options.http_endpoint') : fail('metadata_options.http_tokens is not "required"', 'metadata_options.http_tokens');
    },
  },
  {
    id: 'GP-EC2-003',
    title: 'Instance metadata answers one hop only',
    severity: 'warning',
    rationale: 'A response hop limit above 1 lets containers on the instance reach its metadata, and so its role credentials; pods get theirs through IRSA.',
    remediation: 'Set metadata_options.http_put_response_hop_limit = 1 (KubernetesCluster does).',
    resourceTypes: ['aws_launch_template', 'aws_launch_configuration', 'aws_instance'],
    checkov: ['CKV_AWS_341'],
    checkovDifferences: 'Bare instances are judged here too; CKV_AWS_341 reads launch templates and configurations.',
    evaluate(r) {
      if (get(r.config, 'metadata_options.http_endpoint') === 'disabled') return PASS;
      const hops = get(r.config, 'metadata_options.http_put_response_hop_limit');
      if (hops === undefined) return PASS; // the AWS default for instances and templates is 1
      if (isExpression(hops)) return unknown('metadata_options.http_put_response_hop_limit');
      // Checkov's CKV_AWS_341 covers launch templates and configurations, not bare instances
      return Number(hops) <= 1 ? PASS : fail(`http_put_response_hop_limit is ${String(hops)}`, 'metadata_options.http_put_response_hop_limit', r.type === 'aws_instance' ? [] : undefined);
    },
  },
  {
    id: 'GP-EC2-004',
    title: 'Launch configurations assign no public IP',
    severity: 'warning',
    rationale: 'Instances of an Auto Scaling group with public addresses are reachable from the internet whatever subnet they land in.',
    remediation: 'Remove associate_public_ip_address (or set it false); reach instances through a load balancer or SSM.',
    resourceTypes: ['aws_launch_configuration'],
    checkov: ['CKV_AWS_389'],
    evaluate: (r) => forbid(r.config, 'associate_public_ip_address', true),
  },
  {
    id: 'GP-EC2-002',
    title: 'Launch templates and configurations encrypt their volumes',
    severity: 'error',
    rationale: 'Node root volumes hold container layers, logs and secrets mounted from the API.',
    remediation: 'Set block_device_mappings[].ebs.encrypted = true (launch configurations: root_block_device and ebs_block_device encrypted = true).',
    resourceTypes: ['aws_launch_template', 'aws_launch_configuration'],
    checkov: ['CKV_AWS_8'],
    checkovDifferences: 'Launch templates are judged here too; CKV_AWS_8 reads launch configurations (and instances, which GP-EBS-001 covers account-wide).',
    evaluate(r) {
      if (r.type === 'aws_launch_configuration') {
        const devices = ['root_block_device', 'ebs_block_device'].flatMap((k) => blocks(r.config[k]).map((b, i) => ({ b, path: `${k}[${i}]` })));
        if (devices.length === 0) return NOT_APPLICABLE; // AMI defaults apply; EBS default encryption covers them
        // a volume made from a snapshot takes the snapshot's encryption
        return all(...devices.filter((d) => d.b.snapshot_id === undefined).map((d) => requireTrue(d.b, 'encrypted', `${d.path} is not encrypted`)));
      }
      const mappings = blocks(r.config.block_device_mappings);
      if (mappings.length === 0) return isExpression(r.config.block_device_mappings) ? unknown('block_device_mappings', 'is a dynamic block whose content is known only at plan time') : NOT_APPLICABLE;
      // CKV_AWS_8 does not read launch templates
      return citing(all(...mappings.map((m, i) => requireTrue(m, 'ebs.encrypted', `block_device_mappings[${i}] is not encrypted`))), []);
    },
  },
];
