// The hunt over several files on worker threads (worker-pool.ts). Workers read and match files in
// parallel, in the order hand-out-queue.ts picks; their batches come back in any order and
// OrderedDelivery puts them back in input order before they reach the sink, so the output is
// byte-identical to runHunt's in one thread. Counts that do not depend on order (events, problems,
// bytes) are taken as batches arrive; detections are counted as they are written, so the summary
// matches too.
import type { ReadProblem } from '../logs/read-problem.js';
import type { InputFile } from './collect-inputs.js';
import { HuntTally, type HuntProgress, type HuntSummary } from './hunt-tally.js';
import { OrderedDelivery } from './ordered-delivery.js';
import type { DetectionSink } from './sinks/detection-sink.js';
import type { HuntPool } from './worker-pool.js';
import type { FileBatch } from './worker-messages.js';

export interface ParallelHuntOptions {
  readonly pool: HuntPool;
  readonly inputs: readonly InputFile[];
  readonly sink: DetectionSink;
  /** Called in input order; beyond the pool's problemsPerFile a file's problems are only counted. */
  readonly onProblem?: (problem: ReadProblem) => void;
  readonly onProgress?: (progress: HuntProgress) => void;
}

const HELD_BATCHES_BEFORE_IN_ORDER = 64;

export async function runParallelHunt(options: ParallelHuntOptions): Promise<HuntSummary> {
  const started = performance.now();
  const { inputs, sink, onProblem, onProgress } = options;
  const tally = new HuntTally();
  const bytesTotal = inputs.reduce((sum, input) => sum + input.bytes, 0);
  const seen = inputs.map(() => ({ events: 0, problems: 0, bytes: 0 }));
  let bytesRead = 0;
  let found = 0;
  const delivery = new OrderedDelivery<FileBatch>(inputs.length, (batch) => {
    for (const problem of batch.problems) onProblem?.(problem);
    for (const detection of batch.detections) {
      sink.write(detection);
      tally.addDetection(detection);
    }
  });
  const onBatch = (batch: FileBatch): void => {
    const file = seen[batch.index];
    tally.events += batch.events - file.events;
    tally.problems += batch.problemCount - file.problems;
    // A finished file counts as its whole size, as in runHunt, so the bar ends at 100 %.
    const bytes = batch.done ? inputs[batch.index].bytes : batch.bytesRead;
    bytesRead += bytes - file.bytes;
    Object.assign(file, { events: batch.events, problems: batch.problemCount, bytes });
    found += batch.detections.length;
    if (batch.detections.length > 0 || batch.problems.length > 0) delivery.add(batch.index, batch);
    if (batch.done) delivery.finish(batch.index);
    onProgress?.({ bytesRead, bytesTotal, events: tally.events, detections: found, file: inputs[batch.index].path });
  };
  // Batches held for ordered output (each up to a few hundred detections): past this many, files are
  // handed out in input order, so the head catches up instead of later files piling up behind it.
  await options.pool.hunt(inputs, onBatch, () => delivery.heldItems > HELD_BATCHES_BEFORE_IN_ORDER);
  await sink.close();
  return tally.summary(inputs.length, (performance.now() - started) / 1000);
}
