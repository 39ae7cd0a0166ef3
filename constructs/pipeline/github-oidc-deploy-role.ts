import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { lockKey, stateKeyPrefix } from '../../src/core/state-keys';
import { markGoldenPath } from '../../src/golden-path';
import { validateAccountId } from '../baseline/encryption-key';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** An IAM statement granted to apply roles. */
export interface DeployPermission {
  readonly actions: string[];
  readonly resources: string[];
}

/** A repository that deploys into the account, and whose stacks it owns. */
export interface DeployRepository {
  readonly name: string;
  /**
   * The team whose stacks the repository plans and applies: its roles get exactly the state
   * keys under `<org>/<environment>/<team>/` (see stateKey).
   * @default - the repository name
   */
  readonly team?: string;
  /** Other state keys its stacks read through remote state (plan and apply may read them). @default - none */
  readonly reads?: string[];
  /** What its apply role may do. @default - the construct's `applyPermissions` */
  readonly applyPermissions?: DeployPermission[];
  /** AWS-managed policies for its apply role (never AdministratorAccess). @default - the construct's `applyManagedPolicyArns` */
  readonly applyManagedPolicyArns?: string[];
  /**
   * How its apply role may write IAM roles: `boundary` creates and changes only roles named
   * `<environment>-<team>-*`, and only with the construct's permissions boundary attached;
   * `platform` manages any role and policy (for the platform's own repository, which creates
   * clusters and deploy roles).
   * @default 'boundary' when the construct has a `permissionsBoundaryArn`, else no IAM writes
   */
  readonly iam?: 'boundary' | 'platform';
}

export interface GitHubOidcDeployRoleProps {
  readonly accountId: string;
  /** GitHub organisation or user that owns the repositories. */
  readonly owner: string;
  /** Repositories that deploy into this account: names (the team is the name) or specs. */
  readonly repositories: Array<string | DeployRepository>;
  /** The platform environment (also the GitHub environment of the apply jobs; plan jobs use `<environment>-plan`). */
  readonly environment: string;
  /** ARN of the account's GitHub OIDC provider, when it already exists. @default - created here */
  readonly providerArn?: string;
  /** State bucket and key (its ARN, or its alias ARN) the roles read, write and lock. */
  readonly stateBucketArn: string;
  readonly stateKeyArn: string;
  /** What apply roles may do, declared; a repository's own list replaces it. @default - nothing beyond state */
  readonly applyPermissions?: DeployPermission[];
  /** AWS-managed policies for the apply roles (never AdministratorAccess). @default - none */
  readonly applyManagedPolicyArns?: string[];
  /** The first part of the state keys (the Platform's org). @default - `owner` */
  readonly stateKeyPrefix?: string;
  /**
   * The policy every role a team's stacks create must carry as its permissions boundary
   * (Platform creates one per environment): a team that can create roles cannot create one
   * that does more than the boundary allows, nor touch another team's roles.
   * @default - apply roles may not write IAM roles
   */
  readonly permissionsBoundaryArn?: string;
}

/** The OIDC subject claims GitHub puts in tokens when a repository asks for repo, context and event_name (Repository does). */
export const OIDC_SUBJECT_CLAIMS = ['repo', 'context', 'event_name'] as const;

const PERMISSION_SPEC = P.object({ actions: P.list(P.string()), resources: P.list(P.string()) });
/** GitHubOidcDeployRoleProps, checked at runtime. */
const GIT_HUB_OIDC_DEPLOY_ROLE_PROPS: PropsSchema = {
  accountId: P.string(),
  owner: P.string(),
  repositories: P.list(P.any('a repository name or { name, team?, reads?, applyPermissions?, applyManagedPolicyArns?, iam? }')),
  environment: P.string(),
  providerArn: opt(P.string()),
  stateBucketArn: P.string(),
  stateKeyArn: P.arn('kms'),
  applyPermissions: opt(P.list(PERMISSION_SPEC)),
  applyManagedPolicyArns: opt(P.list(P.string())),
  stateKeyPrefix: opt(P.string()),
  permissionsBoundaryArn: opt(P.string()),
};

/** IAM writes that would let an apply role grant itself or another team more: only through `iam`. */
const IAM_WRITES = new RegExp('^iam:(\\*|Create(Role|Policy|PolicyVersion|User|AccessKey)|Put(Role|User)Policy|Attach(Role|User)Policy'
  + '|PutRolePermissionsBoundary|DeleteRolePermissionsBoundary|UpdateAssumeRolePolicy|PassRole)$', 'i');

