// Chooses how a hunt runs and gets it ready: in this thread (one thread asked for, or a single input
// file, where workers would only add a second copy of the rules), or on a pool of worker threads
// that each load the rules themselves, while this thread only orders and writes their results and
// builds no engine of its own.
import type { ReadProblem } from '../logs/read-problem.js';
import type { InputFile } from './collect-inputs.js';
import type { HuntProgress, HuntSummary } from './hunt-tally.js';
import { loadRuleSet, type RuleSetOptions } from './load-rule-set.js';
import type { ReadingOptions } from './hunt-file.js';
import type { HuntFilters } from './rule-filter.js';
import { summarizeRuleSet, type RuleSetSummary } from './rule-set-summary.js';
import { runHunt } from './run-hunt.js';
import { runParallelHunt } from './run-parallel-hunt.js';
import type { DetectionSink } from './sinks/detection-sink.js';
import { HuntPool } from './worker-pool.js';

export interface HuntPlan {
  readonly inputs: readonly InputFile[];
  readonly ruleSet: RuleSetOptions;
  readonly filters: HuntFilters;
  readonly reading: ReadingOptions;
  /** Threads asked for; no more workers than input files are started. */
  readonly threads: number;
  /** Problems per file the workers send in full (at least as many as will be printed). */
  readonly problemsPerFile: number;
}

export interface HuntOutput {
  readonly sink: DetectionSink;
  readonly onProblem?: (problem: ReadProblem) => void;
  readonly onProgress?: (progress: HuntProgress) => void;
}

export interface PreparedHunt {
  readonly rules: RuleSetSummary;
  /** Worker threads used; 0 when the hunt runs in this thread. */
  readonly workers: number;
  run(output: HuntOutput): Promise<HuntSummary>;
  /** Stops any worker threads; call it whether run succeeded or not. */
  close(): Promise<void>;
}

export async function prepareHunt(plan: HuntPlan): Promise<PreparedHunt> {
  const workers = Math.min(plan.threads, plan.inputs.length);
  if (workers <= 1) {
    const ruleSet = await loadRuleSet(plan.ruleSet);
    return {
      rules: summarizeRuleSet(ruleSet),
      workers: 0,
      run: (output) => runHunt({ ...output, inputs: plan.inputs, engine: ruleSet.engine, filters: plan.filters, reading: plan.reading }),
      close: async () => undefined,
    };
  }
  const pool = await HuntPool.start({
    threads: workers,
    settings: { ruleSet: plan.ruleSet, filters: plan.filters, reading: plan.reading, problemsPerFile: plan.problemsPerFile },
  });
  return {
    rules: pool.rules,
    workers,
    run: (output) => runParallelHunt({ ...output, pool, inputs: plan.inputs }),
    close: () => pool.close(),
  };
}
