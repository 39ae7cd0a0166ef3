import { ActionsEnvironmentVariable } from '@cdktf/provider-github/lib/actions-environment-variable';
import { ActionsRepositoryOidcSubjectClaimCustomizationTemplate } from '@cdktf/provider-github/lib/actions-repository-oidc-subject-claim-customization-template';
import { DataGithubTeam } from '@cdktf/provider-github/lib/data-github-team';
import { Repository as GithubRepository } from '@cdktf/provider-github/lib/repository';
import { RepositoryEnvironment } from '@cdktf/provider-github/lib/repository-environment';
import { RepositoryFile } from '@cdktf/provider-github/lib/repository-file';
import { RepositoryRuleset } from '@cdktf/provider-github/lib/repository-ruleset';
import { Construct } from 'constructs';
import type { RunnerSpec } from './codebuild-runner';
import { DeliveryWorkflow, WORKFLOW_PATH } from './delivery-workflow';
import { OIDC_SUBJECT_CLAIMS } from './github-oidc-deploy-role';
import { WORKFLOW_CHECKS } from './workflow';
import { Token } from '../../src/cdk';
import { CatalogFacts } from '../../src/core/catalog-facts';
import { PlatformValidationError } from '../../src/core/errors';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { Team, TEAM_SPEC, validateTeam } from '../../src/core/team';
import { markGoldenPath } from '../../src/golden-path';

/** A platform environment as the repository deploys to it. */
export interface RepositoryEnvironmentSpec {
  readonly name: string;
  readonly region: string;
  /** Production environments need reviewers before apply. */
  readonly production: boolean;
  readonly planRoleArn: string;
  readonly applyRoleArn: string;
  /** GitHub team slugs that approve production applies. @default - the owning team */
  readonly reviewerTeams?: string[];
  /** Where its plan and apply jobs run (inside the VPC for a private cluster). @default - GitHub-hosted */
  readonly runner?: RunnerSpec;
}

export interface RepositoryProps {
  /** GitHub organisation. */
  readonly owner: string;
  readonly name: string;
  /** The owning team (CODEOWNERS, default reviewers). Its name is its GitHub team slug. */
  readonly team: Team;
  /** @default 'private' */
  readonly visibility?: 'private' | 'internal';
  /** @default - none */
  readonly description?: string;
  /** Approving reviews a pull request needs. @default 1 */
  readonly requiredReviews?: number;
  /** @default 'main' */
  readonly defaultBranch?: string;
  readonly environments: RepositoryEnvironmentSpec[];
  /**
   * Let organisation admins bypass the ruleset, so the workflow and CODEOWNERS files this
   * construct commits can land on the default branch.
   * @default true
   */
  readonly bypassOrganizationAdmins?: boolean;
  /**
   * The repository keeps TechDocs at its root (`mkdocs.yml` and `docs/`): the catalog points
   * Backstage's `backstage.io/techdocs-ref` at it.
   * @default false
   */
  readonly techDocs?: boolean;
}

/** RepositoryProps, checked at runtime. */
const REPOSITORY_PROPS: PropsSchema = {
  owner: P.string(),
  name: P.string(),
  team: TEAM_SPEC,
  visibility: opt(P.enum('private', 'internal')),
  description: opt(P.string({ nonEmpty: false })),
  requiredReviews: opt(P.number()),
  defaultBranch: opt(P.string()),
  environments: P.list(P.object({
    name: P.string(),
    region: P.string(),
    production: P.boolean(),
    planRoleArn: P.string(),
    applyRoleArn: P.string(),
    reviewerTeams: opt(P.list(P.string())),
    runner: opt(P.any('a runner')),
  })),
  bypassOrganizationAdmins: opt(P.boolean()),
  techDocs: opt(P.boolean()),
};

/**
 * A team's repository on the golden path: private or internal, vulnerability alerts on,
 * squash merges, branches deleted on merge; a ruleset on the default branch requiring
 * reviews (code owners included) and the delivery workflow's checks, refusing force pushes
 * and deletion; CODEOWNERS from the team; a plan and an apply GitHub environment per
 * platform environment (production applies need reviewers and run only from protected
 * branches) holding the OIDC role ARNs as variables; and the delivery workflow.
 */
export class Repository extends Construct {
  public readonly repository: GithubRepository;
  public readonly workflow: DeliveryWorkflow;

