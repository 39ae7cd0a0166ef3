import { parse } from '@cdktf/hcl2json';
import { AUDIT_CASES } from './rules/audit.cases';
import { Resources, view } from './rules/cases';
import { EKS_CASES } from './rules/eks.cases';
import { ENCRYPTION_CASES } from './rules/encryption.cases';
import { GITHUB_CASES } from './rules/github.cases';
import { IAM_CASES } from './rules/iam.cases';
import { KUBERNETES_CASES } from './rules/kubernetes.cases';
import { NETWORK_CASES } from './rules/network.cases';
import { RDS_CASES } from './rules/rds.cases';
import { S3_CASES } from './rules/s3.cases';
import { evaluateStack, RuleSet } from '../../src/policy/engine';
import { Finding, Rule } from '../../src/policy/model';
import { BUILT_IN_PACKS } from '../../src/policy/packs';
import { stackView } from '../../src/policy/stack-view';

// One test for each class of bug the Checkov corpus found, and an audit of every rule for
// the expression class.

const ruleSet = new RuleSet(BUILT_IN_PACKS);
const RULES: Rule[] = ruleSet.rules.map((a) => a.rule);

async function findings(hcl: string, address: string): Promise<Finding[]> {
  return evaluateStack(stackView('case', await parse('main.tf', hcl)), ruleSet).filter((f) => f.address === address && !f.ruleId.startsWith('GP-OWN'));
}

describe('bug classes', () => {
  test('a rule does not decide "not applicable" from a misread attribute: an aws_rds_cluster names itself with cluster_identifier', async () => {
    const out = await findings('resource "aws_rds_cluster" "c" {\n  cluster_identifier = "orders"\n  engine = "aurora-postgresql"\n  master_password = "x"\n}', 'aws_rds_cluster.c');
    expect(out.filter((f) => f.status === 'fail').map((f) => f.ruleId).sort()).toEqual(
      ['GP-RDS-001', 'GP-RDS-003', 'GP-RDS-004', 'GP-RDS-005', 'GP-RDS-006', 'GP-RDS-007', 'GP-RDS-009', 'GP-RDS-010']);
  });

  test('an expression is unknown, never a fail: a variable without a default in versioning, a dynamic rule block whose for_each waits for the plan', async () => {
    const versioning = await findings('resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  versioning {\n    enabled = var.v\n  }\n}', 'aws_s3_bucket.b');
    expect(versioning.find((f) => f.ruleId === 'GP-S3-003')).toMatchObject({ status: 'unknown', attribute: 'versioning.enabled' });
    const dynamic = await findings(`resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  bucket = "b"
  dynamic "rule" {
    for_each = var.rules
    content {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
        kms_master_key_id = aws_kms_key.k.arn
      }
    }
  }
}`, 'aws_s3_bucket_server_side_encryption_configuration.e');
    // rendered, the block is good; without it there is no rule: the answer waits for the plan
    expect(dynamic.find((f) => f.ruleId === 'GP-S3-011')).toMatchObject({ status: 'unknown', attribute: 'rule' });
    expect(dynamic.some((f) => /undefined/.test(f.message))).toBe(false);
    // bad either way is a fail, with the rendered block's reason
    const bad = await findings('resource "aws_s3_bucket_server_side_encryption_configuration" "e" {\n  bucket = "b"\n  dynamic "rule" {\n    for_each = var.rules\n    content {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "AES256"\n      }\n    }\n  }\n}', 'aws_s3_bucket_server_side_encryption_configuration.e');
    expect(bad.find((f) => f.ruleId === 'GP-S3-011')).toMatchObject({ status: 'fail', message: 'sse_algorithm is AES256' });
  });

  test('a split resource naming its bucket through the same expression as the bucket counts as attached', async () => {
    const out = await findings(`variable "name" {}
resource "aws_s3_bucket" "b" {
  bucket = var.name
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = var.name
  versioning_configuration {
    status = "Enabled"
  }
}`, 'aws_s3_bucket.b');
    expect(out.find((f) => f.ruleId === 'GP-S3-003')).toBeUndefined();
  });

  test('values with a special meaning: retention 0, plaintext_value "", a disabled metadata endpoint', async () => {
    const logs = await findings('resource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = 0\n  kms_key_id = "k"\n}', 'aws_cloudwatch_log_group.l');
    expect(logs.map((f) => [f.ruleId, f.status, f.checkov])).toEqual([['GP-LOG-001', 'fail', []]]);
    const secret = await findings('resource "github_actions_secret" "s" {\n  repository = "r"\n  secret_name = "s"\n  plaintext_value = ""\n}', 'github_actions_secret.s');
    expect(secret).toEqual([]);
    const instance = await findings('resource "aws_instance" "i" {\n  ami = "a"\n  metadata_options {\n    http_endpoint = "disabled"\n  }\n}', 'aws_instance.i');
    expect(instance.filter((f) => f.ruleId.startsWith('GP-EC2'))).toEqual([]);
  });
});

