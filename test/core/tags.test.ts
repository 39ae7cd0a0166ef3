import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { Construct } from 'constructs';
import { GoldenPathContext } from '../../src/core/context';
import { TAG_KEYS } from '../../src/core/tags';
import { prepareStack } from '../../src/golden-path';
import { ofType, synthJson, testStack } from '../helpers';

function setup() {
  const { stack } = testStack();
  GoldenPathContext.set(stack, { org: 'acme', environment: 'dev', team: 'payments', costCentre: 'cc-1' });
  prepareStack(stack);
  return stack;
}

describe('standard tags', () => {
  test('every taggable AWS resource gets the standard tags from its ancestors', () => {
    const stack = setup();
    const svc = new Construct(stack, 'ledger');
    GoldenPathContext.set(svc, { service: 'ledger' });
    new SqsQueue(svc, 'queue', { name: 'ledger' });
    const [queue] = ofType(synthJson(stack), 'aws_sqs_queue');
    expect(queue.tags).toEqual({
      [TAG_KEYS.org]: 'acme',
      [TAG_KEYS.environment]: 'dev',
      [TAG_KEYS.team]: 'payments',
      [TAG_KEYS.owner]: 'group:payments',
      [TAG_KEYS.costCentre]: 'cc-1',
      [TAG_KEYS.service]: 'ledger',
      [TAG_KEYS.managedBy]: 'goldenpath',
    });
  });

  test('the nearest context wins and a tag the team set itself is kept', () => {
    const stack = setup();
    const other = new Construct(stack, 'search');
    GoldenPathContext.set(other, { team: 'search' });
    new SqsQueue(other, 'queue', { name: 'q', tags: { [TAG_KEYS.costCentre]: 'cc-override', extra: 'yes' } });
    const [queue] = ofType(synthJson(stack), 'aws_sqs_queue');
    expect(queue.tags[TAG_KEYS.team]).toBe('search');
    expect(queue.tags[TAG_KEYS.costCentre]).toBe('cc-override');
    expect(queue.tags.extra).toBe('yes');
  });

  test('resources without a tags argument are left alone', () => {
    const stack = setup();
    new IamRolePolicyAttachment(stack, 'attach', { role: 'r', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    const [attachment] = ofType(synthJson(stack), 'aws_iam_role_policy_attachment');
    expect(attachment.tags).toBeUndefined();
  });

  test('Kubernetes objects get the standard labels, keeping their own', () => {
    const stack = setup();
    new NamespaceV1(stack, 'ns', { metadata: { name: 'payments', labels: { own: 'label' } } });
    const [ns] = ofType(synthJson(stack), 'kubernetes_namespace_v1');
    expect(ns.metadata.labels).toMatchObject({
      'goldenpath/team': 'payments',
      'goldenpath/environment': 'dev',
      'app.kubernetes.io/managed-by': 'goldenpath',
      'own': 'label',
    });
  });

  test('a stack that was not prepared gets no tags', () => {
    const { stack } = testStack();
    new SqsQueue(stack, 'queue', { name: 'q' });
    expect(ofType(synthJson(stack), 'aws_sqs_queue')[0].tags).toBeUndefined();
  });
});
