// One step of a route decision's reasoning: what was found, and the article and record it rests on.
import type { RegulationSource } from '../../core/regulations/citation-schema.js';
import type { Confidence } from '../../core/regulations/confidence.js';
import type { DeepReadonly } from '../../core/regulations/deep-freeze.js';

export interface Cited {
  readonly source: DeepReadonly<RegulationSource>;
  readonly confidence: Confidence;
}

export interface RouteStep extends Cited {
  readonly text: string;
  /** "Order 16 Art. 7": the source's short name and article, as shown beside the step. */
  readonly article: string;
}

export function routeStep(text: string, record: Cited): RouteStep {
  return { text, article: `${record.source.short} ${record.source.article}`, source: record.source, confidence: record.confidence };
}

/** 100000 → "100,000", as the thresholds are written in the law and the docs. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
