import { readFileSync } from 'fs';
import { join } from 'path';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { Construct } from 'constructs';
import { GoldenPathContext } from '../../src/core/context';
import { goldenPathVersion } from '../../src/core/version';
import { markGoldenPath } from '../../src/golden-path';
import { synthJson, testStack } from '../helpers';

describe('"//" metadata', () => {
  test('resources inside a golden-path construct carry owner, team, environment, service and kind', () => {
    const { stack } = testStack();
    GoldenPathContext.set(stack, { org: 'acme', environment: 'prod', team: 'payments' });
    const svc = new Construct(stack, 'ledger');
    markGoldenPath(svc, 'service', { service: 'ledger' });
    new SqsQueue(svc, 'queue', { name: 'ledger' });
    new SqsQueue(stack, 'own', { name: 'own' });
    const json = synthJson(stack);
    const queues = json.resource.aws_sqs_queue;
    const ours = Object.values<any>(queues).find((q) => q.name === 'ledger');
    expect(ours['//'].goldenpath).toEqual({
      kind: 'service',
      version: goldenPathVersion(),
      org: 'acme',
      team: 'payments',
      owner: 'group:payments',
      environment: 'prod',
      service: 'ledger',
    });
    // cdktf's own metadata stays next to ours
    expect(ours['//'].metadata.path).toBe('test/ledger/queue');
    // a team's own resource is tagged but not described as a golden path
    const own = Object.values<any>(queues).find((q) => q.name === 'own');
    expect(own['//'].goldenpath).toBeUndefined();
  });

  test('the stack carries its context', () => {
    const { stack } = testStack();
    GoldenPathContext.set(stack, { org: 'acme', environment: 'dev' });
    markGoldenPath(new Construct(stack, 'x'), 'thing');
    expect(synthJson(stack)['//'].goldenpath).toMatchObject({ org: 'acme', environment: 'dev' });
  });

  test('the version is the package version', () => {
    expect(goldenPathVersion()).toBe(JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version);
  });
});
