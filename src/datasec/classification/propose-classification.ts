// Proposes a data asset's level from the harms its leak or misuse would do, with the GB/T 43697-2024
// matrix. The proposal is the highest level any one impact reaches; a person decides the level.
import { rampartError } from '../../core/errors.js';
import { AFFECTED_OBJECTS, HARM_DEGREES, dataLevelRank, type AffectedObject, type DataLevel, type HarmDegree } from './classification-vocabulary.js';
import type { ClassificationRules } from './load-classification-rules.js';
import type { ReasoningStep } from './reasoning-step.js';

export interface DataImpact {
  readonly object: AffectedObject;
  readonly harm: HarmDegree;
}

export interface ClassificationProposal {
  readonly level: DataLevel;
  /** One step per impact, in the order given, then the conclusion. */
  readonly reasoning: readonly ReasoningStep[];
}

export function proposeClassification(impacts: readonly DataImpact[], rules: ClassificationRules): ClassificationProposal {
  const matrix = rules.matrix;
  const citation = { source: matrix.source, confidence: matrix.confidence };
  if (impacts.length === 0) {
    return {
      level: 'general',
      reasoning: [{ text: 'no harm to national security, the economy, social order, the public interest or anyone’s rights was stated, so the data is general', ...citation }],
    };
  }
  let level: DataLevel = 'general';
  const reasoning: ReasoningStep[] = impacts.map((impact, index) => {
    checkImpact(impact, index);
    const reached = matrix[impact.object][impact.harm];
    if (dataLevelRank(reached) > dataLevelRank(level)) level = reached;
    return { text: `${rules.harms[impact.harm].name} to ${rules.objects[impact.object].name} → ${rules.levels[reached].name}`, ...citation };
  });
  const chosen = rules.levels[level];
  const many = impacts.length > 1 ? 'the highest level any impact reaches: ' : '';
  reasoning.push({ text: `proposed level: ${many}${chosen.name} (${chosen.nameZh}), to be decided by a person`, source: chosen.source, confidence: chosen.confidence });
  return { level, reasoning };
}

function checkImpact(impact: DataImpact, index: number): void {
  if (!AFFECTED_OBJECTS.includes(impact?.object)) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: `impacts[${index}].object`, reason: `expected one of ${AFFECTED_OBJECTS.join(', ')}` });
  }
  if (!HARM_DEGREES.includes(impact.harm)) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: `impacts[${index}].harm`, reason: `expected one of ${HARM_DEGREES.join(', ')}` });
  }
}
