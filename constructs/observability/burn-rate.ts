/** One multiwindow, multi-burn-rate alert (Google SRE workbook, "Alerting on SLOs"). */
export interface BurnRateWindow {
  readonly severity: 'page' | 'ticket';
  /** Long window, e.g. '1h'. */
  readonly long: string;
  /** Short window, a twelfth of the long one, so the alert stops soon after the burn stops. */
  readonly short: string;
  /** How many times faster than sustainable the budget burns. */
  readonly burnRate: number;
}

/** For a 30-day SLO: 2% of the budget in 1 h, 5% in 6 h (page); 10% in 3 d (ticket). */
export const BURN_RATE_WINDOWS: readonly BurnRateWindow[] = [
  { severity: 'page', long: '1h', short: '5m', burnRate: 14.4 },
  { severity: 'page', long: '6h', short: '30m', burnRate: 6 },
  { severity: 'ticket', long: '3d', short: '6h', burnRate: 1 },
];

const UNIT_SECONDS: Record<string, number> = { m: 60, h: 3600, d: 86400 };

/** '5m' → 300, '3d' → 259200. */
export function windowSeconds(window: string): number {
  const m = /^(\d+)([mhd])$/.exec(window);
  if (!m) throw new Error(`not a window: ${window}`);
  return Number(m[1]) * UNIT_SECONDS[m[2]];
}

/** Drop floating-point noise: 14.4 × (1 − 0.999) is 0.0144, not 0.014400000000000013. */
export function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/** The error budget as a ratio: 99.9 % → 0.001. */
export function errorBudget(objectivePercent: number): number {
  return clean(1 - objectivePercent / 100);
}

/** Alert when the error ratio exceeds burn rate × (1 − objective) over both windows. */
export function burnRateThreshold(objectivePercent: number, burnRate: number): number {
  return clean(burnRate * errorBudget(objectivePercent));
}
