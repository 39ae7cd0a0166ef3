// Every stack of the example org, and the stacks of a project `goldenpath new service` makes,
// judged by a real IAM evaluator (@cloud-copilot/iam-simulate: identity, bucket and key
// policies, cross-account rules): the roles that plan and apply a stack can reach its state,
// its lock, the keys it reads and the KMS calls the S3 backend makes; nothing of another team
// or environment; and a team's apply role creates roles only under its prefix with the boundary.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { deployRoleName } from '../../../constructs/pipeline/github-oidc-deploy-role';
import { App } from '../../../src/cdk';
import { lockKey } from '../../../src/core/state-keys';
import { evaluateStack, RuleSet } from '../../../src/policy/engine';
import { BUILT_IN_PACKS } from '../../../src/policy/packs';
import { stackView } from '../../../src/policy/stack-view';
import { generateProject } from '../../../src/scaffold/generate';
import { resolveValues } from '../../../src/scaffold/values';
import { acmeOut } from '../../acme-out';
import { runGeneratedMain } from '../../generated-project';

const STATE_ACCOUNT = '111111111111';
const BUCKET = `acme-tfstate-${STATE_ACCOUNT}`;
const ACCOUNTS: Record<string, string> = { global: STATE_ACCOUNT, dev: '111111111111', prod: '222222222222' };
const KEY_ARN = `arn:aws:kms:eu-west-1:${STATE_ACCOUNT}:key/0b1c2d3e-0000-4000-8000-000000000000`;

/**
 * The AWS-managed policies the roles attach, reduced to the statements that bear on these
 * requests (as AWS documents them): ReadOnlyAccess reads every S3 object and describes keys;
 * PowerUserAccess is everything but IAM, Organizations and Account.
 */
const MANAGED: Record<string, object> = {
  'arn:aws:iam::aws:policy/ReadOnlyAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'kms:Describe*', 'kms:Get*', 'kms:List*', 'iam:Get*', 'iam:List*'], Resource: '*' }] },
  'arn:aws:iam::aws:policy/PowerUserAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }] },
};

type Json = Record<string, any>;
const stacks = new Map<string, Json>();
let bucketPolicy: Json;
let keyPolicy: Json;

beforeAll(() => {
  const out = acmeOut('gp-iam-');
  for (const name of readdirSync(join(out, 'stacks'))) stacks.set(name, JSON.parse(readFileSync(join(out, 'stacks', name, 'cdk.tf.json'), 'utf8')));
  const state = stacks.get('acme-state')!;
  const policies = Object.values<Json>(state.resource.aws_s3_bucket_policy).map((p) => p.policy as string);
  // the bucket's own ARN is a reference in the synthesized policy: the evaluator needs the value
  bucketPolicy = JSON.parse(policies.find((p) => p.includes('OnlyOwnState'))!.replace(/\$\{aws_s3_bucket\.[^}]+\.arn\}/g, `arn:aws:s3:::${BUCKET}`));
  keyPolicy = JSON.parse(Object.values<Json>(state.resource.aws_kms_key).find((k) => /^state key/.test(k.description))!.policy);
});

