import { RuleCases } from './cases';

const repo = (over: object = {}) => ({ 'github_repository.r': { name: 'payments', visibility: 'private', vulnerability_alerts: true, ...over } });
const ruleset = (rules: object = {}, over: object = {}) => ({
  'github_repository_ruleset.rs': {
    name: 'main',
    repository: '${github_repository.r.name}',
    target: 'branch',
    enforcement: 'active',
    rules: { deletion: true, non_fast_forward: true, pull_request: { required_approving_review_count: 1, require_code_owner_review: true }, ...rules },
    ...over,
  },
});
const protection = (over: object = {}) => ({
  'github_branch_protection.p': {
    repository_id: '${github_repository.r.node_id}',
    pattern: 'main',
    required_pull_request_reviews: { required_approving_review_count: 1, require_code_owner_reviews: true },
    ...over,
  },
});
const hook = (configuration: object) => ({ 'github_repository_webhook.h': { repository: 'payments', configuration } });

export const GITHUB_CASES: Record<string, RuleCases> = {
  'GP-GH-001': { pass: [repo(), repo({ visibility: 'internal' }), repo({ visibility: undefined, private: true })], fail: [repo({ visibility: 'public' }), repo({ visibility: undefined })] },
  'GP-GH-002': { pass: [repo(), repo({ visibility: 'public', vulnerability_alerts: undefined }), repo({ vulnerability_alerts: undefined, archived: true })], fail: [repo({ vulnerability_alerts: false }), repo({ vulnerability_alerts: undefined })], unknown: [repo({ vulnerability_alerts: '${var.a}' })] },
  'GP-GH-003': {
    target: 'github_repository.r',
    pass: [{ ...repo(), ...ruleset() }, { ...repo(), ...protection() }, { ...repo(), ...ruleset({}, { repository: 'payments' }) }],
    fail: [repo(), { ...repo(), ...ruleset({}, { repository: 'other' }) }],
  },
  'GP-GH-004': {
    pass: [ruleset(), protection()],
    fail: [ruleset({ pull_request: { required_approving_review_count: 0 } }), ruleset({ pull_request: undefined }), protection({ required_pull_request_reviews: undefined })],
  },
  'GP-GH-005': {
    pass: [ruleset(), protection()],
    fail: [ruleset({ non_fast_forward: undefined }), ruleset({ deletion: false }), protection({ allows_force_pushes: true })],
  },
  'GP-GH-006': { pass: [ruleset()], fail: [ruleset({}, { enforcement: 'evaluate' })] },
  'GP-GH-007': { pass: [ruleset(), protection()], fail: [ruleset({ pull_request: { required_approving_review_count: 1 } })] },
  'GP-GH-008': {
    pass: [{ 'github_actions_secret.s': { repository: 'r', secret_name: 'X', encrypted_value: 'c2VhbGVk' } }],
    fail: [{ 'github_actions_secret.s': { repository: 'r', secret_name: 'X', plaintext_value: 'hunter2' } }, { 'github_actions_environment_secret.s': { plaintext_value: 'x' } }],
  },
  'GP-GH-010': {
    pass: [{ 'github_branch_protection.p': { repository_id: 'r', pattern: 'main', required_pull_request_reviews: { required_approving_review_count: 2 } } }],
    fail: [{ 'github_branch_protection.p': { repository_id: 'r', pattern: 'main', required_pull_request_reviews: { required_approving_review_count: 1 } } },
      { 'github_branch_protection_v3.p': { repository: 'r', branch: 'main' } }],
    unknown: [{ 'github_branch_protection.p': { repository_id: 'r', pattern: 'main', required_pull_request_reviews: { required_approving_review_count: '${var.n}' } } }],
  },
  'GP-GH-009': {
    pass: [hook({ url: 'https://hooks.example.com/x', content_type: 'json', insecure_ssl: false })],
    fail: [hook({ url: 'http://hooks.example.com/x' }), hook({ url: 'https://hooks.example.com/x', insecure_ssl: true })],
    unknown: [hook({ url: '${var.url}' })],
  },
};