/** Role names, known before the roles exist (bucket and key policies in another stack name them). */
export function deployRoleName(repository: string, environment: string, kind: 'plan' | 'apply'): string {
  return deriveName('iamRole', 'gh', repository, environment, kind);
}

/** What the state bucket and key must grant one repository's roles in one environment account. */
export interface StateGrantSpec {
  readonly accountId: string;
  readonly environment: string;
  readonly repository: DeployRepository;
  /** The org, first part of every key. */
  readonly prefix: string;
  readonly bucketArn: string;
}

/** The state key prefix a repository's roles own, and the objects (and their locks) they may read and write. */
function stateObjects(spec: StateGrantSpec): { prefix: string; own: string; reads: string[] } {
  const prefix = stateKeyPrefix(spec.prefix, spec.environment, spec.repository.team ?? spec.repository.name);
  return { prefix, own: `${spec.bucketArn}/${prefix}*`, reads: (spec.repository.reads ?? []).map((k) => `${spec.bucketArn}/${k}`) };
}

/**
 * Statements for the state bucket's policy: each environment account's roles get their own
 * prefix (plan: read and lock; apply: read, write, lock) and the keys they read, and are
 * denied every other state object, which their read-only policy would otherwise reach. The
 * principal is the account with a condition on the role, so the policy is valid before the
 * roles exist.
 */
export function stateBucketGrants(spec: StateGrantSpec): object[] {
  const { prefix, own, reads } = stateObjects(spec);
  const arn = (kind: 'plan' | 'apply') => `arn:aws:iam::${spec.accountId}:role/${deployRoleName(spec.repository.name, spec.environment, kind)}`;
  const account = { AWS: `arn:aws:iam::${spec.accountId}:root` };
  const sid = (what: string) => `${what}${spec.environment}${spec.repository.name}`.replace(/[^A-Za-z0-9]/g, '');
  const byRole = (kind: 'plan' | 'apply') => ({ ArnEquals: { 'aws:PrincipalArn': arn(kind) } });
  return [
    { Sid: sid('List'), Effect: 'Allow', Principal: account, Action: 's3:ListBucket', Resource: spec.bucketArn, Condition: { StringLike: { 's3:prefix': [`${prefix}*`] }, ArnEquals: { 'aws:PrincipalArn': [arn('plan'), arn('apply')] } } },
    { Sid: sid('PlanRead'), Effect: 'Allow', Principal: account, Action: 's3:GetObject', Resource: [own, ...reads], Condition: byRole('plan') },
    { Sid: sid('PlanLock'), Effect: 'Allow', Principal: account, Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: lockKey(own), Condition: byRole('plan') },
    { Sid: sid('ApplyRead'), Effect: 'Allow', Principal: account, Action: 's3:GetObject', Resource: [own, ...reads], Condition: byRole('apply') },
    { Sid: sid('ApplyWrite'), Effect: 'Allow', Principal: account, Action: ['s3:PutObject', 's3:DeleteObject'], Resource: own, Condition: byRole('apply') },
    // ReadOnlyAccess reads every object of the account; a team's roles read no other team's state
    { Sid: sid('OnlyOwnState'), Effect: 'Deny', Principal: '*', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], NotResource: [own, ...reads], Condition: { ArnEquals: { 'aws:PrincipalArn': [arn('plan'), arn('apply')] } } },
  ];
}

/** The statement for the state key's policy: what the S3 backend asks of KMS, for these roles only. */
export function stateKeyGrant(accountId: string, environment: string, repositories: readonly DeployRepository[]): object {
  return {
    Sid: `TerraformState${environment}${accountId}`.replace(/[^A-Za-z0-9]/g, ''),
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
    Resource: '*',
    Condition: { ArnEquals: { 'aws:PrincipalArn': repositories.flatMap((r) => (['plan', 'apply'] as const).map((k) => `arn:aws:iam::${accountId}:role/${deployRoleName(r.name, environment, k)}`)) } },
  };
}

/** A repository as a spec. */
export function deployRepository(repository: string | DeployRepository): DeployRepository {
  return typeof repository === 'string' ? { name: repository } : repository;
}

/**
 * GitHub Actions OIDC roles for one account and environment: per repository a plan role
 * (read-only, plus the state it locks) and an apply role (the declared permissions), each
 * trusting only `aud = sts.amazonaws.com` and `sub = repo:<owner>/<repo>:environment:<env>`
 * (with `-plan` for the plan role), never a wildcard. Each role reaches only its team's state
 * prefix and the keys it reads; an apply role writes IAM roles only within its team's name
 * prefix and under the platform's permissions boundary.
 */
