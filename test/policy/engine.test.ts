import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Construct } from 'constructs';
import { evaluate, evaluateStack, reachesThreshold, RuleSet } from '../../src/policy/engine';
import { Pack } from '../../src/policy/model';
import { AWS_BASELINE, BUILT_IN_PACKS } from '../../src/policy/packs';
import { stackView } from '../../src/policy/stack-view';
import { Suppressions } from '../../src/policy/suppressions';
import { synthJson, testStack } from '../helpers';

const all = new RuleSet(BUILT_IN_PACKS);

function bucketStack() {
  const { stack } = testStack();
  const team = new Construct(stack, 'team');
  new S3Bucket(team, 'raw', { bucket: 'raw-bucket' });
  return { stack, team };
}

const findingsFor = (json: any, ruleSet = all, now?: Date) => evaluateStack(stackView('test', json), ruleSet, now);

describe('suppressions', () => {
  test('a suppression on a construct covers its children, is written into metadata and honoured', () => {
    const { stack, team } = bucketStack();
    Suppressions.add(team, { ruleId: 'GP-S3-008', reason: 'access logs go to CloudTrail data events instead' });
    const json = synthJson(stack);
    const bucket = Object.values<any>(json.resource.aws_s3_bucket)[0];
    expect(bucket['//'].goldenpath.suppressions).toEqual([{ ruleId: 'GP-S3-008', reason: 'access logs go to CloudTrail data events instead' }]);
    const finding = findingsFor(json).find((f) => f.ruleId === 'GP-S3-008')!;
    expect(finding.status).toBe('suppressed');
    expect(finding.suppression?.reason).toMatch(/CloudTrail data events/);
    // other rules still fire
    expect(findingsFor(json).find((f) => f.ruleId === 'GP-S3-001')?.status).toBe('fail');
  });

  test('a stack-level suppression covers every resource, written once on the stack', () => {
    const { stack } = bucketStack();
    Suppressions.add(stack, { ruleId: 'GP-S3-007', reason: 'scratch stack, destroyed nightly' });
    const json = synthJson(stack);
    expect(json['//'].goldenpath.suppressions).toHaveLength(1);
    expect(Object.values<any>(json.resource.aws_s3_bucket)[0]['//'].goldenpath?.suppressions).toBeUndefined();
    expect(findingsFor(json).find((f) => f.ruleId === 'GP-S3-007')?.status).toBe('suppressed');
  });

  test('an expired suppression stops working and says so', () => {
    const { stack, team } = bucketStack();
    Suppressions.add(team, { ruleId: 'GP-S3-001', reason: 'public website until the CDN migration', expires: '2026-01-31' });
    const json = synthJson(stack);
    expect(findingsFor(json, all, new Date('2026-01-31T12:00:00Z')).find((f) => f.ruleId === 'GP-S3-001')?.status).toBe('suppressed');
    const late = findingsFor(json, all, new Date('2026-02-01T00:00:00Z')).find((f) => f.ruleId === 'GP-S3-001')!;
    expect(late.status).toBe('fail');
    expect(late.message).toMatch(/suppression expired on 2026-01-31 \(reason was: public website until the CDN migration\)/);
  });

  test('a pack can forbid suppressing its error-level rules', () => {
    const { stack, team } = bucketStack();
    Suppressions.add(team, { ruleId: 'GP-S3-001', reason: 'we really want this one public' }, { ruleId: 'GP-S3-008', reason: 'warnings may still be suppressed' });
    const strict: Pack = { ...AWS_BASELINE, name: 'strict', forbidSuppressingErrors: true };
    const findings = findingsFor(synthJson(stack), new RuleSet([strict]));
    const refused = findings.find((f) => f.ruleId === 'GP-S3-001')!;
    expect(refused.status).toBe('fail');
    expect(refused.message).toMatch(/suppression refused: pack strict does not allow suppressing error-level rules/);
    expect(findings.find((f) => f.ruleId === 'GP-S3-008')?.status).toBe('suppressed');
  });

  describe('validation', () => {
    const scope = () => new Construct(testStack().stack, 'x');
    test('reason shorter than 10 characters', () => {
      expect(() => Suppressions.add(scope(), { ruleId: 'GP-S3-001', reason: 'because' }))
        .toThrow('test/x: `suppressions[0].reason` must explain the exception in at least 10 characters, got "because"');
    });
    test('malformed rule id', () => {
      expect(() => Suppressions.add(scope(), { ruleId: 'CKV_AWS_19', reason: 'long enough reason' }))
        .toThrow('test/x: `suppressions[0].ruleId` must be a rule id like GP-S3-001, got "CKV_AWS_19"');
    });
    test('bad expiry date', () => {
      expect(() => Suppressions.add(scope(), { ruleId: 'GP-S3-001', reason: 'long enough reason', expires: '2026-02-30' }))
        .toThrow('test/x: `suppressions[0].expires` must be an ISO date (YYYY-MM-DD), got "2026-02-30"');
    });
  });
});

