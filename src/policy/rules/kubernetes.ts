import { ResourceView, Rule, RuleOutcome } from '../model';
import { blocks, citing, collect, fail, get, hasExpressionBlock, isExpression, list, NOT_APPLICABLE, PASS, unknown } from '../values';

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
  readonly containers: Array<{ c: Record<string, any>; path: string; init: boolean }>;
  /** Containers come from a `dynamic` block: what they set is known only at plan time. */
  readonly dynamicContainers: boolean;
}

/** Where the pod spec and its metadata sit for each workload type. */
function specPaths(type: string): [spec: string, metadata: string] | undefined {
  if (POD.includes(type)) return ['spec', 'metadata'];
  if (CRON.includes(type)) return ['spec.job_template.spec.template.spec', 'spec.job_template.spec.template.metadata'];
  return POD_TEMPLATE.includes(type) ? ['spec.template.spec', 'spec.template.metadata'] : undefined;
}

/** The pod spec of a workload, with its containers. */
export function workload(r: ResourceView): Workload | undefined {
  const paths = specPaths(r.type);
  if (!paths) return undefined;
  const [path, metaPath] = paths;
  const spec = get(r.config, path);
  if (!spec || typeof spec !== 'object') return undefined;
  const s = (Array.isArray(spec) ? spec[0] : spec) as Record<string, any>;
  const containers = (['container', 'init_container'] as const).flatMap((kind) => blocks(s[kind]).map((c, i) => ({ c, path: `${path}.${kind}[${i}]`, init: kind === 'init_container' })));
  const meta = get(r.config, metaPath);
  return {
    spec: s,
    path,
    metadata: (Array.isArray(meta) ? meta[0] : meta) ?? {},
    containers,
    dynamicContainers: hasExpressionBlock(s.container) || hasExpressionBlock(s.init_container),
  };
}

type Check = (w: Workload, r: ResourceView) => RuleOutcome;

/**
 * Checkov checks that fail a workload which has no pod spec at all (Terraform would refuse
 * it): rules citing them fail such a resource too; other rules find nothing to judge.
 */
const FAIL_WITHOUT_SPEC: Record<string, readonly string[]> = {
  'GP-K8S-005': ['CKV_K8S_29'],
  'GP-K8S-009': ['CKV_K8S_28'],
  'GP-K8S-010': ['CKV_K8S_27'],
  'GP-K8S-019': ['CKV_K8S_10', 'CKV_K8S_11', 'CKV_K8S_12', 'CKV_K8S_13'],
};

function onWorkload(check: Check, ruleId?: string): (r: ResourceView) => RuleOutcome {
  return (r) => {
    const w = workload(r);
    if (w) return check(w, r);
    const cites = ruleId ? FAIL_WITHOUT_SPEC[ruleId] : undefined;
    const paths = specPaths(r.type);
    if (!cites || !paths) return NOT_APPLICABLE;
    if (isExpression(get(r.config, paths[0]))) return unknown('spec', 'is a dynamic block whose content is known only at plan time');
    return fail('defines no pod spec, so no container in it can be vouched for', 'spec', checkovFor(r.type, cites));
  };
}

/** Fail on the first container where `bad` returns a message. */
function eachContainer(w: Workload, bad: (c: Record<string, any>, path: string) => string | RuleOutcome | undefined): RuleOutcome {
  for (const { c, path } of w.containers) {
    const out = bad(c, path);
    if (typeof out === 'string') return fail(`container ${String(c.name ?? '?')}: ${out}`, path);
    if (out) return out;
  }
  return w.dynamicContainers ? unknown(`${w.path}.container`, 'is a dynamic block whose content is known only at plan time') : PASS;
}

/** A container's problem, with the Checkov checks that fail on it (as Checkov reads only `container`, not `init_container`). */
interface ContainerProblem { readonly message: string; readonly checkov: readonly string[] }

/**
 * Judge every container and fail with the first problem, citing every Checkov check that
 * failed on any container of this resource type.
 */
