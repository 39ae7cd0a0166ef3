// The acme org's plugins, in one module so the CLI can load them too:
//   goldenpath check cdktf.out --plugin ./examples/acme/plugins.ts   (from a ts-node shell)
// A platform team publishes the same list from its distribution package.
import { costAllocationPlugin } from '../plugins/cost-allocation';
import { pagerDutyPlugin } from '../plugins/pagerduty';

export const plugins = [
  costAllocationPlugin({ platformCostCentre: 'cc-0001' }),
  pagerDutyPlugin({ accountUrl: 'https://acme.pagerduty.com', escalationPolicies: { payments: 'PPAYMNT', search: 'PSEARCH' } }),
];
