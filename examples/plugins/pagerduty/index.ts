// An alerting plugin: each team's page alarms also go to its PagerDuty service through the
// Events API v2 integration for CloudWatch, and each service's portal page links to the
// team's escalation policy.
import type { GoldenPathPlugin } from '../../../src/plugins/contract';

export interface PagerDutyOptions {
  /** The PagerDuty account's web address, e.g. https://acme.pagerduty.com. */
  readonly accountUrl: string;
  /** Per team, its PagerDuty escalation policy id (e.g. PABC123). Teams not listed are left alone. */
  readonly escalationPolicies: Readonly<Record<string, string>>;
}

/**
 * The integration key is a secret: it stays in SSM Parameter Store (SecureString,
 * `/goldenpath/pagerduty/<team>/integration-key`), never in code or cdktf.out.
 */
export const integrationKeyParameter = (team: string) => `/goldenpath/pagerduty/${team}/integration-key`;

export function pagerDutyPlugin(options: PagerDutyOptions): GoldenPathPlugin {
  if (!/^https:\/\/[a-z0-9-]+\.pagerduty\.com$/.test(options.accountUrl)) throw new Error(`acme-pagerduty: accountUrl must be https://<subdomain>.pagerduty.com, got ${JSON.stringify(options.accountUrl)}`);
  const policy = (team?: string) => (team ? options.escalationPolicies[team] : undefined);
  return {
    name: 'acme-pagerduty',
    version: '1.0.0',
    alertRouting: (routing) => {
      if (!policy(routing.team)) return;
      const key = routing.secureParameter(integrationKeyParameter(routing.team));
      // PagerDuty's CloudWatch integration: Events API v2 behind the enqueue endpoint
      routing.subscribeHttps('page', `https://events.pagerduty.com/integration/${key}/enqueue`);
    },
    portalPanels: ({ context }) => {
      const id = policy(context.team);
      return id ? [{
        title: 'Escalation',
        text: `Pages for this service go to PagerDuty and follow the ${context.team} escalation policy.`,
        links: [{ title: `${context.team} escalation policy`, url: `${options.accountUrl}/escalation_policies/${id}` }],
      }] : [];
    },
  };
}
