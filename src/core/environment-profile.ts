import { P, PropSpec } from './props';

/** Settings that differ between kinds of environment, kept as data rather than if-statements. */
export interface EnvironmentProfile {
  readonly name: 'dev' | 'staging' | 'prod';
  /** Days to keep logs. */
  readonly logRetentionDays: number;
  /** Protect databases and clusters from deletion. */
  readonly deletionProtection: boolean;
  /** One NAT gateway per availability zone (true) or a single shared one. */
  readonly natGatewayPerAz: boolean;
  /** Days to keep automated database backups. */
  readonly backupRetentionDays: number;
  /** Production-like: deployments need reviewers, alerts page. */
  readonly production: boolean;
  /** Fraction of new traces services sample (OTEL_TRACES_SAMPLER_ARG and the X-Ray sampling rule). */
  readonly traceSampleRatio: number;
}

/** An EnvironmentProfile as props carry it, checked at runtime. */
export const PROFILE_SPEC: PropSpec = P.object({
  name: P.enum('dev', 'staging', 'prod'),
  logRetentionDays: P.number({ integer: true, min: 1 }),
  deletionProtection: P.boolean(),
  natGatewayPerAz: P.boolean(),
  backupRetentionDays: P.number({ integer: true, min: 0 }),
  production: P.boolean(),
  traceSampleRatio: P.number({ min: 0, max: 1 }),
});

export const ENVIRONMENT_PROFILES: Record<EnvironmentProfile['name'], EnvironmentProfile> = {
  dev: { name: 'dev', logRetentionDays: 30, deletionProtection: false, natGatewayPerAz: false, backupRetentionDays: 7, production: false, traceSampleRatio: 1 },
  staging: { name: 'staging', logRetentionDays: 90, deletionProtection: false, natGatewayPerAz: false, backupRetentionDays: 7, production: false, traceSampleRatio: 0.5 },
  prod: { name: 'prod', logRetentionDays: 365, deletionProtection: true, natGatewayPerAz: true, backupRetentionDays: 30, production: true, traceSampleRatio: 0.1 },
};
