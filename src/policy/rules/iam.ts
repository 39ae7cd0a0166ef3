import { ResourceView, Rule, RuleOutcome } from '../model';
import { policyDocumentJson } from '../resolve';
import { blocks, citing, collect, fail, isExpression, list, NOT_APPLICABLE, PASS, requireAtLeast, requireTrue, unknown } from '../values';
import { actionMatches, conditionValues, isAccountRoot, isEveryone, parsePolicy, restrictsCaller, Statement } from './policy-document';

/** Identity policies and where their document sits (SSO permission sets keep theirs in `inline_policy`). */
const POLICY_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'aws_ssoadmin_permission_set_inline_policy',
  'data.aws_iam_policy_document'];
/**
 * The Checkov checks that read each type's policy: CKV_AWS_62, CKV_AWS_63 and CKV2_AWS_40 the
 * policy resources (not roles' inline policies); of those, only CKV2_AWS_40 the data source.
 */
function checkovReads(type: string, ids: readonly string[]): readonly string[] {
  if (type === 'aws_iam_role') return [];
  return type === 'data.aws_iam_policy_document' ? ids.filter((id) => id === 'CKV2_AWS_40') : ids;
}

/** The permission documents of a resource: `policy`, a role's inline policies, or a permission set's. */
function documents(r: ResourceView): Array<{ path: string; value: unknown }> {
  if (r.type === 'aws_iam_role') return blocks(r.config.inline_policy).map((b, i) => ({ path: `inline_policy[${i}].policy`, value: b.policy }));
  if (r.type === 'aws_ssoadmin_permission_set_inline_policy') return [{ path: 'inline_policy', value: r.config.inline_policy }];
  // the document the data source renders; unknown when it builds on documents not known here
  if (r.type === 'data.aws_iam_policy_document') return [{ path: 'statement', value: policyDocumentJson(r.config) ?? '${unknown_document}' }];
  return [{ path: 'policy', value: r.config.policy }];
}

/** What an Allow statement does wrong, and the Checkov checks that fail on it. */
interface Problem { readonly message: string; readonly checkov: readonly string[] }

/** Fail on the first Allow statement matching `bad`; unknown if a document cannot be read. */
function checkStatements(r: ResourceView, bad: (s: Statement) => Problem | undefined): RuleOutcome {
  const docs = documents(r).filter((d) => d.value !== undefined);
  if (docs.length === 0) return NOT_APPLICABLE;
  let unreadable: RuleOutcome | undefined;
  for (const doc of docs) {
    const parsed = parsePolicy(doc.value);
    if (parsed.kind === 'unknown') unreadable ??= unknown(doc.path, parsed.why);
    if (parsed.kind !== 'parsed') continue;
    for (const s of parsed.statements.filter((x) => x.effect === 'Allow')) {
      const problem = bad(s);
      if (problem) return fail(`statement ${s.sid ?? '(no Sid)'} ${problem.message}`, doc.path, checkovReads(r.type, problem.checkov));
    }
  }
  return unreadable ?? PASS;
}

/** CKV2_AWS_40 fails any Allow of `iam:*` or `*`. */
const fullIam = (s: Statement) => (s.actions.some((a) => a === '*' || a.toLowerCase() === 'iam:*') ? ['CKV2_AWS_40'] : []);

const ESCALATION = [
  'iam:PassRole', 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:AttachRolePolicy', 'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy', 'iam:PutRolePolicy', 'iam:PutUserPolicy', 'iam:PutGroupPolicy', 'iam:CreateAccessKey',
  'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:UpdateAssumeRolePolicy', 'iam:AddUserToGroup',
];
const ADMIN_POLICIES = /arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|IAMFullAccess)$/;
const ATTACHMENTS = ['aws_iam_role_policy_attachment', 'aws_iam_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_role',
  'aws_ssoadmin_managed_policy_attachment'];
const GITHUB_OIDC = 'token.actions.githubusercontent.com';

