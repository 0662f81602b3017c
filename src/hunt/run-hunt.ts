// The hunt in this thread: read every input file in turn, run each event through the engine, keep
// the detections that pass the filters, hand them to the sink, and count everything for the summary.
// Problems in the input are reported and counted; the hunt carries on with the rest. `--threads 1`,
// a single input file and the benchmark run this; run-parallel-hunt.ts spreads files over workers.
import type { Detection } from '../core/detection.js';
import type { ReadProblem } from '../logs/read-problem.js';
import type { SigmaEngine } from '../sigma/engine/sigma-engine.js';
import type { InputFile } from './collect-inputs.js';
import { huntFile, type ReadingOptions } from './hunt-file.js';
import { HuntTally, type HuntProgress, type HuntSummary } from './hunt-tally.js';
import { ruleFilter, type HuntFilters } from './rule-filter.js';
import type { DetectionSink } from './sinks/detection-sink.js';

export interface HuntOptions {
  readonly inputs: readonly InputFile[];
  readonly engine: SigmaEngine;
  readonly sink: DetectionSink;
  readonly filters?: HuntFilters;
  readonly reading?: ReadingOptions;
  readonly onProblem?: (problem: ReadProblem) => void;
  readonly onProgress?: (progress: HuntProgress) => void;
}

export async function runHunt(options: HuntOptions): Promise<HuntSummary> {
  const started = performance.now();
  const { engine, sink, onProgress } = options;
  const accepts = ruleFilter(options.filters);
  const tally = new HuntTally();
  const bytesTotal = options.inputs.reduce((sum, input) => sum + input.bytes, 0);
  let bytesBefore = 0;
  const onDetection = (detection: Detection): void => {
    sink.write(detection);
    tally.addDetection(detection);
  };
  const onProblem = (problem: ReadProblem): void => {
    tally.problems++;
    options.onProblem?.(problem);
  };
  for (const input of options.inputs) {
    const report = (bytesRead: number, events: number): void =>
      onProgress?.({ bytesRead: bytesBefore + bytesRead, bytesTotal, events: tally.events + events, detections: tally.detections, file: input.path });
    tally.events += await huntFile(input.path, engine, accepts, { onDetection, onProblem, onProgress: onProgress ? report : undefined }, options.reading);
    bytesBefore += input.bytes;
    report(0, 0);
  }
  await sink.close();
  return tally.summary(options.inputs.length, (performance.now() - started) / 1000);
}
