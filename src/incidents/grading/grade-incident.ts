// Grades an incident by the Grading Guide: the level is the highest one any criterion reaches ("any
// of"), and every criterion that reaches it is listed with its threshold, the fact's value, the
// citation and the confidence, so the decision can be shown and checked. Pure: the rules come in as
// loaded data (regulations/load-regulations.ts), nothing is read here.
import { rampartError } from '../../core/errors.js';
import type { RegulationSource } from '../../core/regulations/citation-schema.js';
import type { DeepReadonly } from '../../core/regulations/deep-freeze.js';
import type { GradingRules } from '../regulations/load-regulations.js';
import {
  GRADED_LEVELS,
  OPERATOR_TYPES,
  levelRank,
  type Confidence,
  type CriterionUnit,
  type FactName,
  type GradedLevel,
  type IncidentLevel,
  type OperatorType,
} from '../regulations/vocabulary.js';
import { explainCriterion, formatFactValue } from './explain-criterion.js';
import { parseIncidentFacts, readFact, type EnteredFactName, type IncidentFacts } from './incident-facts.js';
import { meetsThreshold } from './meets-threshold.js';

export interface DecidingCriterion {
  /** The criterion's name in incident-grading.yaml, e.g. `personalInformationLeaked`. */
  readonly criterion: string;
  readonly description: string;
  readonly fact: FactName;
  readonly level: GradedLevel;
  readonly value: number | string;
  readonly threshold: number | string;
  readonly unit: CriterionUnit;
  readonly inclusive: boolean;
  readonly source: DeepReadonly<RegulationSource>;
  readonly confidence: Confidence;
  readonly note?: string;
  /** The threshold came from the user's override file rather than the built-in data. */
  readonly overridden: boolean;
  readonly explanation: string;
}

export interface GradingWarning {
  readonly kind: 'unconfirmed-threshold' | 'missing-facts';
  readonly message: string;
  readonly criterion?: string;
}

export interface IncidentGrade {
  readonly level: IncidentLevel;
  readonly levelName: { readonly en: string; readonly zh: string };
  readonly operatorType: OperatorType;
  readonly mustReport: boolean;
  readonly mustReportRule: { readonly minimumLevel: IncidentLevel; readonly source: DeepReadonly<RegulationSource>; readonly confidence: Confidence };
  /** Every criterion that reaches the level; empty for general. */
  readonly decidedBy: readonly DecidingCriterion[];
  /** Facts not given that some criterion needs: the level may be higher than graded. */
  readonly missingFacts: readonly EnteredFactName[];
  readonly warnings: readonly GradingWarning[];
  /** "major, because …": the decision in one line. */
  readonly summary: string;
}

export interface GradeIncidentInput {
  readonly facts: IncidentFacts;
  /** Grading does not depend on it under the Guide; it is carried so the grade can start the clock. */
  readonly operatorType: OperatorType;
}

export function gradeIncident(input: GradeIncidentInput, rules: GradingRules): IncidentGrade {
  const facts = parseIncidentFacts(input.facts);
  if (!OPERATOR_TYPES.includes(input.operatorType)) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: 'operatorType', reason: `must be one of ${OPERATOR_TYPES.join(', ')}` });
  }

  const missing = new Set<EnteredFactName>();
  const reached = new Map<GradedLevel, DecidingCriterion[]>();
  // The highest level each missing fact could still have decided, for the warning below.
  let highestUndecidable = -1;
  for (const [name, criterion] of Object.entries(rules.criteria)) {
    const reading = readFact(facts, criterion.fact);
    if (!reading.given) {
      missing.add(reading.missing);
      for (const level of GRADED_LEVELS) if (criterion.thresholds[level]) highestUndecidable = Math.max(highestUndecidable, levelRank(level));
      continue;
    }
    for (const level of GRADED_LEVELS) {
      const threshold = criterion.thresholds[level];
      if (threshold === undefined || reading.value === undefined || !meetsThreshold(criterion, threshold, reading.value)) continue;
      const overridden = rules.overriddenRecords.includes(`criteria.${name}.thresholds.${level}`);
      const deciding: DecidingCriterion = {
        criterion: name,
        description: criterion.description,
        fact: criterion.fact,
        level,
        value: reading.value,
        threshold: threshold.value,
        unit: criterion.unit,
        inclusive: threshold.inclusive,
        source: threshold.source,
        confidence: threshold.confidence,
        ...(threshold.note === undefined ? {} : { note: threshold.note }),
        overridden,
        explanation: explainCriterion({
          description: criterion.description,
          value: reading.value,
          threshold: threshold.value,
          inclusive: threshold.inclusive,
          unit: criterion.unit,
          citation: overridden ? `${threshold.source.short}, overridden` : threshold.source.short,
          confidence: threshold.confidence,
        }),
      };
      reached.set(level, [...(reached.get(level) ?? []), deciding]);
      break; // the highest level this criterion reaches is the only one that can decide
    }
  }

  const level: IncidentLevel = GRADED_LEVELS.find((candidate) => reached.has(candidate)) ?? 'general';
  const decidedBy = level === 'general' ? [] : (reached.get(level) ?? []);
  const mustReport = levelRank(level) >= levelRank(rules.mustReport.minimumLevel);
  const missingFacts = [...missing];
  const warnings = gradingWarnings(decidedBy, missingFacts, highestUndecidable > levelRank(level));
  const levelName = rules.levels[level];
  const because = decidedBy.length > 0 ? `because ${decidedBy.map((criterion) => criterion.explanation).join('; and ')}` : 'no criterion of a higher level is reached';
  return {
    level,
    levelName: { en: levelName.name, zh: levelName.nameZh },
    operatorType: input.operatorType,
    mustReport,
    mustReportRule: rules.mustReport,
    decidedBy,
    missingFacts,
    warnings,
    summary: `${levelName.name} (${levelName.nameZh}), ${because}`,
  };
}

function gradingWarnings(decidedBy: readonly DecidingCriterion[], missingFacts: readonly EnteredFactName[], levelMayBeHigher: boolean): GradingWarning[] {
  const warnings: GradingWarning[] = [];
  for (const criterion of decidedBy) {
    if (criterion.confidence === 'verified') continue;
    warnings.push({
      kind: 'unconfirmed-threshold',
      criterion: criterion.criterion,
      message: `The threshold for ${criterion.description} (${formatFactValue(criterion.threshold)}${criterion.unit === 'seriousness' ? '' : ` ${criterion.unit}`}) is ${criterion.confidence}, not confirmed in the final text (${criterion.source.short}); check it or set it in an override file.`,
    });
  }
  if (levelMayBeHigher) {
    warnings.push({ kind: 'missing-facts', message: `Not given: ${missingFacts.join(', ')}. Missing facts are not zero: the level may be higher.` });
  }
  return warnings;
}