describe('keys given as expressions', () => {
  test('a key resource, also from another cdktf stack, is a customer key; a variable could be an AWS-managed alias', async () => {
    const queue = (key: string) => `resource "aws_sqs_queue" "q" {\n  name = "q"\n  kms_master_key_id = ${key}\n}`;
    const encryption = async (key: string) => (await findings(queue(key), 'aws_sqs_queue.q')).filter((f) => f.ruleId === 'GP-SQS-001').map((f) => f.status);
    expect(await encryption('aws_kms_key.k.arn')).toEqual([]);
    expect(await encryption('data.terraform_remote_state.x.outputs.cross-stack-output-aws_kms_keyenv_keys_data_3F48886Barn')).toEqual([]);
    expect(await encryption('var.key')).toEqual(['unknown']);
    expect(await encryption('"alias/aws/sqs"')).toEqual(['fail']);
  });
});

/** Set the value at an attribute path (`a.b`, `ingress[0]`, through one-element block lists). */
function replaceAt(config: any, path: string, value: unknown): boolean {
  const keys = path.split('.').flatMap((k) => k.split(/\[(\d+)\]/).filter((x) => x !== ''));
  let current = config;
  for (let i = 0; i < keys.length - 1; i++) {
    if (Array.isArray(current) && !/^\d+$/.test(keys[i])) current = current[0];
    current = current?.[keys[i]];
    if (current === undefined || current === null || typeof current !== 'object') return false;
  }
  if (Array.isArray(current) && !/^\d+$/.test(keys[keys.length - 1])) current = current[0];
  const last = keys[keys.length - 1];
  if (current === undefined || typeof current !== 'object' || current[last] === undefined) return false;
  current[last] = value;
  return true;
}

/**
 * Rules whose failure is the presence of an attribute, whatever its value: a password or a
 * user in configuration, a hostPath or other forbidden volume source.
 */
const PRESENCE_RULES = new Set(['GP-RDS-006', 'GP-IAM-009', 'GP-K8S-010', 'GP-K8S-011']);

describe('every rule: the value a failure names, made an expression, is never a pass', () => {
  const tables = { ...S3_CASES, ...NETWORK_CASES, ...IAM_CASES, ...ENCRYPTION_CASES, ...AUDIT_CASES, ...EKS_CASES, ...RDS_CASES, ...KUBERNETES_CASES, ...GITHUB_CASES };
  const rows = RULES.flatMap((rule) => (tables[rule.id]?.fail ?? []).map((c, i) => [rule.id, i, rule, c, tables[rule.id].target] as const));

  test.each(rows)('%s fail case %d', (_id, _i, rule, resources: Resources, target) => {
    const address = target ?? Object.keys(resources)[0];
    const before = view(resources).byAddress(address)!;
    const failed = rule.evaluate(before, view(resources));
    expect(failed.status).toBe('fail');
    if (failed.status !== 'fail' || !failed.attribute || PRESENCE_RULES.has(rule.id)) return;
    const copy: Resources = JSON.parse(JSON.stringify(resources));
    if (!replaceAt(copy[address], failed.attribute, '${var.unknown_value}')) return; // the failure is an absence, not a value
    const stack = view(copy);
    const after = rule.evaluate(stack.byAddress(address)!, stack);
    expect(after.status).not.toBe('pass');
    if (after.status === 'fail') expect(after.attribute).not.toBe(failed.attribute);
  });
});