  constructor(scope: Construct, id: string, props: RepositoryProps) {
    super(scope, id);
    checkProps(this, props, REPOSITORY_PROPS, 'RepositoryProps');
    markGoldenPath(this, 'repository', { team: props.team.name, service: props.name });
    validateName(this, 'name', props.name, 'githubRepository');
    validateTeam(this, 'team', props.team);
    const reviews = props.requiredReviews ?? 1;
    if (!Number.isInteger(reviews) || reviews < 1 || reviews > 6) throw new PlatformValidationError(this, 'requiredReviews', reviews, 'must be a whole number from 1 to 6');
    const visibility = props.visibility ?? 'private';
    if (visibility !== 'private' && visibility !== 'internal') throw new PlatformValidationError(this, 'visibility', visibility, "must be 'private' or 'internal'");
    if (props.environments.length === 0) throw new PlatformValidationError(this, 'environments', props.environments, 'must list at least one environment');
    const branch = props.defaultBranch ?? 'main';

    this.repository = new GithubRepository(this, 'repository', {
      name: props.name,
      description: props.description,
      visibility,
      vulnerabilityAlerts: true,
      deleteBranchOnMerge: true,
      allowSquashMerge: true,
      allowMergeCommit: false,
      allowRebaseMerge: false,
      squashMergeCommitTitle: 'PR_TITLE',
      squashMergeCommitMessage: 'PR_BODY',
      hasIssues: true,
      autoInit: true,
      archiveOnDestroy: true,
    });
    const repo = this.repository.name;
    // OIDC tokens name the event, so plan roles can trust pull requests only (GitHubOidcDeployRole)
    new ActionsRepositoryOidcSubjectClaimCustomizationTemplate(this, 'oidc-subject', { repository: repo, useDefault: false, includeClaimKeys: [...OIDC_SUBJECT_CLAIMS] });
    new RepositoryRuleset(this, 'ruleset', {
      name: 'default-branch',
      repository: repo,
      target: 'branch',
      enforcement: 'active',
      conditions: { refName: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
      bypassActors: props.bypassOrganizationAdmins ?? true ? [{ actorId: 1, actorType: 'OrganizationAdmin', bypassMode: 'always' }] : undefined,
      rules: {
        deletion: true,
        nonFastForward: true,
        pullRequest: {
          requiredApprovingReviewCount: reviews,
          requireCodeOwnerReview: true,
          dismissStaleReviewsOnPush: true,
          requireLastPushApproval: true,
          requiredReviewThreadResolution: true,
        },
        requiredStatusChecks: { requiredCheck: WORKFLOW_CHECKS.map((context) => ({ context })), strictRequiredStatusChecksPolicy: true },
      },
    });
    new RepositoryFile(this, 'codeowners', {
      repository: repo,
      branch,
      file: '.github/CODEOWNERS',
      content: `# Generated by goldenpath Repository from the team model: change the team, not this file.\n* @${props.owner}/${props.team.name}\n`,
      commitMessage: 'goldenpath: update CODEOWNERS',
      overwriteOnCreate: true,
    });

    const teamIds = new Map<string, string>();
    const teamId = (slug: string) => {
      if (!teamIds.has(slug)) teamIds.set(slug, new DataGithubTeam(this, `team-${slug}`, { slug }).id);
      return teamIds.get(slug)!;
    };
    props.environments.forEach((env, i) => {
      validateName(this, `environments[${i}].name`, env.name, 'kubernetesName');
      const apply = new RepositoryEnvironment(this, `env-${env.name}`, {
        repository: repo,
        environment: env.name,
        preventSelfReview: env.production,
        canAdminsBypass: false,
        reviewers: env.production ? [{ teams: (env.reviewerTeams ?? [props.team.name]).map((slug) => Token.asNumber(teamId(slug))) }] : undefined,
        deploymentBranchPolicy: { protectedBranches: true, customBranchPolicies: false },
      });
      // plans run on pull requests from any branch, without reviewers, with a read-only role
      const plan = new RepositoryEnvironment(this, `env-${env.name}-plan`, { repository: repo, environment: `${env.name}-plan`, canAdminsBypass: false });
      // variables, not secrets: role ARNs are not secret, and OIDC needs no stored credential
      const variable = (target: RepositoryEnvironment, envName: string, name: string, value: string) =>
        new ActionsEnvironmentVariable(this, `${envName}-${name}`, { repository: repo, environment: target.environment, variableName: name, value });
      variable(apply, env.name, 'AWS_APPLY_ROLE_ARN', env.applyRoleArn);
      variable(apply, env.name, 'AWS_REGION', env.region);
      variable(plan, `${env.name}-plan`, 'AWS_PLAN_ROLE_ARN', env.planRoleArn);
      variable(plan, `${env.name}-plan`, 'AWS_REGION', env.region);
    });
    this.workflow = new DeliveryWorkflow(this, 'workflow', {
      repository: repo,
      environments: props.environments.map((e) => e.name),
      defaultBranch: branch,
      runners: Object.fromEntries(props.environments.filter((e) => e.runner).map((e) => [e.name, e.runner!])),
    });
    // what links the team's catalog components to their source, docs and delivery
    CatalogFacts.record(this, { kind: 'Repository', slug: `${props.owner}/${props.name}`, team: props.team.name, defaultBranch: branch, workflow: WORKFLOW_PATH, planReview: true, techDocs: props.techDocs ?? false });
  }
}