/**
 * What CKV_AWS_393 counts as an unsafe GitHub `sub` value: `*`, a bare claim, a wildcard
 * first value, a first claim anyone can choose (workflow, environment, ref, ...), or `repo:`
 * without an owner/repo shape. It accepts `repo:owner/*`; GP-IAM-007 does not.
 */
function unsafeForCheckov(value: string): boolean {
  if (value === '*') return true;
  const [claim, first] = value.split(':');
  if (first === undefined || first === '*') return true;
  if (['workflow', 'environment', 'ref', 'context', 'head_ref', 'base_ref'].some((c) => claim.startsWith(c))) return true;
  return claim === 'repo' && !/^(\$\{)?[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*(@[0-9]+)?(\})?\/[^/]+/.test(first);
}

/** The trust statements of a role that let someone assume it. */
function trust(r: ResourceView): { statements?: Statement[]; outcome?: RuleOutcome } {
  const parsed = parsePolicy(r.config.assume_role_policy);
  if (parsed.kind === 'none') return { outcome: NOT_APPLICABLE };
  if (parsed.kind === 'unknown') return { outcome: unknown('assume_role_policy', parsed.why) };
  return { statements: parsed.statements.filter((s) => s.effect === 'Allow') };
}

export const IAM_RULES: Rule[] = [
  {
    id: 'GP-IAM-001',
    title: 'No administrator policy (* on *)',
    severity: 'error',
    rationale: 'Action * on Resource * is full admin: one leaked credential owns the account.',
    remediation: 'List the actions and resources the principal needs; use grant* methods on golden-path constructs.',
    resourceTypes: POLICY_TYPES,
    checkov: ['CKV_AWS_62', 'CKV_AWS_63', 'CKV2_AWS_40'],
    checkovDifferences: 'Roles\' inline policies are judged here too; Checkov\'s checks read the policy resources only.',
    cis: ['1.16'],
    evaluate: (r) => checkStatements(r, (s) => (s.actions.includes('*') && s.resources.includes('*') ? { message: 'allows * on *', checkov: ['CKV_AWS_62', 'CKV_AWS_63', 'CKV2_AWS_40'] } : undefined)),
  },
  {
    id: 'GP-IAM-002',
    title: 'No Action "*"',
    severity: 'error',
    rationale: 'Action * grants every current and future AWS action, even on a narrow resource.',
    remediation: 'Name the actions.',
    resourceTypes: POLICY_TYPES,
    checkov: ['CKV_AWS_63', 'CKV2_AWS_40'],
    checkovDifferences: 'Roles\' inline policies are judged here too; Checkov\'s checks read the policy resources only.',
    evaluate: (r) => checkStatements(r, (s) => (s.actions.includes('*') ? { message: 'allows Action *', checkov: ['CKV_AWS_63', 'CKV2_AWS_40'] } : undefined)),
  },
  {
    id: 'GP-IAM-003',
    title: 'No service-wide wildcard actions',
    severity: 'warning',
    rationale: '`s3:*` or `iam:*` includes destructive and permission-changing actions nobody meant to grant.',
    remediation: 'Replace service:* with the actions used.',
    resourceTypes: POLICY_TYPES,
    checkov: ['CKV2_AWS_40'],
    checkovDifferences: 'Only iam:* fails CKV2_AWS_40; any service-wide wildcard fails here (as a warning).',
    evaluate: (r) => checkStatements(r, (s) => {
      const wild = s.actions.find((a) => /^[a-z0-9-]+:\*$/i.test(a));
      return wild ? { message: `allows ${wild}`, checkov: fullIam(s) } : undefined;
    }),
  },
  {
    id: 'GP-IAM-004',
    title: 'No privilege escalation on all resources',
    severity: 'error',
    rationale: 'PassRole, policy-version, attach/put-policy and access-key actions on * let a principal grant itself more.',
    remediation: 'Scope these actions to named ARNs, or remove them.',
    resourceTypes: POLICY_TYPES,
    checkov: ['CKV2_AWS_40'],
    checkovDifferences: 'CKV2_AWS_40 fails iam:* and *; escalation actions named one by one on * fail here only.',
    evaluate: (r) => checkStatements(r, (s) => {
      if (!s.resources.includes('*')) return undefined;
      const hit = ESCALATION.find((e) => s.actions.some((a) => actionMatches(a, e)));
      return hit ? { message: `allows ${hit} on *`, checkov: fullIam(s) } : undefined;
    }),
  },
  {
    id: 'GP-IAM-005',
    title: 'No Allow with NotAction',
    severity: 'error',
    rationale: 'Allow + NotAction grants everything except a list, including services added later.',
    remediation: 'Allow named actions; use Deny + NotAction only for guardrail statements.',
    resourceTypes: POLICY_TYPES,
    evaluate: (r) => checkStatements(r, (s) => (s.notActions.length ? { message: 'uses Allow with NotAction', checkov: [] } : undefined)),
  },
  {
    id: 'GP-IAM-006',
    title: 'Role trust names its principals',
    severity: 'error',
    rationale: 'A trust policy with Principal * (or AWS *, or roles in any account) lets any AWS account assume the role, unless a condition narrows the caller (aws:PrincipalOrgID, aws:PrincipalArn, ...); aws:username and wildcard ARNs do not.',
    remediation: 'Trust named accounts, roles or services, or add a condition such as aws:PrincipalOrgID.',
    resourceTypes: ['aws_iam_role'],
    checkov: ['CKV_AWS_60'],
    checkovDifferences: 'CKV_AWS_60 fails AWS * even with a condition; a condition that narrows the caller (aws:PrincipalOrgID, a specific aws:PrincipalArn) passes here, and roles in any account count as everyone here.',
    evaluate(r) {
      const t = trust(r);
      if (t.outcome) return t.outcome;
      let undecided: RuleOutcome | undefined;
      for (const s of t.statements!.filter((x) => x.principals.some(isEveryone))) {
        const narrowed = restrictsCaller(s.condition);
        if (narrowed === true) continue;
        if (narrowed === 'unknown') {
          undecided ??= unknown('assume_role_policy', 'has a condition resolved only at plan time');
          continue;
        }
        return fail('the trust policy lets any AWS principal assume the role', 'assume_role_policy', s.principals.includes('AWS:*') ? ['CKV_AWS_60'] : []);
      }
      return undecided ?? PASS;
    },
  },
  {
    id: 'GP-IAM-015',
    title: 'Role trust names roles, not whole accounts',
    severity: 'warning',
    rationale: 'Trusting an account id or its root lets every principal of that account that has sts:AssumeRole assume the role, including ones created later. An sts:ExternalId condition (third-party access) or an aws:PrincipalArn condition narrows it.',
    remediation: 'Trust the role ARNs that need access, or add an sts:ExternalId or aws:PrincipalArn condition.',
    resourceTypes: ['aws_iam_role'],
    checkov: ['CKV_AWS_61'],
    checkovDifferences: 'An aws:PrincipalArn condition naming specific roles passes here; CKV_AWS_61 excuses only sts:ExternalId.',
    evaluate(r) {
      const t = trust(r);
      if (t.outcome) return t.outcome;
      for (const s of t.statements!.filter((x) => x.principals.some(isAccountRoot))) {
        const externalId = conditionValues(s.condition, 'sts:ExternalId').length > 0 && s.actions.some((a) => actionMatches(a, 'sts:AssumeRole'));
        const narrowed = conditionValues(s.condition, 'aws:PrincipalArn').some((c) => /^(StringEquals|StringLike|ArnEquals|ArnLike)/i.test(c.operator) && c.values.every((v) => !v.includes(':*:') && v !== '*'));
        if (externalId || narrowed) continue;
        const who = s.principals.find(isAccountRoot)!.replace(/^AWS:/, '');
        // CKV_AWS_61 excuses only sts:AssumeRole with an sts:ExternalId condition
        return fail(`the trust policy trusts the whole account ${who}`, 'assume_role_policy');
      }
      return PASS;
    },
  },
  {
    id: 'GP-IAM-007',
    title: 'GitHub OIDC trust pins the repository and audience',
    severity: 'error',
    rationale: 'A GitHub OIDC trust without a `sub` condition, or with `repo:org/*`-style wildcards, lets any repository (or any branch) assume the role.',
    remediation: 'Require aud = sts.amazonaws.com and sub = repo:<owner>/<repo>:environment:<env> with StringEquals (GitHubOidcDeployRole does).',
    resourceTypes: ['aws_iam_role'],
    checkov: ['CKV_AWS_393'],
    checkovDifferences: 'Stricter than CKV_AWS_393: repo:owner/* and other wildcards, and a missing aud = sts.amazonaws.com, fail here (citing Checkov only when its own claim checks fail).',
    evaluate(r) {
      const t = trust(r);
      if (t.outcome) return t.outcome;
      const github = t.statements!.filter((s) => s.principals.some((p) => p.startsWith('Federated:') && p.includes(GITHUB_OIDC)));
      if (github.length === 0) return NOT_APPLICABLE;
      for (const s of github) {
        const subs = conditionValues(s.condition, `${GITHUB_OIDC}:sub`);
        const auds = conditionValues(s.condition, `${GITHUB_OIDC}:aud`);
        if (subs.length === 0) return fail('the GitHub OIDC trust has no `sub` condition', 'assume_role_policy');
        const values = subs.flatMap((c) => c.values);
        if (values.some(isExpression)) return unknown('assume_role_policy', 'has a `sub` condition resolved at plan time');
        const loose = values.find((v) => v.includes('*') || v.includes('?') || !/^repo:[^/:]+\/[^/:]+:/.test(v));
        if (loose) {
          return fail(`the GitHub OIDC \`sub\` condition ${JSON.stringify(loose)} is not pinned to one repository and ref or environment`, 'assume_role_policy',
            values.some(unsafeForCheckov) ? ['CKV_AWS_393'] : []);
        }
        if (!auds.some((c) => c.values.includes('sts.amazonaws.com'))) return fail('the GitHub OIDC trust does not require aud = sts.amazonaws.com', 'assume_role_policy', []);
      }
      return PASS;
    },
  },
  {
    id: 'GP-IAM-008',
    title: 'No AdministratorAccess or IAMFullAccess attached',
    severity: 'error',
    rationale: 'The AWS-managed admin policies give away the account, whatever the principal is for.',
    remediation: 'Attach a policy with the actions needed.',
    resourceTypes: ATTACHMENTS,
    checkov: ['CKV_AWS_274', 'CKV2_AWS_56'],
    cis: ['1.16'],
    evaluate(r) {
      const attribute = r.type === 'aws_iam_role' ? 'managed_policy_arns' : r.type === 'aws_ssoadmin_managed_policy_attachment' ? 'managed_policy_arn' : 'policy_arn';
      const arns = list(r.config[attribute]);
      if (arns.every((a) => a === undefined)) return NOT_APPLICABLE;
      const admin = arns.filter((a): a is string => typeof a === 'string' && ADMIN_POLICIES.test(a));
      if (!admin.length) return arns.some(isExpression) || isExpression(r.config[attribute]) ? unknown(attribute) : PASS;
      const cites = admin.map((a) => (a.endsWith('/IAMFullAccess') ? 'CKV2_AWS_56' : 'CKV_AWS_274'));
      return fail(`attaches ${admin.join(', ')}`, attribute, [...new Set(cites)]);
    },
  },
  {
    id: 'GP-IAM-009',
    title: 'Policies go to roles or groups, not users',
    severity: 'warning',
    rationale: 'Permissions on individual users drift and outlive the person; roles and groups are reviewed.',
    remediation: 'Attach the policy to a group or a role the user assumes (or use SSO).',
    resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment'],
    checkov: ['CKV_AWS_40'],
    cis: ['1.15'],
    evaluate(r) {
      if (r.type === 'aws_iam_policy_attachment') {
        if (isExpression(r.config.users)) return unknown('users');
        return list(r.config.users).length ? fail('attaches the policy to users', 'users') : PASS;
      }
      return fail('attaches a policy directly to a user', 'user');
    },
  },
  {
    id: 'GP-IAM-010',
    title: 'Password policy: at least 14 characters',
    severity: 'error',
    rationale: 'Short passwords fall to offline cracking.',
    remediation: 'Set minimum_password_length to 14 or more.',
    resourceTypes: ['aws_iam_account_password_policy'],
    checkov: ['CKV_AWS_10'],
    cis: ['1.8'],
    evaluate: (r) => requireAtLeast(r.config, 'minimum_password_length', 14, 'minimum_password_length is below 14'),
  },
  {
    id: 'GP-IAM-011',
    title: 'Password policy: no reuse of the last 24',
    severity: 'error',
    rationale: 'Reuse lets a leaked old password work again.',
    remediation: 'Set password_reuse_prevention to 24.',
    resourceTypes: ['aws_iam_account_password_policy'],
    checkov: ['CKV_AWS_13'],
    cis: ['1.9'],
    evaluate: (r) => requireAtLeast(r.config, 'password_reuse_prevention', 24, 'password_reuse_prevention is below 24'),
  },
  {
    id: 'GP-IAM-012',
    title: 'Password policy: mixed characters',
    severity: 'warning',
    rationale: 'Character classes make guessing harder where passwords are still used.',
    remediation: 'Require lowercase, uppercase, numbers and symbols.',
    resourceTypes: ['aws_iam_account_password_policy'],
    checkov: ['CKV_AWS_11', 'CKV_AWS_12', 'CKV_AWS_14', 'CKV_AWS_15'],
    evaluate(r) {
      const checks: Record<string, string> = { require_lowercase_characters: 'CKV_AWS_11', require_numbers: 'CKV_AWS_12', require_symbols: 'CKV_AWS_14', require_uppercase_characters: 'CKV_AWS_15' };
      return collect(Object.entries(checks).map(([flag, id]) => citing(requireTrue(r.config, flag, `${flag} is not true`), [id])));
    },
  },
  {
    id: 'GP-IAM-013',
    title: 'Password policy: passwords expire within 90 days',
    severity: 'info',
    rationale: 'CIS asks for expiry; NIST 800-63B no longer does, hence info only.',
    remediation: 'Set max_password_age to 90 or less, or accept this finding.',
    resourceTypes: ['aws_iam_account_password_policy'],
    checkov: ['CKV_AWS_9'],
    checkovDifferences: 'CKV_AWS_9, as read, passes ages of 90 days or more and fails only an unset age; this rule wants 1 to 90 days, so only an unset age cites it.',
    evaluate(r) {
      const v = r.config.max_password_age;
      if (isExpression(v)) return unknown('max_password_age');
      if (v === undefined) return fail('max_password_age is not set, so passwords never expire', 'max_password_age');
      return Number(v) > 0 && Number(v) <= 90 ? PASS : fail(`max_password_age is ${String(v)}, not 1 to 90 days`, 'max_password_age', []);
    },
  },
  {
    id: 'GP-IAM-014',
    title: 'No long-lived access keys in Terraform',
    severity: 'warning',
    rationale: 'An aws_iam_access_key puts a static secret into state; workloads should use roles (IRSA, OIDC).',
    remediation: 'Use an IAM role with OIDC or IRSA instead of an access key.',
    resourceTypes: ['aws_iam_access_key'],
    checkov: ['CKV_AWS_348'],
    checkovDifferences: 'CKV_AWS_348 is about access keys of the root user; every active access key fails here.',
    evaluate(r) {
      // an inactive key (kept only while callers migrate away) is no working credential
      if (r.config.status === 'Inactive') return PASS;
      if (isExpression(r.config.status)) return unknown('status');
      // CKV_AWS_348 is about keys of the root user only
      return fail('creates an active long-lived access key whose secret lands in state', 'status', r.config.user === 'root' ? ['CKV_AWS_348'] : []);
    },
  },
];
