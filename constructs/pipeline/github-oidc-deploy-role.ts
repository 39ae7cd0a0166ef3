import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';
import { validateAccountId } from '../baseline/encryption-key';

export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** An IAM statement granted to apply roles. */
export interface DeployPermission {
  readonly actions: string[];
  readonly resources: string[];
}

export interface GitHubOidcDeployRoleProps {
  readonly accountId: string;
  /** GitHub organisation or user that owns the repositories. */
  readonly owner: string;
  /** Repositories that deploy into this account. */
  readonly repositories: string[];
  /** The platform environment (also the GitHub environment of the apply jobs; plan jobs use `<environment>-plan`). */
  readonly environment: string;
  /** ARN of the account's GitHub OIDC provider, when it already exists. @default - created here */
  readonly providerArn?: string;
  /** State bucket and key the plan role may read and lock. */
  readonly stateBucketArn: string;
  readonly stateKeyArn: string;
  /** What apply roles may do, declared. */
  readonly applyPermissions: DeployPermission[];
  /** AWS-managed policies for the apply roles (never AdministratorAccess). @default - none */
  readonly applyManagedPolicyArns?: string[];
  /**
   * The first part of the state keys (the Platform's org): a plan role may read only
   * `<prefix>/<environment>/*-<repository>.tfstate` (its own stacks) and the environment
   * stack's state it reads outputs from, and lock only its own.
   * @default - `owner`
   */
  readonly stateKeyPrefix?: string;
}

/** The OIDC subject claims GitHub puts in tokens when a repository asks for repo, context and event_name (Repository does). */
export const OIDC_SUBJECT_CLAIMS = ['repo', 'context', 'event_name'] as const;

/** GitHubOidcDeployRoleProps, checked at runtime. */
const GIT_HUB_OIDC_DEPLOY_ROLE_PROPS: PropsSchema = {
  accountId: P.string(),
  owner: P.string(),
  repositories: P.list(P.string()),
  environment: P.string(),
  providerArn: opt(P.string()),
  stateBucketArn: P.string(),
  stateKeyArn: P.string(),
  applyPermissions: P.list(P.object({ actions: P.list(P.string()), resources: P.list(P.string()) })),
  applyManagedPolicyArns: opt(P.list(P.string())),
  stateKeyPrefix: opt(P.string()),
};

/**
 * GitHub Actions OIDC roles for one account and environment: per repository a plan role
 * (read-only, plus the state it locks) and an apply role (the declared permissions), each
 * trusting only `aud = sts.amazonaws.com` and `sub = repo:<owner>/<repo>:environment:<env>`
 * (with `-plan` for the plan role), never a wildcard.
 */
export class GitHubOidcDeployRole extends Construct {
  public readonly providerArn: string;
  /** Role ARNs by repository. */
  public readonly planRoleArns: Record<string, string> = {};
  public readonly applyRoleArns: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: GitHubOidcDeployRoleProps) {
    super(scope, id);
    checkProps(this, props, GIT_HUB_OIDC_DEPLOY_ROLE_PROPS, 'GitHubOidcDeployRoleProps');
    markGoldenPath(this, 'deploy-role', { service: 'delivery' });
    validateAccountId(this, 'accountId', props.accountId);
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(props.owner)) throw new PlatformValidationError(this, 'owner', props.owner, 'must be a GitHub organisation or user name');
    if (props.repositories.length === 0) throw new PlatformValidationError(this, 'repositories', props.repositories, 'must list at least one repository');
    props.repositories.forEach((r, i) => validateName(this, `repositories[${i}]`, r, 'githubRepository'));
    validateName(this, 'environment', props.environment, 'kubernetesName');
    if (props.applyPermissions.length === 0) throw new PlatformValidationError(this, 'applyPermissions', props.applyPermissions, 'must declare what the apply roles may do');
    props.applyPermissions.forEach((p, i) => {
      if (p.actions.includes('*') || p.resources.length === 0) throw new PlatformValidationError(this, `applyPermissions[${i}]`, p, 'must name actions (not "*") and at least one resource');
    });
    (props.applyManagedPolicyArns ?? []).forEach((arn, i) => {
      if (/:policy\/(AdministratorAccess|IAMFullAccess)$/.test(arn)) throw new PlatformValidationError(this, `applyManagedPolicyArns[${i}]`, arn, 'must not be AdministratorAccess or IAMFullAccess; declare the permissions the stacks need');
    });

    this.providerArn = props.providerArn ?? new IamOpenidConnectProvider(this, 'provider', { url: `https://${GITHUB_OIDC_HOST}`, clientIdList: ['sts.amazonaws.com'] }).arn;
    const trust = (sub: string[]) => JSON.stringify({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: this.providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: 'sts.amazonaws.com', [`${GITHUB_OIDC_HOST}:sub`]: sub } },
      }],
    });
    const prefix = props.stateKeyPrefix ?? props.owner;
    for (const repo of props.repositories) {
      // with the repository's subject template (repo, context, event_name), the event is in
      // the subject: plans only from pull requests, applies only from a push or Run workflow
      const sub = (env: string, event: string) => `repo:${props.owner}/${repo}:environment:${env}:event_name:${event}`;
      const plan = new IamRole(this, `${repo}-plan`, { name: deriveName('iamRole', 'gh', repo, props.environment, 'plan'), assumeRolePolicy: trust([sub(`${props.environment}-plan`, 'pull_request')]), maxSessionDuration: 3600 });
      new IamRolePolicyAttachment(this, `${repo}-plan-readonly`, { role: plan.name, policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
      new IamRolePolicy(this, `${repo}-plan-state`, {
        role: plan.name,
        name: 'terraform-state',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            // its own stacks' state, and the environment stack's whose outputs they read
            { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${props.stateBucketArn}/${prefix}/${props.environment}/*-${repo}.tfstate`, `${props.stateBucketArn}/${prefix}/${props.environment}/${prefix}-${props.environment}.tfstate`] },
            // the lock of its own stacks only (S3-native locking writes <key>.tflock)
            { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: [`${props.stateBucketArn}/${prefix}/${props.environment}/*-${repo}.tfstate.tflock`] },
            { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [props.stateBucketArn], Condition: { StringLike: { 's3:prefix': [`${prefix}/${props.environment}/*`] } } },
            { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], Resource: [props.stateKeyArn] },
          ],
        }),
      });
      const apply = new IamRole(this, `${repo}-apply`, { name: deriveName('iamRole', 'gh', repo, props.environment, 'apply'), assumeRolePolicy: trust([sub(props.environment, 'push'), sub(props.environment, 'workflow_dispatch')]), maxSessionDuration: 3600 });
      new IamRolePolicy(this, `${repo}-apply-policy`, {
        role: apply.name,
        name: 'deploy',
        policy: JSON.stringify({ Version: '2012-10-17', Statement: props.applyPermissions.map((p) => ({ Effect: 'Allow', Action: p.actions, Resource: p.resources })) }),
      });
      (props.applyManagedPolicyArns ?? []).forEach((arn, i) => new IamRolePolicyAttachment(this, `${repo}-apply-managed-${i}`, { role: apply.name, policyArn: arn }));
      this.planRoleArns[repo] = plan.arn;
      this.applyRoleArns[repo] = apply.arn;
    }
  }
}
