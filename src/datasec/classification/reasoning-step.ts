// One step of a proposal's or decision's reasoning: what was concluded, and the record it rests on.
import type { RegulationSource } from '../../core/regulations/citation-schema.js';
import type { Confidence } from '../../core/regulations/confidence.js';
import type { DeepReadonly } from '../../core/regulations/deep-freeze.js';

export interface ReasoningStep {
  readonly text: string;
  readonly source: DeepReadonly<RegulationSource>;
  readonly confidence: Confidence;
}
