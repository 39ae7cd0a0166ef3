import type { ErrorObject } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { IConstruct } from 'constructs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import schema from './score/score-v1b1.json';
import type { ServiceDependency, ServiceProps } from './service-props';
import type { ContainerResources } from './sizes';
import { SERVICE_SIZES } from './sizes';
import { PlatformValidationError } from '../../src/core/errors';
import { jsonDepth, MAX_JSON_DEPTH } from '../../src/core/files';
import { closest } from '../../src/core/props';

/** Score resource types we provision, and the Service dependency each becomes. */
export const SCORE_RESOURCE_TYPES: Record<string, { type: ServiceDependency['type']; params: string[]; outputs: string[] }> = {
  postgres: { type: 'postgres', params: ['databaseName', 'engineVersion', 'instanceClass', 'allocatedStorage'], outputs: ['host', 'port', 'name', 'database', 'username'] },
  redis: { type: 'cache', params: ['engine', 'nodeType'], outputs: ['host', 'port', 'username'] },
  s3: { type: 'bucket', params: [], outputs: ['bucket', 'region'] },
  queue: { type: 'queue', params: ['maxReceiveCount', 'visibilityTimeoutSeconds'], outputs: ['url', 'arn', 'name'] },
};

/** What a Score workload cannot express here, per field, so nothing is dropped silently. */
const UNSUPPORTED_CONTAINER_FIELDS: Record<string, string> = {
  files: 'containers run with a read-only root filesystem; ship files in the image or use a ConfigMap',
  volumes: 'volumes other than /tmp are not offered by the service golden path',
};

let validate: ReturnType<Ajv2020['compile']> | undefined;

/** Validate a workload with the official Score JSON schema (score.dev/v1b1, JSON Schema 2020-12). */
export function validateScore(scope: IConstruct, workload: unknown): void {
  validate ??= new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(schema);
  if (validate(workload)) return;
  if (workload === null || typeof workload !== 'object' || Array.isArray(workload)) {
    throw new PlatformValidationError(scope, 'score', workload, 'must be a score.dev/v1b1 workload: a mapping with apiVersion, metadata and containers');
  }
  const [first, ...rest] = mostSpecific(validate.errors ?? []);
  const { prop, value, allowed } = explain(first, workload);
  const more = rest.length ? ` (and ${rest.length} more: ${rest.slice(0, 3).map((e) => explain(e, workload).prop).join(', ')})` : '';
  throw new PlatformValidationError(scope, prop, value, `${allowed}${more}`);
}

/** Ajv reports every branch of a oneOf/anyOf; the errors deepest in the document say the most. */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const useful = errors.filter((e) => !['oneOf', 'anyOf', 'if', 'not'].includes(e.keyword));
  const list = useful.length ? useful : errors;
  const depth = (e: ErrorObject) => e.instancePath.split('/').length + (e.keyword === 'additionalProperties' || e.keyword === 'required' ? 1 : 0);
  const seen = new Set<string>();
  return [...list].sort((a, b) => depth(b) - depth(a)).filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** One Ajv error as the Score path it is about, the value found there and what is allowed. */
