/**
 * Kubernetes versions in Amazon EKS standard support, as of 2026-11 (a version gets about
 * 14 months). Update this list with each EKS release; the cluster construct accepts only
 * these and the guardrail GP-EKS-005 warns below the oldest.
 */
export const EKS_SUPPORTED_VERSIONS = ['1.33', '1.34', '1.35', '1.36'] as const;
export const EKS_DEFAULT_VERSION = '1.35';
export const EKS_MIN_VERSION = EKS_SUPPORTED_VERSIONS[0];