/** The identity policies of a role, read from the stack that makes it. */
function identityPolicies(roleStack: string, roleName: string): Array<{ name: string; policy: object }> {
  const json = stacks.get(roleStack)!;
  const [logical] = Object.entries<Json>(json.resource.aws_iam_role).find(([, r]) => r.name === roleName) ?? [];
  if (!logical) throw new Error(`${roleStack} makes no role ${roleName}`);
  const ref = `\${aws_iam_role.${logical}.name}`;
  const inline = Object.values<Json>(json.resource.aws_iam_role_policy ?? {}).filter((p) => p.role === ref).map((p) => ({ name: p.name, policy: JSON.parse(p.policy) }));
  const managed = Object.values<Json>(json.resource.aws_iam_role_policy_attachment ?? {}).filter((a) => a.role === ref).map((a) => {
    if (!MANAGED[a.policy_arn]) throw new Error(`no model of ${a.policy_arn}`);
    return { name: a.policy_arn.replace(/^.*\//, ''), policy: MANAGED[a.policy_arn] };
  });
  return [...inline, ...managed];
}

interface Principal { readonly arn: string; readonly account: string; readonly stack: string; readonly name: string }

function role(repository: string, environment: string, kind: 'plan' | 'apply'): Principal {
  const name = deployRoleName(repository, environment, kind);
  const account = ACCOUNTS[environment];
  return { arn: `arn:aws:iam::${account}:role/${name}`, account, stack: environment === 'global' ? 'acme-state' : `acme-${environment}`, name };
}

async function decide(who: Principal, action: string, resource: string, extra: Record<string, string | string[]> = {}): Promise<string> {
  const s3 = action.startsWith('s3:');
  const kms = action.startsWith('kms:');
  const result = await runSimulation({
    identityPolicies: identityPolicies(who.stack, who.name),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: s3 ? bucketPolicy : kms ? keyPolicy : undefined,
    request: {
      action,
      principal: who.arn,
      resource: { accountId: s3 || kms ? STATE_ACCOUNT : who.account, resource },
      contextVariables: { 'aws:PrincipalArn': who.arn, 'aws:PrincipalAccount': who.account, 'aws:SecureTransport': 'true', ...extra },
    },
  } as never, {});
  if (result.resultType === 'error') throw new Error(JSON.stringify(result.errors));
  return result.overallResult;
}

const object = (key: string) => `arn:aws:s3:::${BUCKET}/${key}`;
const KMS_CONTEXT = { 'kms:ResourceAliases': ['alias/acme-tfstate'] };

/** Who plans and applies a stack: its owner's repository, in its environment. */
function ownerOf(key: string): { environment: string; repository: string } {
  const [, environment, owner] = key.split('/');
  return { environment, repository: owner === 'platform' ? 'acme-platform' : owner };
}

async function expectStackAccess(stack: string, json: Json): Promise<void> {
  const key: string = json.terraform.backend.s3.key;
  const { environment, repository } = ownerOf(key);
  const plan = role(repository, environment, 'plan');
  const apply = role(repository, environment, 'apply');
  const prefix = key.slice(0, key.lastIndexOf('/') + 1);
  const reads = Object.values<Json>(json.data?.terraform_remote_state ?? {}).map((r) => r.config.key as string);
  const allowed: Array<[Principal, string, string, Record<string, string | string[]>?]> = [
    [plan, 's3:GetObject', object(key)],
    [plan, 's3:GetObject', object(lockKey(key))],
    [plan, 's3:PutObject', object(lockKey(key))],
    [plan, 's3:DeleteObject', object(lockKey(key))],
    [plan, 's3:ListBucket', `arn:aws:s3:::${BUCKET}`, { 's3:prefix': prefix }],
    [apply, 's3:GetObject', object(key)],
    [apply, 's3:PutObject', object(key)],
    [apply, 's3:PutObject', object(lockKey(key))],
    [apply, 's3:DeleteObject', object(lockKey(key))],
    ...(['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt'] as const).flatMap((a) => [[plan, a, KEY_ARN, KMS_CONTEXT], [apply, a, KEY_ARN, KMS_CONTEXT]] as Array<[Principal, string, string, Record<string, string[]>]>),
    ...reads.flatMap((r) => [[plan, 's3:GetObject', object(r)], [apply, 's3:GetObject', object(r)]] as Array<[Principal, string, string]>),
  ];
  for (const [who, action, resource, extra] of allowed) {
    expect({ stack, who: who.name, action, resource, result: await decide(who, action, resource, extra) }).toEqual({ stack, who: who.name, action, resource, result: 'Allowed' });
  }
  // a plan writes no state
  expect({ stack, result: await decide(plan, 's3:PutObject', object(key)) }).not.toEqual({ stack, result: 'Allowed' });
}

describe('deploy roles, judged by a real IAM evaluator', () => {
  test('every stack of the example org: its plan and apply roles reach its state, lock, reads and key', async () => {
    expect(stacks.size).toBeGreaterThanOrEqual(12);
    for (const [stack, json] of stacks) await expectStackAccess(stack, json);
  });

  test.each([
    ['ledger', 'payments'],
    // renamed, and moved to the other team: its keys and the roles that reach them follow
    ['invoices', 'search'],
  ])('the stacks of a `goldenpath new service %s --team %s` project, from its generated main.ts, work with the same grants, with no guardrail left unknown', async (name, team) => {
    const files = generateProject(resolveValues({ kind: 'service', name, team, environments: ['dev', 'prod'] }, '1.2.3'));
    const app = new App({ outdir: join(__dirname, 'unused') });
    const built = runGeneratedMain(files, app);
    expect(built.map((s) => s.node.id)).toEqual([`${name}-dev`, `${name}-prod`]);
    for (const stack of built) {
      const json = JSON.parse(JSON.stringify(stack.toTerraform()));
      expect(json.terraform.backend.s3.key).toBe(`acme/${stack.node.id.slice(name.length + 1)}/${team}/${stack.node.id}.tfstate`);
      await expectStackAccess(stack.node.id, json);
      // the platform's outputs it reads (its keys among them) are judged, not left unknown
      const undecided = evaluateStack(stackView(stack.node.id, json), new RuleSet(BUILT_IN_PACKS)).filter((f) => f.status === 'unknown');
      expect(undecided.map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
    }
  });

  test('no role reads another team\'s or another environment\'s state, though ReadOnlyAccess reads every object', async () => {
    const cases: Array<[Principal, string]> = [
      [role('payments', 'dev', 'plan'), 'acme/dev/search/acme-dev-search.tfstate'],
      [role('payments', 'dev', 'apply'), 'acme/dev/search/acme-dev-search.tfstate'],
      [role('payments', 'dev', 'plan'), 'acme/prod/payments/acme-prod-payments.tfstate'],
      [role('payments', 'prod', 'plan'), 'acme/dev/payments/acme-dev-payments.tfstate'],
      [role('search', 'prod', 'apply'), 'acme/prod/payments/acme-prod-payments.tfstate'],
      [role('payments', 'dev', 'plan'), 'acme/global/platform/acme-state.tfstate'],
      [role('acme-platform', 'prod', 'plan'), 'acme/dev/platform/acme-dev.tfstate'],
    ];
    for (const [who, key] of cases) {
      for (const action of ['s3:GetObject', 's3:PutObject']) {
        const result = await decide(who, action, object(key));
        expect({ who: who.name, action, key, denied: result !== 'Allowed' }).toEqual({ who: who.name, action, key, denied: true });
      }
    }
  });

  test('a team apply role creates roles only under its team prefix and only with the platform boundary', async () => {
    for (const env of ['dev', 'prod']) {
      const apply = role('payments', env, 'apply');
      const boundary = `arn:aws:iam::${ACCOUNTS[env]}:policy/acme-${env}-workload-boundary`;
      const mine = `arn:aws:iam::${ACCOUNTS[env]}:role/${env}-payments-ledger-irsa`;
      const theirs = `arn:aws:iam::${ACCOUNTS[env]}:role/${env}-search-search-api-irsa`;
      const collector = `arn:aws:iam::${ACCOUNTS[env]}:role/${env}-observability-otel-collector-irsa`;
      expect(await decide(apply, 'iam:CreateRole', mine, { 'iam:PermissionsBoundary': boundary })).toBe('Allowed');
      expect(await decide(apply, 'iam:PutRolePolicy', mine, { 'iam:PermissionsBoundary': boundary })).toBe('Allowed');
      expect(await decide(apply, 'iam:CreateRole', mine)).not.toBe('Allowed');
      expect(await decide(apply, 'iam:PutRolePolicy', mine, { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNTS[env]}:policy/anything` })).not.toBe('Allowed');
      expect(await decide(apply, 'iam:CreateRole', theirs, { 'iam:PermissionsBoundary': boundary })).not.toBe('Allowed');
      expect(await decide(apply, 'iam:PutRolePolicy', collector, { 'iam:PermissionsBoundary': boundary })).not.toBe('Allowed');
      expect(await decide(apply, 'iam:DeleteRolePermissionsBoundary', mine)).not.toBe('Allowed');
    }
  });
});
