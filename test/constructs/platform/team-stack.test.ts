import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Construct } from 'constructs';
import { Platform } from '../../../constructs/platform';
import { App } from '../../../src/cdk';
import { GoldenPathContext } from '../../../src/core/context';
import { Guardrails } from '../../../src/policy/guardrails';

const team = { name: 'payments', onCall: 'oncall@acme.example', members: ['ana@acme.example'] };

function platform(): { app: App; platform: Platform } {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'goldenpath-team-stack-')) });
  const made = new Platform(app, 'acme', { org: 'acme', environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1' }], teams: [team], stackPerTeam: true });
  Guardrails.apply(app);
  return { app, platform: made };
}

/** The error annotations that fail `cdktf synth` of the app, one per line. */
function errors(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (err) {
    return (err as Error).message.split('\n').filter((line) => line.startsWith('['));
  }
}

describe('a team\'s own resources in its team stack', () => {
  test('without a service, GP-OWN-003 tells the team how to set one', () => {
    const { app, platform: p } = platform();
    new SqsQueue(p.teamStack('dev', 'payments'), 'jobs', { name: 'payments-jobs', kmsMasterKeyId: 'alias/payments', redrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:111111111111:payments-jobs-dlq', maxReceiveCount: 5 }) });
    const found = errors(app);
    const own = found.find((l) => l.includes('GP-OWN-003'));
    expect(own).toBeDefined();
    expect(own).toContain("GoldenPathContext.set(construct, { service: 'jobs' })");
    expect(own).toContain('ServiceStack');
    expect(found.filter((l) => !l.includes('GP-OWN-003'))).toEqual([]); // the queue is otherwise clean
  });

  test('with a service set on a construct above the resource, the stack synthesizes clean', () => {
    const { app, platform: p } = platform();
    const jobs = new Construct(p.teamStack('dev', 'payments'), 'jobs');
    GoldenPathContext.set(jobs, { service: 'jobs' });
    new SqsQueue(jobs, 'queue', { name: 'payments-jobs', kmsMasterKeyId: 'alias/payments', redrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:111111111111:payments-jobs-dlq', maxReceiveCount: 5 }) });
    expect(errors(app)).toEqual([]);
  });

  test('an unknown environment or team is named on its own', () => {
    const { platform: p } = platform();
    expect(() => p.teamStack('prod', 'payments')).toThrow('acme: `environment` must be one of dev, got "prod"');
    expect(() => p.teamStack('dev', 'paymnets')).toThrow('acme: `team` must be one of the teams with a stack in dev: payments, got "paymnets"');
  });
});
