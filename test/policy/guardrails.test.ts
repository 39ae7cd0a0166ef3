import { readFileSync } from 'fs';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Construct } from 'constructs';
import { SecureBucket } from '../../constructs/baseline/secure-bucket';
import { TerraformStack, Testing } from '../../src/cdk';
import { GoldenPathContext } from '../../src/core/context';
import { Guardrails } from '../../src/policy/guardrails';
import { AWS_BASELINE } from '../../src/policy/packs';
import { Suppressions } from '../../src/policy/suppressions';
import { testStack } from '../helpers';

describe('Guardrails at synth time', () => {
  test('a non-compliant stack fails synth with the rule id and construct path', () => {
    const { stack } = testStack();
    Guardrails.apply(stack);
    new S3Bucket(new Construct(stack, 'team'), 'naked', { bucket: 'naked-bucket' });
    expect(() => Testing.fullSynth(stack))
      .toThrow(/\[test\/team\/naked\] \[GP-S3-001\] Bucket blocks all public access: no aws_s3_bucket_public_access_block refers to this bucket/);
  });

  test('warnings and infos annotate but do not fail synth; annotations reach manifest.json', () => {
    const { stack } = testStack();
    Guardrails.apply(stack, { packs: [AWS_BASELINE] });
    new SqsQueue(stack, 'jobs', { name: 'jobs', kmsMasterKeyId: 'arn:key' }); // GP-SQS-003 is a warning
    const out = Testing.fullSynth(stack);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const messages = manifest.stacks.test.annotations.map((a: any) => `${a.level} ${a.constructPath} ${a.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^@cdktf\/warn test\/jobs \[GP-SQS-003\] SQS queue has a dead-letter queue/));
  });

  test('golden-path stacks hold only golden-path resources to the rules', () => {
    const { stack } = testStack();
    GoldenPathContext.set(stack, { team: 'payments', service: 'ledger', environment: 'dev' });
    new SecureBucket(stack, 'ours', { bucketName: 'ours-bucket', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k' });
    new S3Bucket(stack, 'theirs', { bucket: 'theirs-bucket' }); // a team's own, left to `goldenpath check`
    expect(() => Testing.fullSynth(stack)).not.toThrow();
  });

  test('a golden-path construct without an owner fails synth naming the missing context', () => {
    const { stack } = testStack();
    new SecureBucket(stack, 'orphan', { bucketName: 'orphan-bucket', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k' });
    expect(() => Testing.fullSynth(stack)).toThrow(/\[test\/orphan\/bucket\] \[GP-OWN-001\].*Set `team` in the GoldenPathContext/);
  });

  test('applied to the App, the guardrails hold every stack (cdktf runs Aspects from each stack down)', () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    for (const stack of [a, b]) new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    Guardrails.apply(app, { packs: [AWS_BASELINE] });
    new S3Bucket(a, 'naked', { bucket: 'naked-a' });
    new S3Bucket(new Construct(b, 'team'), 'naked', { bucket: 'naked-b' });
    expect(() => app.synth()).toThrow(/\[a\/naked\] \[GP-S3-001\]/);
    expect(() => Testing.fullSynth(b)).toThrow(/\[b\/team\/naked\] \[GP-S3-001\]/);
  });

  test('a stack created after Guardrails.apply(app) fails synth instead of going unchecked', () => {
    const app = Testing.app();
    new TerraformStack(app, 'early');
    Guardrails.apply(app);
    new TerraformStack(app, 'late');
    expect(() => app.synth()).toThrow(/Guardrails.apply\(app\) ran before stack late was created/);
  });

  test('a suppression with a reason lets synth pass, quietly; GOLDENPATH_VERBOSE=1 reports it as info', () => {
    const synth = () => {
      const { stack } = testStack();
      Guardrails.apply(stack, { packs: [{ name: 'p', description: 'd', rules: AWS_BASELINE.rules.filter((r) => r.id === 'GP-S3-001') }] });
      const team = new Construct(stack, 'team');
      new S3Bucket(team, 'site', { bucket: 'public-site' });
      Suppressions.add(team, { ruleId: 'GP-S3-001', reason: 'static website served straight from S3' });
      return JSON.parse(readFileSync(join(Testing.fullSynth(stack), 'manifest.json'), 'utf8')).stacks.test.annotations;
    };
    const suppressed = expect.objectContaining({
      level: '@cdktf/info', constructPath: 'test/team/site', message: expect.stringMatching(/\[GP-S3-001\].*suppressed: static website served straight from S3/),
    });
    expect(synth()).not.toContainEqual(suppressed);
    process.env.GOLDENPATH_VERBOSE = '1';
    try {
      expect(synth()).toContainEqual(suppressed);
    } finally {
      delete process.env.GOLDENPATH_VERBOSE;
    }
  });

  test('a resource under two Guardrails (the built-in one and Guardrails.apply) is told each finding once', () => {
    const { stack } = testStack();
    GoldenPathContext.set(stack, { team: 'payments', service: 'ledger', environment: 'dev' });
    Guardrails.apply(stack); // on top of the built-in Guardrails every golden-path construct brings
    // SSE-S3 with a reason: two suppressed findings, reported (as info) under GOLDENPATH_VERBOSE
    new SecureBucket(stack, 'ours', { bucketName: 'ours-bucket', s3ManagedEncryptionReason: 'a test of duplicates' });
    process.env.GOLDENPATH_VERBOSE = '1';
    let annotations: Array<{ constructPath: string; message: string }>;
    try {
      annotations = JSON.parse(readFileSync(join(Testing.fullSynth(stack), 'manifest.json'), 'utf8')).stacks.test.annotations;
    } finally {
      delete process.env.GOLDENPATH_VERBOSE;
    }
    const told = annotations.map((a) => `${a.constructPath} ${a.message}`);
    expect(told).toContainEqual(expect.stringMatching(/GP-S3-002.*suppressed: a test of duplicates/));
    expect(new Set(told).size).toBe(told.length);
  });
});

describe('Guardrails hand their resolved JSON to the writer', () => {
  test('cdk.tf.json is what a fresh serialization gives, and the hand-over is used once', () => {
    const { stack } = testStack();
    Guardrails.apply(stack, { packs: [AWS_BASELINE] });
    new SqsQueue(stack, 'jobs', { name: 'jobs', kmsMasterKeyId: 'arn:key' });
    const out = Testing.fullSynth(stack);
    const written = JSON.parse(readFileSync(join(out, 'stacks', 'test', 'cdk.tf.json'), 'utf8'));
    expect(Object.prototype.hasOwnProperty.call(stack, 'toTerraform')).toBe(false);
    expect(written).toEqual(JSON.parse(JSON.stringify(stack.toTerraform())));
  });
});
