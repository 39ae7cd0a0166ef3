import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { Token } from '../cdk';
import { PlatformValidationError } from './errors';

/** The length and character rules of one kind of name, from the provider's documentation. */
export interface NameRule {
  readonly minLength: number;
  readonly maxLength: number;
  /** Whole-name pattern. */
  readonly pattern: RegExp;
  /** What is allowed, as said in error messages. */
  readonly allowed: string;
  /** Characters that may stand in a derived name; the rest become '-'. */
  readonly charset: RegExp;
  readonly lowercase: boolean;
}

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Naming rules of AWS, Kubernetes and GitHub that our constructs produce names for. */
export const NAME_RULES = {
  s3Bucket: rule(3, 63, /^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 'lowercase letters, digits and hyphens, starting and ending with a letter or digit', /[a-z0-9-]/, true),
  iamRole: rule(1, 64, /^[\w+=,.@-]+$/, 'letters, digits and +=,.@_-', /[\w+=,.@-]/, false),
  iamPolicy: rule(1, 128, /^[\w+=,.@-]+$/, 'letters, digits and +=,.@_-', /[\w+=,.@-]/, false),
  kmsAlias: rule(1, 250, /^[\w/-]+$/, 'letters, digits, /, _ and -', /[\w/-]/, false),
  logGroup: rule(1, 512, /^[.\-_/#A-Za-z0-9]+$/, 'letters, digits and ._-/#', /[.\-_/#A-Za-z0-9]/, false),
  rdsIdentifier: rule(1, 63, /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$|^[a-z]$/, 'lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen', /[a-z0-9-]/, true),
  elasticacheId: rule(1, 40, /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$|^[a-z]$/, 'lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen', /[a-z0-9-]/, true),
  eksCluster: rule(1, 100, /^[0-9A-Za-z][A-Za-z0-9\-_]*$/, 'letters, digits, - and _, starting with a letter or digit', /[A-Za-z0-9_-]/, false),
  sqsQueue: rule(1, 80, /^[A-Za-z0-9_-]+$/, 'letters, digits, - and _', /[A-Za-z0-9_-]/, false),
  xrayName: rule(1, 32, /^[A-Za-z0-9_-]+$/, 'letters, digits, - and _', /[A-Za-z0-9_-]/, false),
  snsTopic: rule(1, 256, /^[A-Za-z0-9_-]+$/, 'letters, digits, - and _', /[A-Za-z0-9_-]/, false),
  securityGroup: rule(1, 255, /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+$/, 'letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*', /[A-Za-z0-9._-]/, false),
  kubernetesName: rule(1, 63, dns1123Label, 'a DNS-1123 label: lowercase letters, digits and hyphens, starting and ending with a letter or digit', /[a-z0-9-]/, true),
  kubernetesLabelValue: rule(0, 63, /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/, 'letters, digits and -_., starting and ending with a letter or digit', /[A-Za-z0-9_.-]/, false),
  githubRepository: rule(1, 100, /^(?!\.\.?$)[A-Za-z0-9._-]+$/, "letters, digits, '.', '-' and '_' (not '.' or '..')", /[A-Za-z0-9._-]/, false),
  awsTagValue: rule(0, 256, /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, 'letters, digits, spaces and _.:/=+-@', /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u, false),
} as const;

export type NameKind = keyof typeof NAME_RULES;

function rule(minLength: number, maxLength: number, pattern: RegExp, allowed: string, charset: RegExp, lowercase: boolean): NameRule {
  return { minLength, maxLength, pattern, allowed, charset, lowercase };
}

/**
 * Derive a valid name of `kind` from parts (org, environment, service...). Invalid
 * characters become '-', and a name over the limit keeps its start plus an 8-character
 * hash of the whole, so two long names that share a prefix stay distinct.
 */
export function deriveName(kind: NameKind, ...parts: string[]): string {
  const r: NameRule = NAME_RULES[kind];
  const joined = parts.filter((p) => p.length > 0).join('-');
  let name = [...(r.lowercase ? joined.toLowerCase() : joined)]
    .map((c) => (r.charset.test(c) ? c : '-'))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  if (kind === 'rdsIdentifier' || kind === 'elasticacheId') {
    if (!/^[a-z]/.test(name)) name = `x${name}`;
  }
  if (name.length > r.maxLength) {
    const hash = createHash('sha256').update(joined).digest('hex').slice(0, 8);
    name = `${name.slice(0, r.maxLength - hash.length - 1).replace(/[-_.]+$/, '')}-${hash}`;
  }
  if (name.length < r.minLength) {
    throw new Error(`cannot derive a ${kind} name from ${JSON.stringify(parts)}`);
  }
  return name;
}

/**
 * Check a name a user gave us against the rules of `kind`. Unresolved tokens are skipped:
 * their value is only known at apply time.
 */
export function validateName(scope: IConstruct, prop: string, value: string, kind: NameKind): string {
  if (Token.isUnresolved(value)) return value;
  const r: NameRule = NAME_RULES[kind];
  if (value.length < r.minLength || value.length > r.maxLength) {
    throw new PlatformValidationError(scope, prop, value,
      `must be ${r.minLength} to ${r.maxLength} characters long for a ${kind} name (it is ${value.length})`);
  }
  if (!r.pattern.test(value)) {
    throw new PlatformValidationError(scope, prop, value, `must be ${r.allowed} (${kind} name)`);
  }
  return value;
}
