import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { runCli } from './run-cli';
import { App, TerraformStack } from '../../src/cdk';
import { Finding } from '../../src/policy/model';
import { Suppressions } from '../../src/policy/suppressions';

const findingsOf = (out: string): Finding[] => JSON.parse(out).findings;
const on = (findings: Finding[], ruleId: string, address?: string) => findings.filter((f) => f.ruleId === ruleId && (!address || f.address === address));

/** Plain Terraform as teams without CDKTF write it: two modules, one HCL, one JSON. */
function terraformTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'gp-tf-'));
  mkdirSync(join(root, 'storage'));
  mkdirSync(join(root, 'queues'));
  writeFileSync(join(root, 'storage', 'variables.tf'), `
variable "versioned" {
  default = true
}
variable "bucket_name" {}
locals {
  org = "o-abc123def4"
}
`);
  writeFileSync(join(root, 'storage', 'main.tf'), `
resource "aws_s3_bucket" "data" {
  bucket = var.bucket_name
  versioning {
    enabled = var.versioned
  }
}

# the block refers to the bucket through the same expression as the bucket's own name
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = var.bucket_name
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.read.json
}

resource "aws_s3_bucket_policy" "org" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.data.arn}/*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = local.org } }
    }]
  })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  dynamic "rule" {
    for_each = var.rules
    content {
      apply_server_side_encryption_by_default {
        sse_algorithm = rule.value
      }
    }
  }
}
`);
  writeFileSync(join(root, 'queues', 'main.tf.json'), JSON.stringify({
    resource: {
      aws_sqs_queue: { jobs: { name: 'jobs', kms_master_key_id: 'alias/aws/sqs' } },
      aws_cloudwatch_log_group: { forever: { name: 'forever', retention_in_days: 0, kms_key_id: 'arn:key' } },
    },
  }, null, 2));
  return root;
}

describe('goldenpath check on plain Terraform', () => {
  const root = terraformTree();

  test('reads every module of a directory of *.tf and *.tf.json, one stack each', async () => {
    const r = await runCli('check', root, '--format', 'json', '--fail-on', 'never');
    expect(r.err).toBe('');
    const report = JSON.parse(r.out);
    expect(report.summary).toMatchObject({ stacks: 2, resources: 7 });
    const stacks = new Set(report.findings.map((f: Finding) => f.stack));
    expect([...stacks].sort()).toEqual(['queues', 'storage']);
  });

  test('resolves variables with defaults, locals, jsonencode and policy documents before judging', async () => {
    const findings = findingsOf((await runCli('check', root, '--format', 'json', '--fail-on', 'never')).out);
    // versioning { enabled = var.versioned } with default true
    expect(on(findings, 'GP-S3-003', 'aws_s3_bucket.data')).toEqual([]);
    // the block naming the bucket through var.bucket_name counts as attached
    expect(on(findings, 'GP-S3-001', 'aws_s3_bucket.data')).toEqual([]);
    // data.aws_iam_policy_document with principals type "*" is a public policy
    expect(on(findings, 'GP-S3-010', 'aws_s3_bucket_policy.data')).toMatchObject([{ status: 'fail', checkov: ['CKV_AWS_70'] }]);
    // jsonencode with an org condition from a local is narrowed
    expect(on(findings, 'GP-S3-010', 'aws_s3_bucket_policy.org')).toEqual([]);
    // a dynamic rule block is unknown, never "encryption uses undefined"
    expect(on(findings, 'GP-S3-011', 'aws_s3_bucket_server_side_encryption_configuration.data')).toMatchObject([{ status: 'unknown' }]);
    expect(findings.some((f) => f.message.includes('undefined'))).toBe(false);
  });

  test('values from terraform.tfvars and *.auto.tfvars win over defaults, as Terraform applies them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-tfvars-'));
    writeFileSync(join(dir, 'main.tf'), 'variable "versioned" {\n  default = true\n}\nvariable "retention" {}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n  versioning {\n    enabled = var.versioned\n  }\n}\nresource "aws_cloudwatch_log_group" "l" {\n  retention_in_days = var.retention\n  kms_key_id = "k"\n}\n');
    writeFileSync(join(dir, 'terraform.tfvars'), 'versioned = false\nretention = 400\n');
    writeFileSync(join(dir, 'b.auto.tfvars.json'), JSON.stringify({ retention: 3 }));
    const findings = findingsOf((await runCli('check', dir, '--format', 'json', '--fail-on', 'never')).out);
    expect(on(findings, 'GP-S3-003', 'aws_s3_bucket.b')).toMatchObject([{ status: 'fail', checkov: ['CKV_AWS_21'] }]);
    // *.auto.tfvars come after terraform.tfvars
    expect(on(findings, 'GP-LOG-003', 'aws_cloudwatch_log_group.l')).toMatchObject([{ status: 'fail', message: 'retention_in_days is 3, below 90' }]);
  });

  test('special values: the AWS-managed queue key and retention 0 ("never expire")', async () => {
    const findings = findingsOf((await runCli('check', root, '--format', 'json', '--fail-on', 'never')).out);
    expect(on(findings, 'GP-SQS-001', 'aws_sqs_queue.jobs')).toMatchObject([{ status: 'fail', checkov: ['CKV2_AWS_73'] }]);
    expect(on(findings, 'GP-LOG-001', 'aws_cloudwatch_log_group.forever')).toMatchObject([{ status: 'fail', checkov: [] }]);
    expect(on(findings, 'GP-LOG-003', 'aws_cloudwatch_log_group.forever')).toEqual([]);
  });

  test('a single *.tf file, and SARIF pointing at its line', async () => {
    const file = join(root, 'storage', 'main.tf');
    const r = await runCli('check', file, '--format', 'sarif', '--fail-on', 'never');
    const sarif = JSON.parse(r.out);
    const result = sarif.runs[0].results.find((x: any) => x.ruleId === 'GP-S3-010');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/storage\/main\.tf$/);
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('resource "aws_s3_bucket_policy" "data"')) + 1;
    expect(result.locations[0].physicalLocation.region.startLine).toBe(line);
  });

  test('a block closed on the line of its last argument is read, with a note (Terraform would refuse it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-brace-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n  versioning_configuration {\n    status = "Suspended"}\n}\n');
    const r = await runCli('check', dir, '--format', 'json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/main\.tf: Terraform would refuse a closing brace on the line of an argument; checked as if on the next line\n$/);
    expect(on(findingsOf(r.out), 'GP-S3-012', 'aws_s3_bucket_versioning.v')).toMatchObject([{ status: 'fail' }]);
  });

  test('bad HCL is one line naming the file, exit 2', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'gp-badtf-'));
    writeFileSync(join(bad, 'main.tf'), 'resource "aws_s3_bucket" "x" {\n  bucket = \n');
    const r = await runCli('check', bad);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/main\.tf: is not valid Terraform HCL/);
  });

  test('a file that is not Terraform, and --cdktf-out without --plan, are refused', async () => {
    const other = join(root, 'notes.txt');
    writeFileSync(other, 'hello');
    expect(await runCli('check', other)).toMatchObject({ code: 2, err: expect.stringMatching(/not a Terraform file/) });
    expect(await runCli('check', root, '--cdktf-out', root)).toMatchObject({ code: 2, err: expect.stringMatching(/--cdktf-out: only maps --plan findings/) });
  });
});

