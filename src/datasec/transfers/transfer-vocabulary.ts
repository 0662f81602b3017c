// The fixed names the cross-border transfer data and the code share. The numbers, deadlines and the
// conditions of each exemption are data (data/regulations/cross-border-transfers.yaml); only the names
// live here, because code branches on them.

/** Lowest first, so a route's index is its rank: a transfer takes the highest route any rule reaches. */
export const TRANSFER_ROUTES = ['exempt', 'standard-contract-or-certification', 'security-assessment'] as const;
export type TransferRoute = (typeof TRANSFER_ROUTES)[number];

export function routeRank(route: TransferRoute): number {
  return TRANSFER_ROUTES.indexOf(route);
}

/** Exemptions an operator can claim for a transfer (Order 16 Arts. 3–6). */
export const EXEMPTION_IDS = [
  'no-personal-or-important-data',
  'collected-abroad',
  'contract-with-individual',
  'cross-border-hr',
  'emergency',
  'small-volume',
  'ftz-outside-negative-list',
] as const;
export type ExemptionId = (typeof EXEMPTION_IDS)[number];

/** Which cumulative volume a threshold compares. */
export const VOLUME_KINDS = ['individuals', 'sensitiveIndividuals'] as const;
export type VolumeKind = (typeof VOLUME_KINDS)[number];

export const THRESHOLD_IDS = [
  'individualsStandardContract',
  'individualsSecurityAssessment',
  'sensitiveIndividualsStandardContract',
  'sensitiveIndividualsSecurityAssessment',
] as const;
export type ThresholdId = (typeof THRESHOLD_IDS)[number];
