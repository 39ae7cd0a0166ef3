import { doc, RuleCases } from './cases';

const policy = (...statements: object[]) => ({ 'aws_iam_policy.p': { name: 'p', policy: doc(...statements) } });
const allow = (Action: unknown, Resource: unknown = 'arn:aws:s3:::b/*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const role = (trust: object, extra: object = {}) => ({ 'aws_iam_role.r': { name: 'r', assume_role_policy: doc(trust), ...extra } });
const GH = 'token.actions.githubusercontent.com';
const ghTrust = (conditions: object) => ({
  Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111111111111:oidc-provider/${GH}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: conditions,
});
const pwd = (over: object = {}) => ({
  'aws_iam_account_password_policy.p': {
    minimum_password_length: 14,
    password_reuse_prevention: 24,
    require_lowercase_characters: true,
    require_uppercase_characters: true,
    require_numbers: true,
    require_symbols: true,
    max_password_age: 90,
    ...over,
  },
});

export const IAM_CASES: Record<string, RuleCases> = {
  'GP-IAM-001': {
    pass: [policy(allow('s3:GetObject')), policy({ Effect: 'Deny', Action: '*', Resource: '*' })],
    fail: [policy(allow('*', '*')), { 'aws_iam_role.r': { name: 'r', inline_policy: [{ name: 'x', policy: doc(allow(['*'], ['*'])) }] } }],
    unknown: [{ 'aws_iam_policy.p': { policy: '${data.aws_iam_policy_document.p.json}' } }],
    notApplicable: [role({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })],
  },
  'GP-IAM-002': {
    pass: [policy(allow(['s3:GetObject', 's3:PutObject']))],
    fail: [policy(allow('*'))],
  },
  'GP-IAM-003': {
    pass: [policy(allow('s3:GetObject'))],
    fail: [policy(allow(['s3:*']))],
  },
  'GP-IAM-004': {
    pass: [policy(allow('iam:PassRole', 'arn:aws:iam::111111111111:role/app'))],
    fail: [policy(allow('iam:PassRole', '*')), policy(allow('iam:Create*', '*')), { 'aws_iam_role_policy.p': { role: 'r', policy: doc(allow('iam:*', '*')) } }],
  },
  'GP-IAM-005': {
    pass: [policy({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })],
    fail: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })],
  },
  'GP-IAM-006': {
    pass: [role({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      role({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } })],
    fail: [role({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }), role({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' })],
    unknown: [{ 'aws_iam_role.r': { name: 'r', assume_role_policy: '${data.aws_iam_policy_document.t.json}' } }],
  },
  'GP-IAM-007': {
    pass: [role(ghTrust({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: 'repo:acme/payments:environment:prod' } }))],
    fail: [
      role(ghTrust({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' } })),
      role(ghTrust({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GH}:sub`]: 'repo:acme/*' } })),
      role(ghTrust({ StringEquals: { [`${GH}:sub`]: 'repo:acme/payments:environment:prod' } })),
    ],
    unknown: [role(ghTrust({ StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: '${var.sub}' } }))],
    notApplicable: [role({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })],
  },
  'GP-IAM-008': {
    pass: [{ 'aws_iam_role_policy_attachment.a': { role: 'r', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }],
    fail: [{ 'aws_iam_role_policy_attachment.a': { role: 'r', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } },
      { 'aws_iam_role.r': { name: 'r', assume_role_policy: doc({ Effect: 'Allow', Principal: { Service: 'x' } }), managed_policy_arns: ['arn:aws:iam::aws:policy/IAMFullAccess'] } }],
  },
  'GP-IAM-009': {
    pass: [{ 'aws_iam_policy_attachment.a': { name: 'a', roles: ['r'], policy_arn: 'arn' } }],
    fail: [{ 'aws_iam_user_policy_attachment.a': { user: 'jane', policy_arn: 'arn' } }, { 'aws_iam_policy_attachment.a': { name: 'a', users: ['jane'], policy_arn: 'arn' } }],
  },
  'GP-IAM-010': { pass: [pwd()], fail: [pwd({ minimum_password_length: 8 }), pwd({ minimum_password_length: undefined })], unknown: [pwd({ minimum_password_length: '${var.l}' })] },
  'GP-IAM-011': { pass: [pwd()], fail: [pwd({ password_reuse_prevention: 5 })] },
  'GP-IAM-012': { pass: [pwd()], fail: [pwd({ require_symbols: false })] },
  'GP-IAM-013': { pass: [pwd()], fail: [pwd({ max_password_age: undefined }), pwd({ max_password_age: 365 })] },
  'GP-IAM-015': {
    pass: [role({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:role/deployer' }, Action: 'sts:AssumeRole' }),
      role({ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x-123' } } }),
      role({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/ci' } } })],
    fail: [role({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }), role({ Effect: 'Allow', Principal: { AWS: ['222222222222'] }, Action: 'sts:AssumeRole' }),
      role({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci' } } })],
    unknown: [{ 'aws_iam_role.r': { name: 'r', assume_role_policy: '${data.aws_iam_policy_document.unknown.json}' } }],
  },
  'GP-IAM-014': { pass: [{ 'aws_iam_access_key.k': { user: 'ci', status: 'Inactive' } }], fail: [{ 'aws_iam_access_key.k': { user: 'ci' } }] },
};
