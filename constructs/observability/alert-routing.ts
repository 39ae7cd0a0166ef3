import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { GoldenPathContext } from '../../src/core/context';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';
import { Plugins } from '../../src/plugins/registry';
import { EncryptionKey } from '../baseline/encryption-key';

export type AlertSeverity = 'page' | 'ticket';

export interface AlertRoutingProps {
  readonly accountId: string;
  /** The team the alerts belong to. */
  readonly team: string;
  /** Where pages go: an e-mail address or an https endpoint (the team's on-call). @default - no page subscription */
  readonly onCall?: string;
  /** PagerDuty (or similar) integration URL, https; pages go there. @default - none */
  readonly pagerDutyUrl?: string;
  /** E-mail addresses that receive tickets. @default - none */
  readonly ticketEmails?: string[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** AlertRoutingProps, checked at runtime. */
const ALERT_ROUTING_PROPS: PropsSchema = {
  accountId: P.string(),
  team: P.string(),
  onCall: opt(P.string()),
  pagerDutyUrl: opt(P.string()),
  ticketEmails: opt(P.list(P.string())),
};

/**
 * Per team and severity an encrypted SNS topic (its own key, usable by CloudWatch for this
 * account only), a topic policy that lets only CloudWatch alarms of this account publish,
 * and the subscriptions: pages to PagerDuty and the on-call, tickets to e-mail.
 */
export class AlertRouting extends Construct {
  public readonly topics: Record<AlertSeverity, SnsTopic>;

  constructor(scope: Construct, id: string, props: AlertRoutingProps) {
    super(scope, id);
    checkProps(this, props, ALERT_ROUTING_PROPS, 'AlertRoutingProps');
    markGoldenPath(this, 'alert-routing', { team: props.team, service: 'alerting' });
    validateName(this, 'team', props.team, 'kubernetesName');
    if (props.onCall !== undefined && !EMAIL.test(props.onCall) && !props.onCall.startsWith('https://')) {
      throw new PlatformValidationError(this, 'onCall', props.onCall, 'must be an e-mail address or an https:// endpoint');
    }
    if (props.pagerDutyUrl !== undefined && !/^https:\/\/\S+$/.test(props.pagerDutyUrl)) {
      throw new PlatformValidationError(this, 'pagerDutyUrl', props.pagerDutyUrl, 'must be an https:// integration URL');
    }
    (props.ticketEmails ?? []).forEach((e, i) => {
      if (!EMAIL.test(e)) throw new PlatformValidationError(this, `ticketEmails[${i}]`, e, 'must be an e-mail address');
    });
    const key = new EncryptionKey(this, 'key', { accountId: props.accountId, purpose: `${props.team} alerts`, alias: `alerts/${props.team}`, allowServices: ['cloudwatch.amazonaws.com'] });
    const topic = (severity: AlertSeverity) => {
      const t = new SnsTopic(this, severity, { name: deriveName('snsTopic', props.team, 'alerts', severity), kmsMasterKeyId: key.keyArn });
      new SnsTopicPolicy(this, `${severity}-policy`, {
        arn: t.arn,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{
            Sid: 'CloudWatchAlarmsOfThisAccount',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: t.arn,
            Condition: { StringEquals: { 'aws:SourceAccount': props.accountId } },
          }],
        }),
      });
      return t;
    };
    this.topics = { page: topic('page'), ticket: topic('ticket') };
    const subscribe = (severity: AlertSeverity, name: string, endpoint: string) => new SnsTopicSubscription(this, `${severity}-${name}`, {
      topicArn: this.topics[severity].arn,
      protocol: endpoint.startsWith('https://') ? 'https' : 'email',
      endpoint,
      endpointAutoConfirms: endpoint.startsWith('https://') ? true : undefined,
    });
    if (props.pagerDutyUrl) subscribe('page', 'pagerduty', props.pagerDutyUrl);
    if (props.onCall) subscribe('page', 'on-call', props.onCall);
    (props.ticketEmails ?? []).forEach((e, i) => subscribe('ticket', `email-${i}`, e));
    if (props.onCall && EMAIL.test(props.onCall) && !(props.ticketEmails ?? []).includes(props.onCall)) subscribe('ticket', 'on-call', props.onCall);
    // plugins may route alerts to more places (an incident tool's integration)
    let added = 0;
    Plugins.runAlertRoutingHooks(this, {
      team: props.team,
      context: GoldenPathContext.of(this),
      subscribeHttps: (severity, url, source) => {
        if (!/^https:\/\/\S+$/.test(url)) throw new PlatformValidationError(this, `${source} subscription`, url, 'must be an https:// URL');
        subscribe(severity, `plugin-${++added}`, url);
      },
      secureParameter: (name) => {
        if (!/^\/[A-Za-z0-9_.\-/]+$/.test(name)) throw new PlatformValidationError(this, 'secureParameter', name, 'must be an SSM parameter path such as /team/secret');
        return new DataAwsSsmParameter(this, `parameter-${name.replace(/[^A-Za-z0-9]+/g, '-')}`, { name, withDecryption: true }).value;
      },
    });
  }

  public topicArns(severity: AlertSeverity): string[] {
    return [this.topics[severity].arn];
  }
}
