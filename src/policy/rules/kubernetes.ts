import { ResourceView, Rule, RuleOutcome } from '../model';
import { blocks, fail, get, isExpression, list, NOT_APPLICABLE, PASS, unknown } from '../values';

// Pod Security Standards (baseline + restricted) on the Terraform Kubernetes provider's
// snake_case fields, plus operational hygiene. Checkov has no runAsNonRoot or seccomp check
// for these resource types.

const POD_TEMPLATE = ['kubernetes_deployment', 'kubernetes_deployment_v1', 'kubernetes_stateful_set', 'kubernetes_stateful_set_v1',
  'kubernetes_daemonset', 'kubernetes_daemon_set_v1', 'kubernetes_job', 'kubernetes_job_v1', 'kubernetes_replication_controller', 'kubernetes_replication_controller_v1'];
const CRON = ['kubernetes_cron_job', 'kubernetes_cron_job_v1'];
const POD = ['kubernetes_pod', 'kubernetes_pod_v1'];
export const WORKLOAD_TYPES = [...POD_TEMPLATE, ...CRON, ...POD];

interface Workload {
  readonly spec: Record<string, any>;
  /** Attribute path of the pod spec, for messages. */
  readonly path: string;
  /** The pod template's metadata (annotations). */
  readonly metadata: Record<string, any>;
  readonly containers: Array<{ c: Record<string, any>; path: string }>;
}

/** Where the pod spec sits for each workload type. */
export function workload(r: ResourceView): Workload | undefined {
  let path: string;
  let metaPath: string;
  if (POD.includes(r.type)) [path, metaPath] = ['spec', 'metadata'];
  else if (CRON.includes(r.type)) [path, metaPath] = ['spec.job_template.spec.template.spec', 'spec.job_template.spec.template.metadata'];
  else if (POD_TEMPLATE.includes(r.type)) [path, metaPath] = ['spec.template.spec', 'spec.template.metadata'];
  else return undefined;
  const spec = get(r.config, path);
  if (!spec || typeof spec !== 'object') return undefined;
  const s = (Array.isArray(spec) ? spec[0] : spec) as Record<string, any>;
  const containers = (['container', 'init_container'] as const).flatMap((kind) => blocks(s[kind]).map((c, i) => ({ c, path: `${path}.${kind}[${i}]` })));
  const meta = get(r.config, metaPath);
  return { spec: s, path, metadata: (Array.isArray(meta) ? meta[0] : meta) ?? {}, containers };
}

type Check = (w: Workload, r: ResourceView) => RuleOutcome;

function onWorkload(check: Check): (r: ResourceView) => RuleOutcome {
  return (r) => {
    const w = workload(r);
    return w ? check(w, r) : NOT_APPLICABLE;
  };
}

/** Fail on the first container where `bad` returns a message. */
function eachContainer(w: Workload, bad: (c: Record<string, any>, path: string) => string | RuleOutcome | undefined): RuleOutcome {
  for (const { c, path } of w.containers) {
    const out = bad(c, path);
    if (typeof out === 'string') return fail(`container ${String(c.name ?? '?')}: ${out}`, path);
    if (out) return out;
  }
  return PASS;
}

function podFlag(key: string, what: string): Check {
  return (w) => {
    const v = w.spec[key];
    if (isExpression(v)) return unknown(`${w.path}.${key}`);
    return v === true ? fail(`${what} is shared with the host`, `${w.path}.${key}`) : PASS;
  };
}

const sc = (x: Record<string, any>) => (get(x, 'security_context') ?? {}) as Record<string, any>;
const scValue = (x: Record<string, any>, key: string) => get(sc(x), key);

const ALLOWED_VOLUMES = ['config_map', 'csi', 'downward_api', 'empty_dir', 'ephemeral', 'persistent_volume_claim', 'projected', 'secret', 'image'];
const SAFE_SYSCTLS = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

function pss(id: string, title: string, level: 'baseline' | 'restricted', rationale: string, remediation: string, check: Check, checkov?: string[]): Rule {
  return {
    id,
    title,
    severity: 'error',
    rationale: `Pod Security Standards (${level}): ${rationale}`,
    remediation,
    resourceTypes: WORKLOAD_TYPES,
    checkov,
    evaluate: onWorkload(check),
  };
}

