import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
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

/** What a secret parameter holds until someone puts the real value in (see secureParameter). */
export const UNSET_SECRET = 'unset';

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
    // each read of an attribute is a new token: keep the one handed out
    const secrets: Array<{ parameter: SsmParameter; value: string }> = [];
    Plugins.runAlertRoutingHooks(this, {
      team: props.team,
      context: GoldenPathContext.of(this),
      subscribeHttps: (severity, url, source) => {
        if (!/^https:\/\/\S+$/.test(url)) throw new PlatformValidationError(this, `${source} subscription`, url, 'must be an https:// URL');
        const subscription = subscribe(severity, `plugin-${++added}`, url);
        // a secret still unset would subscribe a URL that never confirms: subscribe once it is put
        const secret = secrets.find((s) => url.includes(s.value))?.parameter;
        if (secret) subscription.addOverride('count', `\${nonsensitive(${secret.terraformResourceType}.${secret.friendlyUniqueId}.value != "${UNSET_SECRET}") ? 1 : 0}`);
      },
      secureParameter: (name) => {
        if (!/^\/[A-Za-z0-9_.\-/]+$/.test(name)) throw new PlatformValidationError(this, 'secureParameter', name, 'must be an SSM parameter path such as /team/secret');
        // created here, not read: a data source would fail the first plan on a parameter nobody
        // has made yet. The real value is put by hand (`aws ssm put-parameter --overwrite`) and
        // Terraform leaves it alone; the next apply reads it back on refresh.
        const parameter = new SsmParameter(this, `parameter-${name.replace(/[^A-Za-z0-9]+/g, '-')}`, {
          name,
          type: 'SecureString',
          keyId: key.keyArn,
          value: UNSET_SECRET,
          description: `Secret for ${props.team} alerts; put the real value with aws ssm put-parameter --overwrite`,
          lifecycle: { ignoreChanges: ['value'] },
        });
        const value = parameter.value;
        secrets.push({ parameter, value });
        return value;
      },
    });
  }

  public topicArns(severity: AlertSeverity): string[] {
    return [this.topics[severity].arn];
  }
}