function allContainers(w: Workload, r: ResourceView, check: (c: Record<string, any>, path: string) => ContainerProblem | RuleOutcome | undefined): RuleOutcome {
  const outcomes = w.containers.map(({ c, path, init }) => {
    const out = check(c, path);
    if (out === undefined) return PASS;
    if ('status' in out) return out;
    return fail(`container ${String(c.name ?? '?')}: ${out.message}`, path, init ? [] : checkovFor(r.type, out.checkov));
  });
  if (w.dynamicContainers) outcomes.push(unknown(`${w.path}.container`, 'is a dynamic block whose content is known only at plan time'));
  return collect(outcomes);
}

/** Checkov's Kubernetes checks read pods and deployments; a few also daemon sets, one every namespaced type. */
const CHECKOV_POD_TYPES = ['kubernetes_pod', 'kubernetes_pod_v1', 'kubernetes_deployment', 'kubernetes_deployment_v1'];
const CHECKOV_EXTRA_TYPES: Record<string, string[]> = {
  CKV_K8S_27: ['kubernetes_daemonset', 'kubernetes_daemon_set_v1'],
  CKV_K8S_29: ['kubernetes_daemonset', 'kubernetes_daemon_set_v1'],
};
/** The Checkov checks among `ids` that read resources of `type`. */
function checkovFor(type: string, ids: readonly string[]): string[] {
  return ids.filter((id) => CHECKOV_POD_TYPES.includes(type) || CHECKOV_EXTRA_TYPES[id]?.includes(type));
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

/** What every workload rule claiming a Checkov check judges beyond it. */
const WORKLOAD_DIFFERENCE = 'Checkov reads pods and deployments (a few checks also daemon sets), and some checks only the first container; this rule judges every container, init containers included, of every workload type, and cites Checkov only for the types it reads.';

/** Deliberate differences of single workload rules, on top of WORKLOAD_DIFFERENCE. */
const K8S_DIFFERENCES: Record<string, string> = {
  'GP-K8S-005': 'An unset allow_privilege_escalation fails here, as it fails Pod Security restricted; CKV_K8S_20 fails only an explicit true.',
  'GP-K8S-009': 'Pod Security restricted lets a container add NET_BIND_SERVICE, so it passes here; CKV_K8S_25 fails any added capability.',
  'GP-K8S-010': 'Every hostPath volume fails here (Pod Security baseline); CKV_K8S_27 fails the Docker socket only.',
  'GP-K8S-021': 'A version tag passes here without a digest (CKV_K8S_43 is left out: see the gaps below).',
  'GP-K8S-022': 'A namespace from a variable without a default is unknown here; Checkov passes any non-empty value.',
};
const differences = (id: string) => [K8S_DIFFERENCES[id], WORKLOAD_DIFFERENCE].filter(Boolean).join(' ');

function pss(id: string, title: string, level: 'baseline' | 'restricted', rationale: string, remediation: string, check: Check, checkov?: string[]): Rule {
  return {
    id,
    title,
    severity: 'error',
    rationale: `Pod Security Standards (${level}): ${rationale}`,
    remediation,
    resourceTypes: WORKLOAD_TYPES,
    checkov,
    checkovDifferences: checkov ? differences(id) : undefined,
    evaluate: onWorkload(check, id),
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
    }), ['CKV_K8S_16']),
  pss('GP-K8S-005', 'Privilege escalation is explicitly off', 'restricted', 'allowPrivilegeEscalation must be set to false (unset fails: setuid binaries could gain privileges).',
    'Set security_context.allow_privilege_escalation = false on every container.',
    (w, r) => allContainers(w, r, (c, p) => {
      const v = scValue(c, 'allow_privilege_escalation');
      if (isExpression(v)) return unknown(`${p}.security_context.allow_privilege_escalation`);
      if (v === false) return undefined;
      // CKV_K8S_20 fails an explicit true; CKV_K8S_29 and CKV_K8S_30 a container without any security_context
      if (v === true) return { message: 'allow_privilege_escalation is true', checkov: ['CKV_K8S_20'] };
      return { message: 'allow_privilege_escalation is not set to false', checkov: c.security_context === undefined ? ['CKV_K8S_29', 'CKV_K8S_30'] : [] };
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
    }),
  pss('GP-K8S-007', 'Does not run as UID 0', 'restricted', 'runAsUser 0 is root whatever runAsNonRoot says.',
    'Set run_as_user to a non-zero UID, or leave it to the image.',
    (w) => {
      const pod = scValue(w.spec, 'run_as_user');
      if (isExpression(pod)) return unknown(`${w.path}.security_context.run_as_user`);
      if (String(pod) === '0') return fail('the pod runs as UID 0', `${w.path}.security_context.run_as_user`);
      return eachContainer(w, (c, p) => {
        const v = scValue(c, 'run_as_user');
        if (isExpression(v)) return unknown(`${p}.security_context.run_as_user`);
        return String(v) === '0' ? 'runs as UID 0' : undefined;
      });
    }),
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
    }),
  pss('GP-K8S-009', 'Capabilities: drop ALL, add at most NET_BIND_SERVICE', 'restricted', 'containers must drop ALL capabilities and may add back only NET_BIND_SERVICE.',
    'Set security_context.capabilities { drop = ["ALL"] } and add nothing else.',
    (w, r) => allContainers(w, r, (c, p) => {
      const caps = get(sc(c), 'capabilities');
      const dropRaw = get(sc(c), 'capabilities.drop');
      const addRaw = get(sc(c), 'capabilities.add');
      if (isExpression(dropRaw) || isExpression(addRaw)) return unknown(`${p}.security_context.capabilities`);
      const drop = list(dropRaw).map(String);
      const add = list(addRaw).map(String);
      const cites: string[] = [];
      if (add.length) cites.push('CKV_K8S_25'); // Checkov fails any added capability, even NET_BIND_SERVICE
      if (add.includes('SYS_ADMIN')) cites.push('CKV_K8S_39');
      if (!drop.includes('ALL')) {
        if (!drop.includes('NET_RAW')) cites.push('CKV_K8S_28');
        if (caps !== undefined && !drop.some((d) => d.toUpperCase() === 'ALL')) cites.push('CKV_K8S_37');
        return { message: 'does not drop ALL capabilities', checkov: cites };
      }
      const extra = add.filter((a) => a !== 'NET_BIND_SERVICE');
      return extra.length ? { message: `adds ${extra.join(', ')}`, checkov: cites } : undefined;
    }), ['CKV_K8S_25', 'CKV_K8S_28', 'CKV_K8S_37', 'CKV_K8S_39']),
  pss('GP-K8S-010', 'No hostPath volumes', 'baseline', 'hostPath mounts node files (the container runtime socket, kubelet credentials) into the pod.',
    'Use an emptyDir, a PVC or a CSI volume.',
    (w, r) => {
      const volumes = blocks(w.spec.volume);
      const i = volumes.findIndex((v) => v.host_path !== undefined);
      if (i < 0) return isExpression(w.spec.volume) ? unknown(`${w.path}.volume`, 'is a dynamic block whose content is known only at plan time') : PASS;
      // CKV_K8S_27 is about the Docker socket only
      const socket = volumes.some((v) => get(v, 'host_path.path') === '/var/run/docker.sock');
      return fail(socket ? 'mounts the Docker socket from the host' : 'mounts a host_path volume', `${w.path}.volume[${i}].host_path`, socket ? checkovFor(r.type, ['CKV_K8S_27']) : []);
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
    (w) => eachContainer(w, (c, path) => {
      const ports = blocks(c.port);
      if (ports.some((p) => p.host_port !== undefined && !isExpression(p.host_port) && Number(p.host_port) !== 0)) return 'uses a host_port';
      return hasExpressionBlock(c.port) || ports.some((p) => isExpression(p.host_port)) ? unknown(`${path}.port`) : undefined;
    }), ['CKV_K8S_26']),
  pss('GP-K8S-013', 'SELinux options are limited', 'baseline', `SELinux type must be one of ${SELINUX_TYPES.join(', ')}; user and role unset.`,
    'Remove se_linux_options user and role; use a container_t type.',
    (w) => {
      const check = (x: Record<string, any>, p: string): string | RuleOutcome | undefined => {
        const o = get(sc(x), 'se_linux_options') as Record<string, any> | undefined;
        if (!o) return undefined;
        if (isExpression(o)) return unknown(`${p}.security_context.se_linux_options`);
        const opts = Array.isArray(o) ? o[0] ?? {} : o;
        if ([opts.user, opts.role, opts.type].some(isExpression)) return unknown(`${p}.security_context.se_linux_options`);
        if (opts.user !== undefined || opts.role !== undefined) return 'sets an SELinux user or role';
        if (opts.type !== undefined && !SELINUX_TYPES.includes(String(opts.type))) return `uses SELinux type ${String(opts.type)}`;
        return undefined;
      };
      const pod = check(w.spec, w.path);
      if (typeof pod === 'object') return pod;
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
      const sysctls = get(sc(w.spec), 'sysctl');
      const bad = blocks(sysctls).find((s) => !isExpression(s.name) && !SAFE_SYSCTLS.includes(String(s.name)));
      if (bad) return fail(`sets unsafe sysctl ${String(bad.name)}`, `${w.path}.security_context.sysctl`);
      return hasExpressionBlock(sysctls) || blocks(sysctls).some((s) => isExpression(s.name)) ? unknown(`${w.path}.security_context.sysctl`) : PASS;
    }),
  pss('GP-K8S-016', 'No Windows host process', 'baseline', 'a hostProcess container runs directly on the Windows node.', 'Remove windows_options.host_process.',
    (w) => {
      const hp = (x: Record<string, any>) => get(sc(x), 'windows_options.host_process');
      if (isExpression(hp(w.spec))) return unknown(`${w.path}.security_context.windows_options.host_process`);
      return hp(w.spec) === true ? fail('the pod is a Windows host process', `${w.path}.security_context.windows_options.host_process`)
        : eachContainer(w, (c, p) => (isExpression(hp(c)) ? unknown(`${p}.security_context.windows_options.host_process`) : hp(c) === true ? 'is a Windows host process' : undefined));
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
    checkovDifferences: WORKLOAD_DIFFERENCE,
    evaluate: onWorkload((w, r) => allContainers(w, r, (c, p) => {
      const checks: Record<string, string> = { 'requests.cpu': 'CKV_K8S_10', 'limits.cpu': 'CKV_K8S_11', 'limits.memory': 'CKV_K8S_12', 'requests.memory': 'CKV_K8S_13' };
      if (isExpression(get(c, 'resources'))) return unknown(`${p}.resources`);
      const missing = Object.keys(checks).filter((k) => get(c, `resources.${k}`) === undefined);
      return missing.length ? { message: `has no resources.${missing.join(', resources.')}`, checkov: missing.map((k) => checks[k]) } : undefined;
    }), 'GP-K8S-019'),
  },
  {
    id: 'GP-K8S-020',
    title: 'Containers have liveness and readiness probes',
    severity: 'warning',
    rationale: 'Without probes a hung process keeps receiving traffic and is never restarted.',
    remediation: 'Add liveness_probe and readiness_probe (and startup_probe for slow starts).',
    resourceTypes: WORKLOAD_TYPES.filter((t) => !t.includes('job')),
    checkov: ['CKV_K8S_8', 'CKV_K8S_9'],
    checkovDifferences: WORKLOAD_DIFFERENCE,
    evaluate: onWorkload((w, r) => allContainers(w, r, (c, p) => {
      if (p.includes('init_container')) return undefined;
      const missing = [c.liveness_probe === undefined && 'liveness_probe', c.readiness_probe === undefined && 'readiness_probe'].filter((x): x is string => !!x);
      return missing.length ? { message: `has no ${missing.join(' and no ')}`, checkov: missing.map((m) => (m === 'liveness_probe' ? 'CKV_K8S_8' : 'CKV_K8S_9')) } : undefined;
    })),
  },
  {
    id: 'GP-K8S-021',
    title: 'Images are pinned (digest or a tag other than latest)',
    severity: 'error',
    rationale: '`latest` or no tag means the running code changes without a change in Terraform.',
    remediation: 'Use image@sha256:... or an immutable version tag.',
    resourceTypes: WORKLOAD_TYPES,
    checkov: ['CKV_K8S_14'],
    checkovDifferences: differences('GP-K8S-021'),
    evaluate: onWorkload((w, r) => citing(eachContainer(w, (c, p) => {
      const image = c.image;
      if (isExpression(image)) return unknown(`${p}.image`);
      if (typeof image !== 'string') return 'has no image';
      if (image.includes('@sha256:')) return undefined;
      const tag = image.split('/').pop()!.split(':')[1];
      return !tag || tag === 'latest' ? `image ${image} is not pinned` : undefined;
    }), checkovFor(r.type, ['CKV_K8S_14']))),
  },
  {
    id: 'GP-K8S-022',
    title: 'Not in the default namespace',
    severity: 'error',
    rationale: 'The default namespace has no team quota, network policy or Pod Security labels.',
    remediation: "Set metadata.namespace to the team's namespace (TeamTenancy creates it).",
    resourceTypes: [...WORKLOAD_TYPES, 'kubernetes_service', 'kubernetes_service_v1', 'kubernetes_secret', 'kubernetes_secret_v1',
      'kubernetes_config_map', 'kubernetes_config_map_v1', 'kubernetes_service_account', 'kubernetes_service_account_v1',
      'kubernetes_role_binding', 'kubernetes_role_binding_v1', 'kubernetes_ingress', 'kubernetes_ingress_v1'],
    checkov: ['CKV_K8S_21'],
    checkovDifferences: differences('GP-K8S-022'),
    evaluate(r) {
      const ns = get(r.config, 'metadata.namespace');
      // a reference to a namespace resource is never "default"; a variable without a default may be
      if (isExpression(ns)) return /^\$\{kubernetes_namespace(_v1)?\./.test(String(ns)) ? PASS : unknown('metadata.namespace');
      return ns === undefined || ns === '' || ns === 'default' ? fail('is in the default namespace', 'metadata.namespace') : PASS;
    },
  },
  {
    id: 'GP-K8S-023',
    title: 'Service account token is not mounted by default',
    severity: 'warning',
    rationale: 'Most pods never call the API; a mounted token is a credential for whoever compromises them.',
    remediation: 'Set automount_service_account_token = false on the pod spec (or on the service account).',
    resourceTypes: [...WORKLOAD_TYPES, 'kubernetes_service_account', 'kubernetes_service_account_v1'],
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
    checkovDifferences: WORKLOAD_DIFFERENCE,
    evaluate: onWorkload((w) => eachContainer(w, (c, p) => {
      const v = scValue(c, 'read_only_root_filesystem');
      if (isExpression(v)) return unknown(`${p}.security_context.read_only_root_filesystem`);
      return v === true || v === 'true' ? undefined : 'root filesystem is writable';
    })),
  },
  {
    id: 'GP-K8S-025',
    title: 'Namespace enforces Pod Security restricted',
    severity: 'error',
    rationale: 'The pod-security.kubernetes.io/enforce label makes the API server reject pods that break the standard, whoever creates them.',
    remediation: 'Label the namespace pod-security.kubernetes.io/enforce: restricted (TeamTenancy does).',
    resourceTypes: ['kubernetes_namespace', 'kubernetes_namespace_v1'],
    evaluate(r) {
      const v = get(r.config, 'metadata.labels') as Record<string, unknown> | string | undefined;
      if (isExpression(v)) return unknown('metadata.labels');
      const level = (v as Record<string, unknown> | undefined)?.['pod-security.kubernetes.io/enforce'];
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
      const rules = blocks(r.config.rule);
      const i = rules.findIndex((rule) => [...list(rule.verbs), ...list(rule.resources), ...list(rule.api_groups)].includes('*'));
      if (i >= 0) return fail('a rule uses *', `rule[${i}]`);
      return hasExpressionBlock(r.config.rule) || rules.some((rule) => [rule.verbs, rule.resources, rule.api_groups].some(isExpression)) ? unknown('rule') : PASS;
    },
  },
  {
    id: 'GP-K8S-027',
    title: 'Bindings do not grant roles to a default service account',
    severity: 'warning',
    rationale: 'Every pod that names no service account runs as `default`; a role bound to it is granted to all of them.',
    remediation: 'Create a service account for the workload and bind the role to it.',
    resourceTypes: ['kubernetes_role_binding', 'kubernetes_role_binding_v1', 'kubernetes_cluster_role_binding', 'kubernetes_cluster_role_binding_v1'],
    checkov: ['CKV_K8S_42'],
    evaluate(r) {
      const subjects = blocks(r.config.subject);
      const bad = subjects.findIndex((s) => s.kind === 'ServiceAccount' && s.name === 'default');
      if (bad >= 0) return fail(`binds ${String(get(r.config, 'role_ref.name') ?? 'a role')} to the default service account`, `subject[${bad}]`);
      return hasExpressionBlock(r.config.subject) || subjects.some((s) => isExpression(s.name) || isExpression(s.kind)) ? unknown('subject') : PASS;
    },
  },
];