describe('engine', () => {
  test('findings follow the JSON contract and carry the construct path and Checkov ids', () => {
    const { stack } = bucketStack();
    const f = findingsFor(synthJson(stack)).find((x) => x.ruleId === 'GP-S3-002')!;
    expect(f).toEqual({
      ruleId: 'GP-S3-002',
      title: 'Bucket is encrypted with a KMS key',
      severity: 'error',
      status: 'fail',
      stack: 'test',
      address: expect.stringMatching(/^aws_s3_bucket\.team_raw_/),
      constructPath: 'test/team/raw',
      message: 'no server-side encryption configuration refers to this bucket',
      attribute: undefined,
      checkov: ['CKV_AWS_145', 'CKV_AWS_19'],
      remediation: expect.stringContaining('aws:kms'),
    });
  });

  test('a value only known at plan time is reported as unknown, never as a pass', () => {
    const json = { resource: { aws_sqs_queue: { q: { name: 'q', kms_master_key_id: 'k', redrive_policy: 'x', policy: '${data.aws_iam_policy_document.q.json}' } } } };
    const f = findingsFor(json).find((x) => x.ruleId === 'GP-SQS-002')!;
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/resolved at plan time/);
  });

  test('pack severities override rule severities, and the summary counts by severity', () => {
    const { stack } = testStack();
    new SqsQueue(stack, 'q', { name: 'jobs', kmsMasterKeyId: 'k' });
    const json = synthJson(stack);
    const relaxed: Pack = { ...AWS_BASELINE, severities: { 'GP-SQS-003': 'info' } };
    const report = evaluate([stackView('s', json)], new RuleSet([relaxed]));
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['GP-SQS-003', 'info']]);
    expect(report.summary).toMatchObject({ stacks: 1, resources: 1, error: 0, warning: 0, info: 1 });
  });

  test('thresholds: unknown and suppressed never fail a run', () => {
    const report = (severity: 'error' | 'warning' | 'info', status: 'fail' | 'unknown' | 'suppressed') => ({
      findings: [{ severity, status } as any], summary: {} as any,
    });
    expect(reachesThreshold(report('warning', 'fail'), 'error')).toBe(false);
    expect(reachesThreshold(report('warning', 'fail'), 'warning')).toBe(true);
    expect(reachesThreshold(report('error', 'fail'), 'never')).toBe(false);
    expect(reachesThreshold(report('info', 'fail'), 'info')).toBe(true);
    expect(reachesThreshold(report('error', 'unknown'), 'info')).toBe(false);
    expect(reachesThreshold(report('error', 'suppressed'), 'info')).toBe(false);
  });

  test('the first pack naming a rule decides its severity; each rule runs once', () => {
    const a: Pack = { name: 'a', description: 'a', rules: AWS_BASELINE.rules, severities: { 'GP-S3-001': 'warning' } };
    const set = new RuleSet([a, AWS_BASELINE]);
    expect(set.rules.filter((r) => r.rule.id === 'GP-S3-001').map((r) => r.severity)).toEqual(['warning']);
  });
});
