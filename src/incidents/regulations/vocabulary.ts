// The fixed vocabulary the regulation data and the code share: the Guide's four levels, the operator
// types the Measures give deadlines for, the kinds of report and the facts an analyst can enter. The
// numbers and deadlines attached to them are data (data/regulations/); only the names live here,
// because code branches on them.

/** How far a record has been checked: shared by all regulation data, so it lives in core/. */
export { CONFIDENCES, type Confidence } from '../../core/regulations/confidence.js';

/** Grading Guide levels, lowest first, so a level's index is its rank. */
export const INCIDENT_LEVELS = ['general', 'relatively-major', 'major', 'particularly-major'] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];

/** The levels a criterion can set a threshold for: general is what is left when none is reached. */
export const GRADED_LEVELS = ['particularly-major', 'major', 'relatively-major'] as const;
export type GradedLevel = (typeof GRADED_LEVELS)[number];

export function levelRank(level: IncidentLevel): number {
  return INCIDENT_LEVELS.indexOf(level);
}

/** Incident Reporting Measures Art. 4: who reports decides to whom and how fast. */
export const OPERATOR_TYPES = ['cii-operator', 'central-state-organ', 'other-operator'] as const;
export type OperatorType = (typeof OPERATOR_TYPES)[number];

export const REPORT_KINDS = ['first', 'follow-up', 'closing'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Facts measured as a number (hours, percent, people, yuan). */
export const QUANTITY_FACTS = [
  'ciiFullyDownHours',
  'ciiMainFunctionsDownHours',
  'portalUnreachableHours',
  'provincePopulationSharePercent',
  'cityPopulationSharePercent',
  'peopleLosingEssentialServices',
  'personalInformationPeopleLeaked',
  'directEconomicLossYuan',
] as const;
export type QuantityFact = (typeof QUANTITY_FACTS)[number];

/** The one fact measured on an ordered scale of words rather than a number. */
export const SERIOUSNESS_FACT = 'coreOrImportantDataLeakSeriousness';
export type SeriousnessFact = typeof SERIOUSNESS_FACT;

export const FACT_NAMES = [...QUANTITY_FACTS, SERIOUSNESS_FACT] as const;
export type FactName = (typeof FACT_NAMES)[number];

export const CRITERION_UNITS = ['hours', 'percent', 'people', 'yuan', 'seriousness'] as const;
export type CriterionUnit = (typeof CRITERION_UNITS)[number];
