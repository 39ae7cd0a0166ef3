import { ResourceView, Rule, RuleOutcome, StackView } from '../model';
import { blocks, fail, forbid, get, isExpression, NOT_APPLICABLE, PASS, requireAtLeast, requireEquals, requireTrue, unknown } from '../values';

const RULESET = 'github_repository_ruleset';
const PROTECTION = ['github_branch_protection', 'github_branch_protection_v3'];

/** Rulesets and branch protections that point at this repository (by reference or name). */
function protections(stack: StackView, repo: ResourceView): ResourceView[] {
  return [
    ...stack.attached(repo, [RULESET], 'repository', 'name'),
    ...stack.attached(repo, PROTECTION, 'repository_id', 'name'),
    ...stack.attached(repo, PROTECTION, 'repository', 'name'),
  ];
}

function onProtection(ruleset: (r: ResourceView) => RuleOutcome, protection: (r: ResourceView) => RuleOutcome) {
  return (r: ResourceView) => (r.type === RULESET ? ruleset(r) : protection(r));
}

export const GITHUB_RULES: Rule[] = [
  {
    id: 'GP-GH-001',
    title: 'Repository is private or internal',
    severity: 'error',
    rationale: 'Public repositories publish code, workflow logic and sometimes secrets by mistake.',
    remediation: 'Set visibility = "private" or "internal".',
    resourceTypes: ['github_repository'],
    checkov: ['CKV_GIT_1'],
    evaluate(r) {
      const v = r.config.visibility;
      if (isExpression(v)) return unknown('visibility');
      if (v === 'private' || v === 'internal') return PASS;
      if (v === undefined && r.config.private === true) return PASS;
      return fail(`visibility is ${String(v ?? 'public (default)')}`, 'visibility');
    },
  },
  {
    id: 'GP-GH-002',
    title: 'Repository has vulnerability alerts',
    severity: 'error',
    rationale: 'Dependabot alerts are how known-vulnerable dependencies get noticed.',
    remediation: 'Set vulnerability_alerts = true.',
    resourceTypes: ['github_repository'],
    checkov: ['CKV_GIT_3'],
    evaluate(r) {
      // an archived repository cannot have alerts turned on again; a public one has them by default
      if (r.config.archived === true) return PASS;
      const visibility = r.config.visibility;
      if (isExpression(visibility)) return unknown('visibility');
      const isPrivate = visibility === 'private' || visibility === 'internal' || (visibility === undefined && r.config.private === true);
      if (isPrivate) return requireTrue(r.config, 'vulnerability_alerts', 'vulnerability_alerts is not true (private repositories have them off by default)');
      return forbid(r.config, 'vulnerability_alerts', false);
    },
  },
  {
    id: 'GP-GH-003',
    title: 'Repository protects its default branch',
    severity: 'error',
    rationale: 'Without a ruleset or branch protection anyone with write access can push straight to main.',
    remediation: 'Add a github_repository_ruleset on the default branch (Repository does).',
    resourceTypes: ['github_repository'],
    checkov: ['CKV2_GIT_1'],
    checkovDifferences: 'A repository ruleset counts as protection here; CKV2_GIT_1 looks for branch protection resources only.',
    evaluate: (repo, stack) => (protections(stack, repo).length ? PASS : fail('no ruleset or branch protection refers to this repository')),
  },
  {
    id: 'GP-GH-004',
    title: 'Pull requests need an approving review',
    severity: 'error',
    rationale: 'A second person reading every change is the control reviewers and auditors rely on.',
    remediation: 'Set required_approving_review_count to 1 or more.',
    resourceTypes: [RULESET, ...PROTECTION],
    evaluate: onProtection(
      (r) => requireAtLeast(r.config, 'rules.pull_request.required_approving_review_count', 1, 'the ruleset requires no approving review'),
      (r) => requireAtLeast(r.config, 'required_pull_request_reviews.required_approving_review_count', 1, 'the protection requires no approving review'),
    ),
  },
  {
    id: 'GP-GH-010',
    title: 'Branch protection asks for two approving reviews',
    severity: 'warning',
    rationale: 'Classic branch protection is where older repositories keep their review rule; two reviewers make one careless approval less likely to land a change.',
    remediation: 'Set required_pull_request_reviews.required_approving_review_count to 2 or more, or move to a ruleset (Repository does).',
    resourceTypes: PROTECTION,
    checkov: ['CKV_GIT_5'],
    evaluate: (r) => requireAtLeast(r.config, 'required_pull_request_reviews.required_approving_review_count', 2, 'the protection requires fewer than two approving reviews'),
  },
  {
    id: 'GP-GH-005',
    title: 'No force pushes or deletion of the protected branch',
    severity: 'error',
    rationale: 'A force push rewrites reviewed history; deleting the branch removes its protection.',
    remediation: 'Ruleset: rules.non_fast_forward and rules.deletion = true. Branch protection: allows_force_pushes and allows_deletions = false.',
    resourceTypes: [RULESET, ...PROTECTION],
    evaluate: onProtection(
      (r) => {
        const nf = requireTrue(r.config, 'rules.non_fast_forward', 'the ruleset allows force pushes');
        return nf.status === 'pass' ? requireTrue(r.config, 'rules.deletion', 'the ruleset allows deleting the branch') : nf;
      },
      (r) => {
        for (const key of ['allows_force_pushes', 'allows_deletions']) {
          if (isExpression(r.config[key])) return unknown(key);
          if (r.config[key] === true || r.config[key] === 'true') return fail(`${key} is true`, key);
        }
        return PASS;
      },
    ),
  },
  {
    id: 'GP-GH-006',
    title: 'Ruleset is enforced',
    severity: 'error',
    rationale: 'A ruleset in evaluate or disabled mode only reports, it protects nothing.',
    remediation: 'Set enforcement = "active".',
    resourceTypes: [RULESET],
    evaluate: (r) => requireEquals(r.config, 'enforcement', 'active'),
  },
  {
    id: 'GP-GH-007',
    title: 'Code owners review their code',
    severity: 'warning',
    rationale: 'CODEOWNERS only matters when their review is required.',
    remediation: 'Set require_code_owner_review = true.',
    resourceTypes: [RULESET, ...PROTECTION],
    evaluate: onProtection(
      (r) => requireTrue(r.config, 'rules.pull_request.require_code_owner_review', 'code-owner review is not required'),
      (r) => requireTrue(r.config, 'required_pull_request_reviews.require_code_owner_reviews', 'code-owner review is not required'),
    ),
  },
  {
    id: 'GP-GH-008',
    title: 'No plaintext Actions secrets',
    severity: 'error',
    rationale: 'plaintext_value puts the secret into Terraform configuration, plans and state.',
    remediation: 'Use encrypted_value (sealed with the repository public key), or OIDC instead of a secret.',
    resourceTypes: ['github_actions_secret', 'github_actions_environment_secret', 'github_actions_organization_secret'],
    checkov: ['CKV_GIT_4'],
    checkovDifferences: 'A plaintext_value from an expression is unknown here (it still lands in state); CKV_GIT_4 passes variables. An empty string is unset for both.',
    evaluate(r) {
      const v = r.config.plaintext_value;
      // "" is how modules leave the argument unset
      if (v === undefined || v === null || v === '') return PASS;
      return isExpression(v) ? unknown('plaintext_value', 'comes from an expression; whatever it holds lands in state in plain text') : fail('plaintext_value is set', 'plaintext_value');
    },
  },
  {
    id: 'GP-GH-009',
    title: 'Webhooks use verified HTTPS',
    severity: 'error',
    rationale: 'Webhook payloads carry code and tokens; plain HTTP or skipped TLS verification exposes them.',
    remediation: 'Use an https:// URL and leave insecure_ssl false.',
    resourceTypes: ['github_repository_webhook', 'github_organization_webhook'],
    checkov: ['CKV_GIT_2'],
    checkovDifferences: 'A plain-http URL fails here; CKV_GIT_2 reads insecure_ssl only.',
    evaluate(r) {
      const conf = blocks(r.config.configuration)[0];
      if (!conf) return NOT_APPLICABLE;
      const url = get(conf, 'url');
      if (isExpression(url)) return unknown('configuration.url');
      const insecure = conf.insecure_ssl;
      if (isExpression(insecure)) return unknown('configuration.insecure_ssl');
      // CKV_GIT_2 reads insecure_ssl on repository webhooks; a plain-http URL fails here alone
      if (insecure === true || insecure === '1' || insecure === 'true') return fail('insecure_ssl is on', 'configuration.insecure_ssl', r.type === 'github_repository_webhook' ? undefined : []);
      return typeof url === 'string' && url.startsWith('https://') ? PASS : fail('the webhook URL is not https', 'configuration.url', []);
    },
  },
];
