import { ScaffoldKind, SERVICE_TEMPLATES, ServiceTemplate } from './kinds';
import { InputError } from '../core/errors';
import { NAME_RULES, NameKind } from '../core/naming';

export { SERVICE_TEMPLATES };
export type { ScaffoldKind, ServiceTemplate };

/** One environment as a generated project names it. */
export interface EnvironmentValues {
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly cidr: string;
}

/** What the user asked for, before defaults: flags, or answers in a terminal. */
export interface ScaffoldRequest {
  readonly kind: ScaffoldKind;
  /** The service name, the org, or the package name. */
  readonly name: string;
  readonly team?: string;
  readonly template?: ServiceTemplate;
  /** Contents of a Score file, and where it came from (for errors). */
  readonly score?: { readonly path: string; readonly text: string };
  readonly environments?: string[];
  readonly org?: string;
  readonly region?: string;
  readonly teams?: string[];
  /** The npm spec of goldenpath in package.json. @default - `^<this version>` */
  readonly goldenpathSpec?: string;
}

/** Everything a template is rendered with: checked, with defaults filled in. */
export interface ScaffoldValues {
  readonly kind: ScaffoldKind;
  readonly name: string;
  readonly packageName: string;
  readonly org: string;
  readonly team: string;
  readonly template: ServiceTemplate;
  readonly templateTitle: string;
  readonly webService: boolean;
  readonly worker: boolean;
  readonly score?: { readonly path: string; readonly text: string };
  readonly description: string;
  readonly image: string;
  readonly region: string;
  readonly stateAccountId: string;
  readonly environments: EnvironmentValues[];
  readonly teams: Array<{ readonly name: string; readonly onCall: string }>;
  readonly goldenpathVersion: string;
  readonly goldenpathSpec: string;
  /** The plugin's name as an environment-variable prefix (ACME_COST). */
  readonly envPrefix: string;
  /** The catalog lifecycle of a new service, in main.ts and catalog-info.yaml alike. */
  readonly lifecycle: 'experimental';
}

/** A flag's value checked with the same name rules as the constructs; the error names the flag. */
export function checkName(flag: string, value: string, kind: NameKind = 'kubernetesName'): string {
  const r = NAME_RULES[kind];
  if (typeof value !== 'string' || value.length < r.minLength || value.length > r.maxLength || !r.pattern.test(value)) {
    throw new InputError(`${flag} must be ${r.allowed}, ${r.minLength} to ${r.maxLength} characters (${kind} name), got ${JSON.stringify(value)}`);
  }
  return value;
}

/** npm's rules for a package name, scoped or not. */
const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/**
 * Fill in defaults and check every value. Environments get placeholder accounts
 * (111111111111, 222222222222...) and CIDRs (10.10.0.0/16, 10.20.0.0/16...) that synthesize
 * and pass the guardrails; the generated README says to set the real ones.
 */
export function resolveValues(req: ScaffoldRequest, version: string): ScaffoldValues {
  let name = req.name;
  let org: string;
  let packageName: string;
  if (req.kind === 'distribution' || req.kind === 'plugin') {
    if (!PACKAGE_NAME.test(name) || name.length > 214) throw new InputError(`<package> must be an npm package name such as @acme/platform, got ${JSON.stringify(name)}`);
    packageName = name;
    org = checkName('--org', req.org ?? (name.startsWith('@') ? name.slice(1).split('/')[0] : 'acme'));
  } else if (req.kind === 'platform') {
    org = checkName('<org>', name);
    packageName = `${org}-platform`;
  } else {
    name = checkName('<name>', name);
    org = checkName('--org', req.org ?? 'acme');
    packageName = name;
  }
  const team = req.kind === 'service' ? checkName('--team', req.team ?? '') : checkName('--team', req.team ?? 'platform');
  const template = req.template ?? 'web-service';
  if (!SERVICE_TEMPLATES.includes(template)) throw new InputError(`--template must be one of ${SERVICE_TEMPLATES.join(', ')}, got ${JSON.stringify(template)}`);
  const region = req.region ?? 'eu-west-1';
  if (!REGION.test(region)) throw new InputError(`--region must be an AWS region such as eu-west-1, got ${JSON.stringify(region)}`);
  const envNames = req.environments ?? ['dev', 'prod'];
  if (envNames.length === 0 || envNames.length > 9) throw new InputError(`--environments must list 1 to 9 environments, got ${JSON.stringify(envNames.join(','))}`);
  if (new Set(envNames).size !== envNames.length) throw new InputError(`--environments must not repeat a name, got ${JSON.stringify(envNames.join(','))}`);
  const environments = envNames.map((env, i) => ({
    name: checkName('--environments', env),
    accountId: String(i + 1).repeat(12),
    region,
    cidr: `10.${(i + 1) * 10}.0.0/16`,
  }));
  const teams = (req.teams ?? [req.kind === 'platform' ? 'example' : team]).map((t) => ({ name: checkName('--teams', t), onCall: `https://oncall.${org}.example/${t}` }));
  return {
    kind: req.kind,
    name,
    packageName,
    org,
    team,
    template,
    templateTitle: req.score ? 'service described in Score' : template === 'worker' ? 'worker' : 'web service',
    webService: template === 'web-service',
    worker: template === 'worker',
    score: req.score,
    description: req.kind === 'service' ? `The ${name} service of team ${team}` : req.kind === 'platform' ? `The ${org} platform`
      : req.kind === 'plugin' ? `A goldenpath plugin of ${org}` : `goldenpath with the ${org} defaults`,
    envPrefix: packageName.replace(/^@[^/]+\//, '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, ''),
    image: `registry.example.com/${org}/${name}:0.1.0`,
    region,
    stateAccountId: environments[0].accountId,
    environments,
    teams,
    goldenpathVersion: version,
    goldenpathSpec: req.goldenpathSpec ?? `^${version}`,
    lifecycle: 'experimental',
  };
}
