// Detections as a worker thread sends them: each rule's attribution (title, tags, references, author,
// file) goes over once per worker, and detections name their rule by number. Sending it with every
// detection was most of what each batch's structured clone copied (postMessage was 5–6 % of a worker),
// and the main thread held a copy per detection while they waited for their turn in the output.
// Batches from one worker arrive in the order sent, so a rule's attribution always comes before the
// first detection naming it.
import type { Detection } from '../core/detection.js';
import type { DetectionOnWire, FileBatch, FileBatchOnWire, RuleAttribution } from './worker-messages.js';

/** Worker side: numbers each rule the first time one of its detections is sent. */
export class RuleNumbering {
  // Keyed by the attribution object, which toDetection shares between all detections of a rule.
  private readonly numbers = new Map<RuleAttribution, number>();
  private unsent: RuleAttribution[] = [];

  toWire(detection: Detection): DetectionOnWire {
    let number = this.numbers.get(detection.rule);
    if (number === undefined) {
      number = this.numbers.size;
      this.numbers.set(detection.rule, number);
      this.unsent.push(detection.rule);
    }
    return { rule: number, event: detection.event, fields: detection.fields };
  }

  /** The rules numbered since the last call, in number order: they go with the batch being sent. */
  takeUnsent(): RuleAttribution[] {
    const unsent = this.unsent;
    this.unsent = [];
    return unsent;
  }
}

/** Main side, one per worker thread: puts each detection's rule back. */
export class RuleTable {
  private readonly rules: RuleAttribution[] = [];

  fromWire(batch: FileBatchOnWire): FileBatch {
    for (const rule of batch.newRules) this.rules.push(rule);
    const detections = batch.detections.map((detection): Detection => {
      const rule = this.rules[detection.rule];
      if (rule === undefined) throw new Error(`a worker thread sent a detection of rule ${detection.rule}, which it never described`);
      return { rule, event: detection.event, fields: detection.fields };
    });
    const { index, problems, problemCount, events, bytesRead, done } = batch;
    return { index, detections, problems, problemCount, events, bytesRead, done };
  }
}
