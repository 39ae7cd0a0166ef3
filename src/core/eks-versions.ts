/**
 * Kubernetes versions in Amazon EKS standard support, with the day standard support ends
 * (14 months after EKS releases a version; afterwards extended support costs extra, and
 * clusters here turn it off with `upgrade_policy { support_type = "STANDARD" }`, so EKS
 * upgrades them instead). Update this table with each EKS release: the cluster construct
 * accepts only these, warns within EKS_SUPPORT_WARNING_DAYS of the end, and GP-EKS-005
 * warns below the oldest.
 */
export const EKS_VERSIONS = [
  // released 2026-01-28 (EKS release calendar)
  { version: '1.35', endOfStandardSupport: '2027-03-27' },
  // 14 months after its EKS release; check the date on the EKS release calendar when it is published
  { version: '1.36', endOfStandardSupport: '2027-07-31' },
] as const;

export const EKS_SUPPORTED_VERSIONS = EKS_VERSIONS.map((v) => v.version);
/** The newest version: a new cluster gets the longest time before its first upgrade. */
export const EKS_DEFAULT_VERSION: string = EKS_VERSIONS[EKS_VERSIONS.length - 1].version;
export const EKS_MIN_VERSION: string = EKS_VERSIONS[0].version;
/** A synth warning this many days before a version's standard support ends. */
export const EKS_SUPPORT_WARNING_DAYS = 90;

/** Days from `today` until the version's standard support ends (negative once ended), or undefined for a version not in the table. */
export function daysOfStandardSupportLeft(version: string, today: Date): number | undefined {
  const entry = EKS_VERSIONS.find((v) => v.version === version);
  if (!entry) return undefined;
  return Math.floor((Date.parse(`${entry.endOfStandardSupport}T00:00:00Z`) - today.getTime()) / 86_400_000);
}