describe('goldenpath check --plan', () => {
  test('judges planned values of a real plan, one stack per module', async () => {
    const plan = join(__dirname, '../fixtures/terraform-plans/tf-summarize-github-modules.json');
    const r = await runCli('check', '--plan', plan, '--pack', 'github-sdlc', '--format', 'json', '--fail-on', 'never');
    const findings = findingsOf(r.out);
    const repos = on(findings, 'GP-GH-001');
    expect(repos.length).toBe(3);
    expect(repos.filter((f) => f.stack.includes('module.github[')).length).toBe(2);
  });

  test('maps findings back to construct paths and honours suppressions through --cdktf-out', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'gp-plan-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'data');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const bucket = new S3Bucket(stack, 'bucket', { bucket: 'acme-data' });
    new S3BucketPublicAccessBlock(stack, 'pab', { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    Suppressions.add(stack, { ruleId: 'GP-S3-008', reason: 'logs go to CloudTrail data events' });
    app.synth();
    const synthesized = JSON.parse(readFileSync(join(outdir, 'stacks', 'data', 'cdk.tf.json'), 'utf8'));
    const bucketName = Object.keys(synthesized.resource.aws_s3_bucket)[0];
    const pabName = Object.keys(synthesized.resource.aws_s3_bucket_public_access_block)[0];
    // the plan terraform would print: every value known, except the bucket id the block refers to
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            { address: `aws_s3_bucket.${bucketName}`, mode: 'managed', type: 'aws_s3_bucket', name: bucketName, values: { bucket: 'acme-data', force_destroy: false, acl: 'public-read' } },
            {
              address: `aws_s3_bucket_public_access_block.${pabName}`,
              mode: 'managed',
              type: 'aws_s3_bucket_public_access_block',
              name: pabName,
              values: { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: false },
            },
          ],
        },
      },
      resource_changes: [
        { address: `aws_s3_bucket_public_access_block.${pabName}`, change: { actions: ['create'], after_unknown: { bucket: true } } },
      ],
      configuration: {
        root_module: {
          resources: [{ address: `aws_s3_bucket_public_access_block.${pabName}`, expressions: { bucket: { references: [`aws_s3_bucket.${bucketName}.id`, `aws_s3_bucket.${bucketName}`] } } }],
        },
      },
    };
    const planFile = join(outdir, 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const findings = findingsOf((await runCli('check', '--plan', planFile, '--cdktf-out', outdir, '--format', 'json', '--fail-on', 'never')).out);
    // the planned value (restrict_public_buckets false) is judged, on the block found through the configuration reference
    expect(on(findings, 'GP-S3-001')).toMatchObject([{ status: 'fail', constructPath: 'data/bucket', stack: 'data' }]);
    expect(on(findings, 'GP-S3-006')).toMatchObject([{ status: 'fail', checkov: ['CKV_AWS_20'], constructPath: 'data/bucket' }]);
    expect(on(findings, 'GP-S3-008')).toMatchObject([{ status: 'suppressed' }]);
  });

  test('a file that is not a plan is one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-noplan-'));
    writeFileSync(join(dir, 'plan.json'), '{"resource": {}}');
    const r = await runCli('check', '--plan', join(dir, 'plan.json'));
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/is not a plan as JSON/) });
  });
});