export const KUBERNETES_RULES: Rule[] = [
  pss('GP-K8S-001', 'No host network', 'baseline', 'a pod on the host network sees and binds every host interface.', 'Remove host_network.',
    podFlag('host_network', 'the network namespace'), ['CKV_K8S_19']),
  pss('GP-K8S-002', 'No host PID namespace', 'baseline', 'sharing the host PID namespace exposes every process on the node.', 'Remove host_pid.',
    podFlag('host_pid', 'the process namespace'), ['CKV_K8S_17']),
  pss('GP-K8S-003', 'No host IPC namespace', 'baseline', 'sharing host IPC exposes shared memory of other pods.', 'Remove host_ipc.',
    podFlag('host_ipc', 'the IPC namespace'), ['CKV_K8S_18']),
  pss('GP-K8S-004', 'No privileged containers', 'baseline', 'a privileged container is root on the node.', 'Remove security_context.privileged.',
    (w) => eachContainer(w, (c, p) => {
      const v = scValue(c, 'privileged');
      if (isExpression(v)) return unknown(`${p}.security_context.privileged`);
      return v === true ? 'is privileged' : undefined;
    }), ['CKV_K8S_16', 'CKV_K8S_159']),
  pss('GP-K8S-005', 'Privilege escalation is explicitly off', 'restricted', 'allowPrivilegeEscalation must be set to false (unset fails: setuid binaries could gain privileges).',
    'Set security_context.allow_privilege_escalation = false on every container.',
    (w) => eachContainer(w, (c, p) => {
      const v = scValue(c, 'allow_privilege_escalation');
      if (isExpression(v)) return unknown(`${p}.security_context.allow_privilege_escalation`);
      return v === false ? undefined : 'allow_privilege_escalation is not set to false';
    }), ['CKV_K8S_20', 'CKV_K8S_29', 'CKV_K8S_30']),
  pss('GP-K8S-006', 'Runs as non-root', 'restricted', 'runAsNonRoot must be true on the pod or on every container.',
    'Set spec.security_context.run_as_non_root = true (and do not set it false on a container).',
    (w) => {
      const pod = scValue(w.spec, 'run_as_non_root');
      if (isExpression(pod)) return unknown(`${w.path}.security_context.run_as_non_root`);
      return eachContainer(w, (c, p) => {
        const v = scValue(c, 'run_as_non_root');
        if (isExpression(v)) return unknown(`${p}.security_context.run_as_non_root`);
        if (v === false) return 'sets run_as_non_root = false';
        return v === true || pod === true ? undefined : 'run_as_non_root is not true on the container or the pod';
      });
    }, ['CKV_K8S_6']),
  pss('GP-K8S-007', 'Does not run as UID 0', 'restricted', 'runAsUser 0 is root whatever runAsNonRoot says.',
    'Set run_as_user to a non-zero UID, or leave it to the image.',
    (w) => {
      if (String(scValue(w.spec, 'run_as_user')) === '0') return fail('the pod runs as UID 0', `${w.path}.security_context.run_as_user`);
      return eachContainer(w, (c) => (String(scValue(c, 'run_as_user')) === '0' ? 'runs as UID 0' : undefined));
    }, ['CKV_K8S_40']),
  pss('GP-K8S-008', 'Seccomp profile is RuntimeDefault or Localhost', 'restricted', 'seccompProfile.type must be RuntimeDefault or Localhost on the pod or every container (unset fails).',
    'Set spec.security_context.seccomp_profile.type = "RuntimeDefault".',
    (w) => {
      const ok = (v: unknown) => v === 'RuntimeDefault' || v === 'Localhost';
      const pod = get(sc(w.spec), 'seccomp_profile.type');
      if (isExpression(pod)) return unknown(`${w.path}.security_context.seccomp_profile.type`);
      if (pod !== undefined && !ok(pod)) return fail(`the pod seccomp profile is ${String(pod)}`, `${w.path}.security_context.seccomp_profile.type`);
      return eachContainer(w, (c, p) => {
        const v = get(sc(c), 'seccomp_profile.type');
        if (isExpression(v)) return unknown(`${p}.security_context.seccomp_profile.type`);
        if (v !== undefined && !ok(v)) return `seccomp profile is ${String(v)}`;
        return ok(v) || ok(pod) ? undefined : 'has no seccomp profile (unset fails restricted)';
      });
    }, ['CKV_K8S_32']),
  pss('GP-K8S-009', 'Capabilities: drop ALL, add at most NET_BIND_SERVICE', 'restricted', 'containers must drop ALL capabilities and may add back only NET_BIND_SERVICE.',
    'Set security_context.capabilities { drop = ["ALL"] } and add nothing else.',
    (w) => eachContainer(w, (c) => {
      const drop = list(get(sc(c), 'capabilities.drop')).map(String);
      const add = list(get(sc(c), 'capabilities.add')).map(String);
      if (!drop.includes('ALL')) return 'does not drop ALL capabilities';
      const extra = add.filter((a) => a !== 'NET_BIND_SERVICE');
      return extra.length ? `adds ${extra.join(', ')}` : undefined;
    }), ['CKV_K8S_25', 'CKV_K8S_28', 'CKV_K8S_37', 'CKV_K8S_39']),
  pss('GP-K8S-010', 'No hostPath volumes', 'baseline', 'hostPath mounts node files (the container runtime socket, kubelet credentials) into the pod.',
    'Use an emptyDir, a PVC or a CSI volume.',
    (w) => {
      const i = blocks(w.spec.volume).findIndex((v) => v.host_path !== undefined);
      return i >= 0 ? fail('mounts a host_path volume', `${w.path}.volume[${i}].host_path`) : PASS;
    }, ['CKV_K8S_27']),
  pss('GP-K8S-011', 'Only restricted volume types', 'restricted', `volumes may only be ${ALLOWED_VOLUMES.join(', ')}.`,
    'Replace other volume sources with a PVC or CSI volume.',
    (w) => {
      for (const [i, v] of blocks(w.spec.volume).entries()) {
        const kind = Object.keys(v).find((k) => k !== 'name' && !ALLOWED_VOLUMES.includes(k));
        if (kind) return fail(`volume ${String(v.name ?? i)} uses ${kind}`, `${w.path}.volume[${i}].${kind}`);
      }
      return PASS;
    }),
  pss('GP-K8S-012', 'No host ports', 'baseline', 'hostPort binds the node address and bypasses network policy.', 'Remove host_port; expose through a Service.',
    (w) => eachContainer(w, (c) => (blocks(c.port).some((p) => p.host_port !== undefined && Number(p.host_port) !== 0) ? 'uses a host_port' : undefined)), ['CKV_K8S_26']),
  pss('GP-K8S-013', 'SELinux options are limited', 'baseline', `SELinux type must be one of ${SELINUX_TYPES.join(', ')}; user and role unset.`,
    'Remove se_linux_options user and role; use a container_t type.',
    (w) => {
      const check = (x: Record<string, any>) => {
        const o = get(sc(x), 'se_linux_options') as Record<string, any> | undefined;
        if (!o) return undefined;
        const opts = Array.isArray(o) ? o[0] ?? {} : o;
        if (opts.user !== undefined || opts.role !== undefined) return 'sets an SELinux user or role';
        if (opts.type !== undefined && !SELINUX_TYPES.includes(String(opts.type))) return `uses SELinux type ${String(opts.type)}`;
        return undefined;
      };
      const pod = check(w.spec);
      return pod ? fail(`the pod ${pod}`, `${w.path}.security_context.se_linux_options`) : eachContainer(w, check);
    }),
  pss('GP-K8S-014', 'Default /proc mount', 'baseline', 'an Unmasked procMount exposes kernel settings.', 'Remove proc_mount.',
    (w) => eachContainer(w, (c) => {
      const v = scValue(c, 'proc_mount');
      return v !== undefined && v !== 'Default' ? `proc_mount is ${String(v)}` : undefined;
    })),
  pss('GP-K8S-015', 'Only safe sysctls', 'baseline', `sysctls are limited to the namespaced safe set (${SAFE_SYSCTLS.length} names).`,
    'Remove the sysctl, or set it on the node.',
    (w) => {
      const bad = blocks(get(sc(w.spec), 'sysctl')).find((s) => !SAFE_SYSCTLS.includes(String(s.name)));
      return bad ? fail(`sets unsafe sysctl ${String(bad.name)}`, `${w.path}.security_context.sysctl`) : PASS;
    }),
  pss('GP-K8S-016', 'No Windows host process', 'baseline', 'a hostProcess container runs directly on the Windows node.', 'Remove windows_options.host_process.',
    (w) => {
      const hp = (x: Record<string, any>) => get(sc(x), 'windows_options.host_process') === true;
      return hp(w.spec) ? fail('the pod is a Windows host process', `${w.path}.security_context.windows_options.host_process`)
        : eachContainer(w, (c) => (hp(c) ? 'is a Windows host process' : undefined));
    }),
  pss('GP-K8S-017', 'Probes and hooks do not target other hosts', 'baseline', 'a probe or lifecycle hook with `host` can reach any address from the kubelet.',
    'Remove host from http_get and tcp_socket handlers.',
    (w) => eachContainer(w, (c) => {
      const handlers = [c.liveness_probe, c.readiness_probe, c.startup_probe, get(c, 'lifecycle.post_start'), get(c, 'lifecycle.pre_stop')];
      const withHost = handlers.flatMap((h) => blocks(h)).find((h) => get(h, 'http_get.host') !== undefined || get(h, 'tcp_socket.host') !== undefined);
      return withHost ? 'has a probe or hook with a host' : undefined;
    })),
  pss('GP-K8S-018', 'AppArmor profile is default or localhost', 'baseline', 'an unconfined AppArmor profile removes a kernel confinement layer.',
    'Remove the unconfined AppArmor annotation or profile.',
    (w) => {
      const annotations = (w.metadata.annotations ?? {}) as Record<string, unknown>;
      const bad = Object.entries(annotations).find(([k, v]) => k.startsWith('container.apparmor.security.beta.kubernetes.io/') && v !== 'runtime/default' && !String(v).startsWith('localhost/'));
      if (bad) return fail(`annotation ${bad[0]} is ${String(bad[1])}`, 'metadata.annotations');
      return eachContainer(w, (c) => (get(sc(c), 'app_armor_profile.type') === 'Unconfined' ? 'has an Unconfined AppArmor profile' : undefined));
    }),
  {
    id: 'GP-K8S-019',
    title: 'Containers set resource requests and limits',
    severity: 'error',
    rationale: 'Without requests the scheduler overcommits nodes; without limits one pod can starve its neighbours.',
    remediation: 'Set resources.requests and resources.limits for cpu and memory (Service sizes do).',
    resourceTypes: WORKLOAD_TYPES,
    checkov: ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'],
    evaluate: onWorkload((w) => eachContainer(w, (c) => {
      for (const k of ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']) if (get(c, `resources.${k}`) === undefined) return `has no resources.${k}`;
      return undefined;
    })),
  },
  {
    id: 'GP-K8S-020',
    title: 'Containers have liveness and readiness probes',
    severity: 'warning',
    rationale: 'Without probes a hung process keeps receiving traffic and is never restarted.',
    remediation: 'Add liveness_probe and readiness_probe (and startup_probe for slow starts).',
    resourceTypes: WORKLOAD_TYPES.filter((t) => !t.includes('job')),
    checkov: ['CKV_K8S_8', 'CKV_K8S_9'],
    evaluate: onWorkload((w) => eachContainer(w, (c, p) => {
      if (p.includes('init_container')) return undefined;
      if (c.liveness_probe === undefined) return 'has no liveness_probe';
      return c.readiness_probe === undefined ? 'has no readiness_probe' : undefined;
    })),
  },
  {
    id: 'GP-K8S-021',
    title: 'Images are pinned (digest or a tag other than latest)',
    severity: 'error',
    rationale: '`latest` or no tag means the running code changes without a change in Terraform.',
    remediation: 'Use image@sha256:... or an immutable version tag.',
    resourceTypes: WORKLOAD_TYPES,
    checkov: ['CKV_K8S_14', 'CKV_K8S_43'],
    evaluate: onWorkload((w) => eachContainer(w, (c, p) => {
      const image = c.image;
      if (isExpression(image)) return unknown(`${p}.image`);
      if (typeof image !== 'string') return 'has no image';
      if (image.includes('@sha256:')) return undefined;
      const tag = image.split('/').pop()!.split(':')[1];
      return !tag || tag === 'latest' ? `image ${image} is not pinned` : undefined;
    })),
  },
  {
    id: 'GP-K8S-022',
    title: 'Not in the default namespace',
    severity: 'error',
    rationale: 'The default namespace has no team quota, network policy or Pod Security labels.',
    remediation: "Set metadata.namespace to the team's namespace (TeamTenancy creates it).",
    resourceTypes: [...WORKLOAD_TYPES, 'kubernetes_service', 'kubernetes_service_v1', 'kubernetes_secret', 'kubernetes_secret_v1',
      'kubernetes_config_map', 'kubernetes_config_map_v1', 'kubernetes_service_account', 'kubernetes_service_account_v1'],
    checkov: ['CKV_K8S_21'],
    evaluate(r) {
      const ns = get(r.config, 'metadata.namespace');
      if (isExpression(ns)) return PASS; // a reference to a namespace resource is never "default"
      return ns === undefined || ns === 'default' ? fail('is in the default namespace', 'metadata.namespace') : PASS;
    },
  },
  {
    id: 'GP-K8S-023',
    title: 'Service account token is not mounted by default',
    severity: 'warning',
    rationale: 'Most pods never call the API; a mounted token is a credential for whoever compromises them.',
    remediation: 'Set automount_service_account_token = false on the pod spec (or on the service account).',
    resourceTypes: [...WORKLOAD_TYPES, 'kubernetes_service_account', 'kubernetes_service_account_v1'],
    checkov: ['CKV_K8S_38'],
    evaluate(r) {
      if (r.type.startsWith('kubernetes_service_account')) {
        return r.config.automount_service_account_token === false ? PASS : fail('automount_service_account_token is not false', 'automount_service_account_token');
      }
      const w = workload(r);
      if (!w) return NOT_APPLICABLE;
      return w.spec.automount_service_account_token === false ? PASS : fail('automount_service_account_token is not false', `${w.path}.automount_service_account_token`);
    },
  },
  {
    id: 'GP-K8S-024',
    title: 'Root filesystem is read-only',
    severity: 'warning',
    rationale: 'A writable root lets an attacker drop tools into the container; write to an emptyDir instead.',
    remediation: 'Set security_context.read_only_root_filesystem = true and mount an emptyDir at /tmp.',
    resourceTypes: WORKLOAD_TYPES,
    checkov: ['CKV_K8S_22'],
    evaluate: onWorkload((w) => eachContainer(w, (c) => (scValue(c, 'read_only_root_filesystem') === true ? undefined : 'root filesystem is writable'))),
  },
  {
    id: 'GP-K8S-025',
    title: 'Namespace enforces Pod Security restricted',
    severity: 'error',
    rationale: 'The pod-security.kubernetes.io/enforce label makes the API server reject pods that break the standard, whoever creates them.',
    remediation: 'Label the namespace pod-security.kubernetes.io/enforce: restricted (TeamTenancy does).',
    resourceTypes: ['kubernetes_namespace', 'kubernetes_namespace_v1'],
    evaluate(r) {
      const v = get(r.config, 'metadata.labels')?.valueOf() as Record<string, unknown> | undefined;
      const level = v?.['pod-security.kubernetes.io/enforce'];
      if (isExpression(level)) return unknown('metadata.labels');
      return level === 'restricted' ? PASS : fail(`pod-security enforce level is ${String(level ?? 'unset')}`, 'metadata.labels');
    },
  },
  {
    id: 'GP-K8S-026',
    title: 'Roles use no wildcards',
    severity: 'warning',
    rationale: 'A `*` verb or resource grants what the role author never saw, including future resource types.',
    remediation: 'List the API groups, resources and verbs.',
    resourceTypes: ['kubernetes_role', 'kubernetes_role_v1', 'kubernetes_cluster_role', 'kubernetes_cluster_role_v1'],
    checkov: ['CKV_K8S_49'],
    evaluate(r) {
      const i = blocks(r.config.rule).findIndex((rule) => [...list(rule.verbs), ...list(rule.resources), ...list(rule.api_groups)].includes('*'));
      return i >= 0 ? fail('a rule uses *', `rule[${i}]`) : PASS;
    },
  },
];
