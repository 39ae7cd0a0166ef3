import { RuleCases } from './cases';

const cluster = (over: object = {}, vpc: object = {}) => ({
  'aws_eks_cluster.c': {
    name: 'c',
    role_arn: 'arn',
    version: '1.35',
    vpc_config: { subnet_ids: ['a', 'b'], endpoint_private_access: true, endpoint_public_access: false, ...vpc },
    enabled_cluster_log_types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
    encryption_config: { resources: ['secrets'], provider: { key_arn: 'arn:key' } },
    ...over,
  },
});
const lt = (over: object = {}) => ({ 'aws_launch_template.t': { metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 2 }, block_device_mappings: [{ device_name: '/dev/xvda', ebs: { encrypted: true } }], ...over } });

export const EKS_CASES: Record<string, RuleCases> = {
  'GP-EKS-001': {
    pass: [cluster(), cluster({}, { endpoint_public_access: true, public_access_cidrs: ['203.0.113.0/24'] })],
    fail: [cluster({}, { endpoint_public_access: true }), cluster({}, { endpoint_public_access: true, public_access_cidrs: ['0.0.0.0/0'] }), cluster({}, { endpoint_public_access: undefined })],
    unknown: [cluster({}, { endpoint_public_access: '${var.p}' })],
  },
  'GP-EKS-002': { pass: [cluster()], fail: [cluster({ encryption_config: undefined })] },
  'GP-EKS-003': { pass: [cluster()], fail: [cluster({ enabled_cluster_log_types: ['api', 'audit'] })], unknown: [cluster({ enabled_cluster_log_types: '${var.types}' })] },
  'GP-EKS-004': { pass: [cluster()], fail: [cluster({}, { endpoint_private_access: false })] },
  'GP-EKS-005': { pass: [cluster(), cluster({ version: undefined })], fail: [cluster({ version: '1.27' })], unknown: [cluster({ version: '${var.v}' })] },
  'GP-EKS-006': {
    pass: [{ 'aws_eks_node_group.n': { cluster_name: 'c' } }, { 'aws_eks_node_group.n': { remote_access: { ec2_ssh_key: 'k', source_security_group_ids: ['sg'] } } }],
    fail: [{ 'aws_eks_node_group.n': { remote_access: { ec2_ssh_key: 'k' } } }],
  },
  'GP-EC2-001': {
    pass: [lt()],
    fail: [lt({ metadata_options: { http_tokens: 'optional' } }), lt({ metadata_options: undefined }), { 'aws_instance.i': { ami: 'a' } }],
    unknown: [lt({ metadata_options: { http_tokens: '${var.t}' } })],
  },
  'GP-EC2-003': {
    pass: [lt({ metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 1 } }), lt({ metadata_options: { http_tokens: 'required' } }),
      lt({ metadata_options: { http_endpoint: 'disabled', http_put_response_hop_limit: 3 } })],
    fail: [lt(), { 'aws_launch_configuration.c': { image_id: 'ami', metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 2 } } }],
    unknown: [lt({ metadata_options: { http_tokens: 'required', http_put_response_hop_limit: '${var.hops}' } })],
  },
  'GP-EC2-004': {
    pass: [{ 'aws_launch_configuration.c': { image_id: 'ami' } }, { 'aws_launch_configuration.c': { image_id: 'ami', associate_public_ip_address: false } }],
    fail: [{ 'aws_launch_configuration.c': { image_id: 'ami', associate_public_ip_address: true } }],
    unknown: [{ 'aws_launch_configuration.c': { image_id: 'ami', associate_public_ip_address: '${var.public}' } }],
  },
  'GP-EC2-002': {
    pass: [lt()],
    fail: [lt({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: { volume_size: 20 } }] })],
    notApplicable: [lt({ block_device_mappings: undefined })],
  },
};
