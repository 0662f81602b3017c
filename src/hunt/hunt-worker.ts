// A worker thread of the parallel hunt (started by worker-pool.ts): loads the rule set itself, with
// the options the main thread would have used, then hunts the files the main thread sends, one at a
// time, posting results back in batches. Files are read only through readEvents, so every format it
// reads is hunted in parallel too. Nothing here writes output: ordering and sinks are the main
// thread's, which keeps the output the same whatever the number of threads.
import { parentPort, workerData } from 'node:worker_threads';
import { RuleNumbering } from './detection-wire.js';
import { FileBatcher } from './file-batcher.js';
import { huntFile } from './hunt-file.js';
import { loadRuleSet, type RuleSet } from './load-rule-set.js';
import { ruleFilter } from './rule-filter.js';
import { summarizeRuleSet } from './rule-set-summary.js';
import { serializeError, type FileJob, type WorkerMessage, type WorkerSettings } from './worker-messages.js';

if (parentPort === null) throw new Error('hunt-worker.js runs as a worker thread of the hunt, not on its own');
const port = parentPort;
const settings = workerData as WorkerSettings;
const post = (message: WorkerMessage): void => port.postMessage(message);

let ruleSet: RuleSet | undefined;
try {
  ruleSet = await loadRuleSet(settings.ruleSet);
} catch (error) {
  post({ type: 'failed', error: serializeError(error) });
}

if (ruleSet !== undefined) {
  const { engine } = ruleSet;
  const accepts = ruleFilter(settings.filters);
  const rules = new RuleNumbering();
  // Jobs are chained so that two files could never interleave, whatever the main thread sends.
  let previous = Promise.resolve();
  port.on('message', (job: FileJob) => {
    previous = previous.then(async () => {
      const batcher = new FileBatcher(job.index, settings.problemsPerFile, rules, (batch) => post({ type: 'batch', batch }));
      try {
        const events = await huntFile(job.path, engine, accepts, {
          onDetection: (detection) => batcher.addDetection(detection),
          onProblem: (problem) => batcher.addProblem(problem),
          onProgress: (bytesRead, events) => batcher.progress(bytesRead, events),
        }, settings.reading);
        batcher.finish(events);
      } catch (error) {
        post({ type: 'failed', index: job.index, error: serializeError(error) });
      }
    });
  });
  post({ type: 'loaded', rules: summarizeRuleSet(ruleSet) });
}