export class GitHubOidcDeployRole extends Construct {
  public readonly providerArn: string;
  /** Role ARNs by repository. */
  public readonly planRoleArns: Record<string, string> = {};
  public readonly applyRoleArns: Record<string, string> = {};
  /** The repositories as specs, in the order given. */
  public readonly repositories: readonly DeployRepository[];

  constructor(scope: Construct, id: string, props: GitHubOidcDeployRoleProps) {
    super(scope, id);
    checkProps(this, props, GIT_HUB_OIDC_DEPLOY_ROLE_PROPS, 'GitHubOidcDeployRoleProps');
    markGoldenPath(this, 'deploy-role', { service: 'delivery' });
    validateAccountId(this, 'accountId', props.accountId);
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(props.owner)) throw new PlatformValidationError(this, 'owner', props.owner, 'must be a GitHub organisation or user name');
    if (props.repositories.length === 0) throw new PlatformValidationError(this, 'repositories', props.repositories, 'must list at least one repository');
    this.repositories = props.repositories.map(deployRepository);
    this.repositories.forEach((r, i) => {
      validateName(this, `repositories[${i}]`, r.name, 'githubRepository');
      if (r.team !== undefined) validateName(this, `repositories[${i}].team`, r.team, 'kubernetesName');
      if (r.iam === 'boundary' && !props.permissionsBoundaryArn) throw new PlatformValidationError(this, `repositories[${i}].iam`, r.iam, 'needs `permissionsBoundaryArn` on the construct');
    });
    validateName(this, 'environment', props.environment, 'kubernetesName');
    const checkPermissions = (path: string, list: DeployPermission[] | undefined) => (list ?? []).forEach((p, i) => {
      if (p.actions.includes('*') || p.resources.length === 0) throw new PlatformValidationError(this, `${path}[${i}]`, p, 'must name actions (not "*") and at least one resource');
      const iam = p.actions.find((a) => IAM_WRITES.test(a));
      if (iam) throw new PlatformValidationError(this, `${path}[${i}].actions`, iam, 'must not write IAM roles or policies directly: set `permissionsBoundaryArn` (roles under the team prefix, with the boundary) or `iam: platform` on the platform repository');
    });
    checkPermissions('applyPermissions', props.applyPermissions);
    this.repositories.forEach((r, i) => checkPermissions(`repositories[${i}].applyPermissions`, r.applyPermissions));
    const managed = [props.applyManagedPolicyArns ?? [], ...this.repositories.map((r) => r.applyManagedPolicyArns ?? [])].flat();
    managed.forEach((arn, i) => {
      if (/:policy\/(AdministratorAccess|IAMFullAccess)$/.test(arn)) throw new PlatformValidationError(this, `applyManagedPolicyArns[${i}]`, arn, 'must not be AdministratorAccess or IAMFullAccess; declare the permissions the stacks need');
    });

