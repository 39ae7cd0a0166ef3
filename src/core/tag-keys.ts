// Apart from the tagging aspect, so the guardrails (and the CLI) read the keys without loading cdktf.

/** Tag keys written on every taggable AWS resource. */
export const TAG_KEYS = {
  org: 'goldenpath:org',
  team: 'goldenpath:team',
  owner: 'goldenpath:owner',
  service: 'goldenpath:service',
  environment: 'goldenpath:environment',
  costCentre: 'goldenpath:cost-centre',
  managedBy: 'goldenpath:managed-by',
} as const;
