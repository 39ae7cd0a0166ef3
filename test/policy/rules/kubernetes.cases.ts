import { Resources, RuleCases } from './cases';

/** A container that meets every rule. */
const good = (over: object = {}, sc: object = {}) => ({
  name: 'app',
  image: 'registry.example.com/app:1.4.2',
  port: [{ container_port: 8080 }],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  liveness_probe: { http_get: { path: '/healthz', port: '8080' } },
  readiness_probe: { http_get: { path: '/ready', port: '8080' } },
  security_context: { allow_privilege_escalation: false, read_only_root_filesystem: true, run_as_non_root: true, capabilities: { drop: ['ALL'] }, ...sc },
  ...over,
});

/** A Deployment whose pod spec meets every rule; override the pod spec or the container. */
function deployment(pod: object = {}, container: object = good(), type = 'kubernetes_deployment_v1'): Resources {
  return {
    [`${type}.d`]: {
      metadata: { name: 'app', namespace: 'payments' },
      spec: {
        template: {
          metadata: { labels: { app: 'app' } },
          spec: {
            automount_service_account_token: false,
            security_context: { run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } },
            container: [container],
            volume: [{ name: 'tmp', empty_dir: {} }],
            ...pod,
          },
        },
      },
    },
  };
}
const withSc = (sc: object) => deployment({}, good({}, sc));
const podSc = (sc: object) => deployment({ security_context: { run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' }, ...sc } });
const cron = (container: object) => ({
  'kubernetes_cron_job_v1.c': {
    metadata: { name: 'c', namespace: 'jobs' },
    spec: {
      schedule: '* * * * *',
      job_template: {
        spec: {
          template: {
            spec: { security_context: { run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } }, container: [container] },
          },
        },
      },
    },
  },
});
const pod = (spec: object) => ({ 'kubernetes_pod_v1.p': { metadata: { name: 'p', namespace: 'x' }, spec: { container: [good()], ...spec } } });

export const KUBERNETES_CASES: Record<string, RuleCases> = {
  'GP-K8S-001': { pass: [deployment()], fail: [deployment({ host_network: true })], unknown: [deployment({ host_network: '${var.h}' })], notApplicable: [{ 'kubernetes_deployment_v1.d': { metadata: { name: 'x' } } }] },
  'GP-K8S-002': { pass: [deployment()], fail: [deployment({ host_pid: true }, good(), 'kubernetes_stateful_set_v1')] },
  'GP-K8S-003': { pass: [deployment()], fail: [pod({ host_ipc: true })] },
  'GP-K8S-004': { pass: [deployment()], fail: [withSc({ privileged: true }), cron(good({}, { privileged: true }))] },
  'GP-K8S-005': {
    pass: [deployment(), cron(good())],
    fail: [withSc({ allow_privilege_escalation: undefined }), withSc({ allow_privilege_escalation: true }), deployment({ init_container: [good({ name: 'init' }, { allow_privilege_escalation: undefined })] })],
    unknown: [withSc({ allow_privilege_escalation: '${var.a}' })],
  },
  'GP-K8S-006': {
    pass: [deployment(), deployment({ security_context: { seccomp_profile: { type: 'RuntimeDefault' } } })],
    fail: [
      deployment({ security_context: { seccomp_profile: { type: 'RuntimeDefault' } } }, good({}, { run_as_non_root: undefined })),
      withSc({ run_as_non_root: false }),
    ],
  },
  'GP-K8S-007': { pass: [deployment(), withSc({ run_as_user: 10001 })], fail: [withSc({ run_as_user: 0 }), podSc({ run_as_user: 0 })] },
  'GP-K8S-008': {
    pass: [deployment(), deployment({ security_context: { run_as_non_root: true } }, good({}, { seccomp_profile: { type: 'Localhost', localhost_profile: 'p.json' } }))],
    fail: [
      deployment({ security_context: { run_as_non_root: true } }),
      podSc({ seccomp_profile: { type: 'Unconfined' } }),
      withSc({ seccomp_profile: { type: 'Unconfined' } }),
    ],
    unknown: [podSc({ seccomp_profile: { type: '${var.profile}' } })],
  },
  'GP-K8S-009': {
    pass: [deployment(), withSc({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } })],
    fail: [withSc({ capabilities: undefined }), withSc({ capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } })],
  },
  'GP-K8S-010': { pass: [deployment()], fail: [deployment({ volume: [{ name: 'sock', host_path: { path: '/var/run/docker.sock' } }] })] },
  'GP-K8S-011': {
    pass: [deployment(), deployment({ volume: [{ name: 'data', persistent_volume_claim: { claim_name: 'c' } }, { name: 's', secret: { secret_name: 's' } }] })],
    fail: [deployment({ volume: [{ name: 'nfs', nfs: { server: 'x', path: '/' } }] })],
  },
  'GP-K8S-012': { pass: [deployment()], fail: [deployment({}, good({ port: [{ container_port: 8080, host_port: 8080 }] }))] },
  'GP-K8S-013': {
    pass: [deployment(), withSc({ se_linux_options: { type: 'container_t' } })],
    fail: [withSc({ se_linux_options: { user: 'system_u' } }), podSc({ se_linux_options: { type: 'spc_t' } })],
  },
  'GP-K8S-014': { pass: [deployment(), withSc({ proc_mount: 'Default' })], fail: [withSc({ proc_mount: 'Unmasked' })] },
  'GP-K8S-015': {
    pass: [deployment(), podSc({ sysctl: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }] })],
    fail: [podSc({ sysctl: [{ name: 'kernel.msgmax', value: '65536' }] })],
  },
  'GP-K8S-016': { pass: [deployment()], fail: [podSc({ windows_options: { host_process: true } }), withSc({ windows_options: { host_process: true } })] },
  'GP-K8S-017': {
    pass: [deployment()],
    fail: [deployment({}, good({ liveness_probe: { http_get: { host: '169.254.169.254', path: '/', port: '80' } } })),
      deployment({}, good({ lifecycle: { pre_stop: { tcp_socket: { host: 'example.com', port: '80' } } } }))],
  },
  'GP-K8S-018': {
    pass: [deployment()],
    fail: [{
      'kubernetes_deployment_v1.d': {
        metadata: { name: 'a', namespace: 'x' },
        spec: {
          template: { metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }, spec: { container: [good()] } },
        },
      },
    },
    withSc({ app_armor_profile: { type: 'Unconfined' } })],
  },
  'GP-K8S-019': { pass: [deployment()], fail: [deployment({}, good({ resources: { requests: { cpu: '1', memory: '1Gi' } } })), deployment({}, good({ resources: undefined }))] },
  'GP-K8S-020': { pass: [deployment()], fail: [deployment({}, good({ liveness_probe: undefined })), deployment({}, good({ readiness_probe: undefined }))] },
  'GP-K8S-021': {
    pass: [deployment(), deployment({}, good({ image: 'registry.example.com/app@sha256:0123456789abcdef' })), deployment({}, good({ image: 'localhost:5000/app:2.0' }))],
    fail: [deployment({}, good({ image: 'nginx' })), deployment({}, good({ image: 'nginx:latest' })), deployment({}, good({ image: 'localhost:5000/app' }))],
    unknown: [deployment({}, good({ image: '${var.image}' }))],
  },
  'GP-K8S-022': {
    pass: [deployment(), { 'kubernetes_service_v1.s': { metadata: { name: 's', namespace: '${kubernetes_namespace_v1.team.metadata[0].name}' } } }],
    fail: [{ 'kubernetes_service_v1.s': { metadata: { name: 's' } } }, { 'kubernetes_config_map_v1.c': { metadata: { name: 'c', namespace: 'default' } } }],
  },
  'GP-K8S-023': {
    pass: [deployment(), { 'kubernetes_service_account_v1.a': { metadata: { name: 'a', namespace: 'x' }, automount_service_account_token: false } }],
    fail: [deployment({ automount_service_account_token: undefined }), { 'kubernetes_service_account_v1.a': { metadata: { name: 'a', namespace: 'x' } } }],
  },
  'GP-K8S-024': { pass: [deployment()], fail: [withSc({ read_only_root_filesystem: false })] },
  'GP-K8S-025': {
    pass: [{ 'kubernetes_namespace_v1.n': { metadata: { name: 'payments', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } } }],
    fail: [{ 'kubernetes_namespace_v1.n': { metadata: { name: 'payments' } } }, { 'kubernetes_namespace.n': { metadata: { name: 'p', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } } }],
  },
  'GP-K8S-027': {
    pass: [{ 'kubernetes_role_binding_v1.b': { metadata: { name: 'b', namespace: 'x' }, role_ref: { name: 'r' }, subject: [{ kind: 'ServiceAccount', name: 'app', namespace: 'x' }] } }],
    fail: [{ 'kubernetes_cluster_role_binding.b': { metadata: { name: 'b' }, role_ref: { name: 'admin' }, subject: [{ kind: 'User', name: 'u' }, { kind: 'ServiceAccount', name: 'default', namespace: 'x' }] } }],
    unknown: [{ 'kubernetes_role_binding.b': { metadata: { name: 'b', namespace: 'x' }, role_ref: { name: 'r' }, subject: [{ kind: 'ServiceAccount', name: '${var.sa}' }] } }],
  },
  'GP-K8S-026': {
    pass: [{ 'kubernetes_role_v1.r': { metadata: { name: 'r', namespace: 'x' }, rule: [{ api_groups: [''], resources: ['pods'], verbs: ['get', 'list'] }] } }],
    fail: [{ 'kubernetes_cluster_role_v1.r': { metadata: { name: 'r' }, rule: [{ api_groups: ['*'], resources: ['*'], verbs: ['*'] }] } }],
  },
};
