// Worker thread of scripts/fuzz-evtx.js: runs fuzz cases as the main thread sends them. A case runs
// here, not in the main thread, so that a reader stuck in a loop can be stopped (the main thread
// terminates the worker when a case overruns its time budget) and the seed still gets reported.
import { parentPort, workerData } from 'node:worker_threads';
import { loadFuzzTarget, runFuzzCase } from '../dist/logs/evtx/fuzz/fuzz-case.js';

/** Samples mapped and read intact, most recent last; a few are kept, not all 277. */
const targets = new Map();
const KEEP_TARGETS = 24;

async function target(file) {
  let found = targets.get(file);
  if (found !== undefined) {
    targets.delete(file);
  } else {
    found = await loadFuzzTarget(file);
    if (targets.size >= KEEP_TARGETS) targets.delete(targets.keys().next().value);
  }
  targets.set(file, found);
  return found;
}

parentPort.on('message', async ({ file, seed }) => {
  try {
    const result = await runFuzzCase(await target(file), seed, workerData.scratchFile);
    parentPort.postMessage({ ...result });
  } catch (error) {
    // Only the harness itself can throw here (the reader's exceptions are caught and judged by
    // runFuzzCase); report it as the case's failure rather than die without a seed.
    parentPort.postMessage({ file, seed, mutations: [], violations: [`fuzz harness failed: ${error?.stack ?? error}`], records: 0, problems: 0 });
  }
});
