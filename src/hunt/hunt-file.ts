// One input file through the engine: read, match, filter, turn into detections. The in-process hunt
// and each worker thread run this same loop, so the two paths cannot drift apart in what they report.
import type { Detection } from '../core/detection.js';
import { readEvents, type ReadEventsOptions } from '../logs/read-events.js';
import type { ReadProblem } from '../logs/read-problem.js';
import type { SigmaEngine } from '../sigma/engine/sigma-engine.js';
import { toDetection } from '../sigma/engine/to-detection.js';
import type { RuleFilter } from './rule-filter.js';

/** How files are read, the same in every thread: the readers' own options (`recover` for EVTX), not callbacks. */
export type ReadingOptions = Pick<ReadEventsOptions, 'recover'>;

export interface FileHuntCallbacks {
  readonly onDetection: (detection: Detection) => void;
  readonly onProblem?: (problem: ReadProblem) => void;
  /** Bytes read from the file so far and events read from it so far; once per chunk, not per event. */
  readonly onProgress?: (bytesRead: number, events: number) => void;
}

/** Hunts one file; resolves to the number of events read from it. */
export async function huntFile(file: string, engine: SigmaEngine, accepts: RuleFilter, callbacks: FileHuntCallbacks, reading: ReadingOptions = {}): Promise<number> {
  const { onDetection, onProgress } = callbacks;
  let events = 0;
  const onBytes = onProgress ? (bytes: number): void => onProgress(bytes, events) : undefined;
  for await (const event of readEvents(file, { ...reading, onProblem: callbacks.onProblem, onBytes })) {
    events++;
    const matched = engine.match(event);
    for (const compiled of matched) {
      if (accepts(compiled.rule)) onDetection(toDetection(compiled, event));
    }
  }
  return events;
}
