// Whether a fact reaches a threshold. 以上 ("at or above") includes the number stated, so the Guide's
// thresholds are inclusive; `inclusive: false` in the data means strictly above.
import { rampartError } from '../../core/errors.js';
import type { DeepReadonly } from '../../core/regulations/deep-freeze.js';
import type { CriterionData, ThresholdData } from '../regulations/grading-schema.js';

type Criterion = DeepReadonly<CriterionData>;
type Threshold = DeepReadonly<ThresholdData>;

export function meetsThreshold(criterion: Criterion, threshold: Threshold, value: number | string | undefined): boolean {
  if (value === undefined) return false;
  const [fact, limit] = criterion.scale === undefined ? [Number(value), Number(threshold.value)] : [scaleStep(criterion, value), scaleStep(criterion, threshold.value)];
  return threshold.inclusive ? fact >= limit : fact > limit;
}

function scaleStep(criterion: Criterion, value: number | string): number {
  const step = criterion.scale?.indexOf(String(value)) ?? -1;
  if (step < 0) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: `facts.${criterion.fact}`, reason: `"${String(value)}" is not one of ${criterion.scale?.join(', ')}` });
  }
  return step;
}