function explain(e: ErrorObject, workload: unknown): { prop: string; value: unknown; allowed: string } {
  const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = (path: string[]) => path.reduce<any>((v, k) => (v == null ? undefined : v[k]), workload);
  const dotted = (path: string[]) => ['score', ...path].join('.');
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const hint = closest(key, allowed);
    return { prop: dotted([...segments, key]), value: at([...segments, key]), allowed: `is not a Score field here${hint ? `; did you mean \`${hint}\`?` : ''}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}` };
  }
  if (e.keyword === 'required') {
    const key = String(e.params.missingProperty);
    return { prop: dotted([...segments, key]), value: undefined, allowed: 'is required by score.dev/v1b1' };
  }
  const allowed = e.keyword === 'enum' ? `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` : (e.message ?? 'is not valid score.dev/v1b1');
  return { prop: dotted(segments), value: at(segments), allowed };
}

export interface ScoreOptions extends Omit<ServiceProps, 'image' | 'variables' | 'dependencies' | 'port' | 'probes' | 'command' | 'args' | 'containerResources' | 'annotations'> {}

/**
 * Map a Score workload (an object, or YAML / JSON text) to Service props. Placeholders
 * `${resources.<name>.<output>}` and `${metadata.name}` in variables are resolved to the
 * dependencies' outputs; anything we cannot honour is an error naming the field.
 */
export function scoreToServiceProps(scope: IConstruct, source: unknown, options: ScoreOptions): { name: string; props: ServiceProps } {
  let workload: any = source;
  if (typeof source === 'string') {
    // the YAML parser recurses into flow collections: refuse absurd nesting before it does
    if (jsonDepth(source, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new PlatformValidationError(scope, 'score', `${source.slice(0, 40)}…`, `must not nest deeper than ${MAX_JSON_DEPTH} levels`);
    try {
      workload = parseYaml(source, { uniqueKeys: true });
    } catch (err) {
      if (!(err instanceof YAMLParseError)) throw err;
      const pos = err.linePos?.[0];
      const line = pos ? source.split(/\r?\n/)[pos.line - 1]?.trim() || '(end of input)' : undefined;
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
      const reason = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new PlatformValidationError(scope, 'score', line ?? source.slice(0, 80), `must be YAML or JSON: ${reason}${where}`);
    }
  }
  validateScore(scope, workload);
  const fail = (prop: string, value: unknown, allowed: string): never => {
    throw new PlatformValidationError(scope, `score.${prop}`, value, allowed);
  };
  const name: string = workload.metadata.name;
  const containers = Object.entries<any>(workload.containers);
  if (containers.length !== 1) fail('containers', containers.map(([n]) => n), 'must hold exactly one container (sidecars are not offered by the service golden path)');
  const [containerName, c] = containers[0];
  for (const [field, why] of Object.entries(UNSUPPORTED_CONTAINER_FIELDS)) if (c[field] !== undefined) fail(`containers.${containerName}.${field}`, c[field], `is not supported: ${why}`);

  const dependencies: Record<string, ServiceDependency> = {};
  for (const [resName, res] of Object.entries<any>(workload.resources ?? {})) {
    const mapping = SCORE_RESOURCE_TYPES[res.type];
    if (!mapping) fail(`resources.${resName}.type`, res.type, `must be one of the supported resource types: ${Object.keys(SCORE_RESOURCE_TYPES).join(', ')}`);
    if (res.class !== undefined && res.class !== 'default') fail(`resources.${resName}.class`, res.class, "must be 'default' or left out");
    if (res.id !== undefined) fail(`resources.${resName}.id`, res.id, 'is not supported: resources are not shared between workloads');
    const params = res.params ?? {};
    for (const p of Object.keys(params)) if (!mapping.params.includes(p)) fail(`resources.${resName}.params.${p}`, params[p], mapping.params.length ? `must be one of ${mapping.params.join(', ')}` : 'is not supported: this type takes no params');
    dependencies[resName] = { type: mapping.type, ...params } as ServiceDependency;
  }

  const ports = Object.entries<any>(workload.service?.ports ?? {});
  if (ports.length > 1) fail('service.ports', ports.map(([n]) => n), 'must name at most one port');
  if (ports[0]?.[1].protocol === 'UDP') fail(`service.ports.${ports[0][0]}.protocol`, 'UDP', 'must be TCP');
  const port: number | undefined = ports[0] ? ports[0][1].targetPort ?? ports[0][1].port : undefined;

  const probePath = (kind: 'livenessProbe' | 'readinessProbe') => {
    const get = c[kind]?.httpGet;
    if (!get) return undefined;
    if (get.host !== undefined) fail(`containers.${containerName}.${kind}.httpGet.host`, get.host, 'is not allowed: probes must target the pod itself (Pod Security baseline)');
    if (get.httpHeaders !== undefined) fail(`containers.${containerName}.${kind}.httpGet.httpHeaders`, get.httpHeaders, 'is not supported');
    return get.path;
  };
  const requests = c.resources?.requests;
  const limits = c.resources?.limits;
  const preset = SERVICE_SIZES[options.size ?? 'small'];
  const containerResources: ContainerResources | undefined = c.resources ? {
    requests: { cpu: requests?.cpu ?? limits?.cpu ?? preset.requests.cpu, memory: requests?.memory ?? limits?.memory ?? preset.requests.memory },
    limits: { cpu: limits?.cpu ?? preset.limits.cpu, memory: limits?.memory ?? preset.limits.memory },
  } : undefined;

  // ${resources.<name>.<output>} placeholders are resolved by Service, which checks them
  const variables: Record<string, string> = c.variables ?? {};

  return {
    name,
    props: {
      ...options,
      image: c.image,
      command: c.command,
      args: c.args,
      port,
      containerResources,
      probes: { liveness: probePath('livenessProbe'), readiness: probePath('readinessProbe') },
      variables,
      dependencies,
      annotations: workload.metadata.annotations,
    },
  };
}
