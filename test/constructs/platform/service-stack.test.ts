import { ServiceStack, ServiceStackProps } from '../../../constructs/platform/service-stack';
import { Service } from '../../../constructs/service/service';
import { Testing } from '../../../src/cdk';
import { blockingFindings, ofType, synthJson } from '../../helpers';

const props: ServiceStackProps = {
  org: 'acme', team: 'payments', service: 'ledger', environment: 'prod', accountId: '222222222222', region: 'eu-west-1', stateAccountId: '111111111111', stateRegion: 'eu-west-1',
};

describe('ServiceStack: a service in its own repository, on the platform another repository builds', () => {
  const app = Testing.app();
  const stack = new ServiceStack(app, 'payments-ledger-prod', props);
  new Service(stack, 'ledger', { environment: stack.serviceEnvironment, image: 'ghcr.io/acme/ledger:1.0.0', description: 'Ledger', slo: { objectivePercent: 99.9 } });
  const json = synthJson(stack);

  test('keeps its state in the platform bucket, under the environment', () => {
    expect(json.terraform.backend.s3).toMatchObject({ bucket: 'acme-tfstate-111111111111', key: 'acme/prod/payments/payments-ledger-prod.tfstate', encrypt: true, use_lockfile: true });
    expect(json.provider.aws[0].allowed_account_ids).toEqual(['222222222222']);
  });

  test('reads the environment and team stacks of the platform through their named outputs', () => {
    const remote = json.data.terraform_remote_state;
    expect(Object.values<any>(remote).map((r) => r.config.key).sort()).toEqual(['acme/prod/payments/acme-prod-payments.tfstate', 'acme/prod/platform/acme-prod.tfstate']);
    expect(json.provider.kubernetes[0].host).toMatch(/^\$\{data\.terraform_remote_state\.platform-acme-prod\.outputs\.goldenpath_cluster_endpoint\}$/);
    const [db] = ofType(json, 'aws_cloudwatch_log_group');
    expect(db.kms_key_id).toMatch(/outputs\.goldenpath_logs_key_arn/);
    const alarm = ofType(json, 'aws_cloudwatch_composite_alarm')[0];
    expect(alarm.alarm_actions).toMatch(/outputs\.goldenpath_alert_topics_page/);
    expect(stack.serviceEnvironment.namespace).toBe('payments');
  });

  test('the service on it passes every built-in guardrail', () => {
    expect(blockingFindings(json)).toEqual([]);
  });

  test.each<[Partial<ServiceStackProps>, RegExp]>([
    [{ accountId: '12' }, /`accountId` must be a 12-digit AWS account id/],
    [{ region: 'Europe' }, /`region` must be an AWS region/],
    [{ team: 'Payments' }, /`team` must be a DNS-1123 label/],
    [{ profile: 'qa' as any }, /`profile` must be one of dev, staging, prod, got "qa"/],
  ])('refuses %o', (over, message) => {
    expect(() => new ServiceStack(Testing.app(), 's', { ...props, ...over })).toThrow(message);
  });
});