    this.providerArn = props.providerArn ?? new IamOpenidConnectProvider(this, 'provider', { url: `https://${GITHUB_OIDC_HOST}`, clientIdList: ['sts.amazonaws.com'] }).arn;
    const prefix = props.stateKeyPrefix ?? props.owner;
    for (const repo of this.repositories) this.rolesFor(repo, props, prefix);
  }

  private trust(sub: string[]): string {
    return JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: this.providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com', [`${GITHUB_OIDC_HOST}:sub`]: sub } },
      }],
    });
  }

  private rolesFor(repo: DeployRepository, props: GitHubOidcDeployRoleProps, prefix: string): void {
    const name = repo.name;
    const team = repo.team ?? name;
    const env = props.environment;
    // with the repository's subject template (repo, context, event_name), the event is in
    // the subject: plans only from pull requests, applies only from a push or Run workflow
    const sub = (githubEnv: string, event: string) => `repo:${props.owner}/${name}:environment:${githubEnv}:event_name:${event}`;
    const state = stateObjects({ accountId: props.accountId, environment: env, repository: repo, prefix, bucketArn: props.stateBucketArn });
    const { own, reads } = state;
    const list = { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [props.stateBucketArn], Condition: { StringLike: { 's3:prefix': [`${state.prefix}*`] } } };
    const kms = stateKeyStatement(props.stateKeyArn);
    const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

    const plan = new IamRole(this, `${name}-plan`, { name: deployRoleName(name, env, 'plan'), assumeRolePolicy: this.trust([sub(`${env}-plan`, 'pull_request')]), maxSessionDuration: 3600 });
    new IamRolePolicyAttachment(this, `${name}-plan-readonly`, { role: plan.name, policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    new IamRolePolicy(this, `${name}-plan-state`, {
      role: plan.name,
      name: 'terraform-state',
      policy: policy([
        // its own stacks' state, and the keys whose outputs they read
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [own, ...reads] },
        // the lock of its own stacks only (S3-native locking writes <key>.tflock)
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: [lockKey(own)] },
        list,
        kms,
      ]),
    });

    const apply = new IamRole(this, `${name}-apply`, { name: deployRoleName(name, env, 'apply'), assumeRolePolicy: this.trust([sub(env, 'push'), sub(env, 'workflow_dispatch')]), maxSessionDuration: 3600 });
    const declared = repo.applyPermissions ?? props.applyPermissions ?? [];
    const iamMode = repo.iam ?? (props.permissionsBoundaryArn ? 'boundary' : undefined);
    new IamRolePolicy(this, `${name}-apply-policy`, {
      role: apply.name,
      name: 'deploy',
      policy: policy([
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [own, ...reads] },
        { Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: [own] },
        list,
        kms,
        ...declared.map((p) => ({ Effect: 'Allow', Action: p.actions, Resource: p.resources })),
        ...iamStatements(iamMode, props.accountId, `${env}-${team}-*`, props.permissionsBoundaryArn),
      ]),
    });
    (repo.applyManagedPolicyArns ?? props.applyManagedPolicyArns ?? []).forEach((arn, i) => new IamRolePolicyAttachment(this, `${name}-apply-managed-${i}`, { role: apply.name, policyArn: arn }));
    this.planRoleArns[name] = plan.arn;
    this.applyRoleArns[name] = apply.arn;
  }
}

/**
 * What the S3 backend asks of KMS. An alias ARN (known before the key exists, and the same
 * from every account) becomes the account's keys with that alias: IAM matches key ARNs, not aliases.
 */
function stateKeyStatement(keyArn: string): object {
  const alias = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):(alias\/.+)$/.exec(keyArn);
  const actions = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'];
  if (!alias) return { Effect: 'Allow', Action: actions, Resource: [keyArn] };
  return { Effect: 'Allow', Action: actions, Resource: [`arn:${alias[1]}:kms:${alias[2]}:${alias[3]}:key/*`], Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': [alias[4]] } } };
}

/** The IAM role writes an apply role gets: none, its team's roles under the boundary, or the platform's. */
function iamStatements(mode: DeployRepository['iam'], accountId: string, rolePattern: string, boundaryArn: string | undefined): object[] {
  if (mode === 'platform') {
    return [{
      Effect: 'Allow',
      Action: ['iam:Get*', 'iam:List*', 'iam:CreateRole', 'iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateAssumeRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy',
        'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary', 'iam:PassRole', 'iam:CreatePolicy', 'iam:CreatePolicyVersion', 'iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:TagPolicy',
        'iam:CreateOpenIDConnectProvider', 'iam:DeleteOpenIDConnectProvider', 'iam:UpdateOpenIDConnectProviderThumbprint', 'iam:TagOpenIDConnectProvider', 'iam:CreateServiceLinkedRole'],
      Resource: [`arn:aws:iam::${accountId}:role/*`, `arn:aws:iam::${accountId}:policy/*`, `arn:aws:iam::${accountId}:oidc-provider/*`],
    }];
  }
  if (mode !== 'boundary' || !boundaryArn) return [];
  const roles = `arn:aws:iam::${accountId}:role/${rolePattern}`;
  const withBoundary = { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } };
  return [
    // creating a role, or changing what it may do, needs the platform's boundary on it
    { Effect: 'Allow', Action: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:PutRolePermissionsBoundary'], Resource: [roles], Condition: withBoundary },
    { Effect: 'Allow', Action: ['iam:GetRole', 'iam:DeleteRole', 'iam:TagRole', 'iam:UntagRole', 'iam:UpdateAssumeRolePolicy', 'iam:GetRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:ListInstanceProfilesForRole'], Resource: [roles] },
    { Effect: 'Deny', Action: ['iam:DeleteRolePermissionsBoundary'], Resource: ['*'] },
  ];
}
