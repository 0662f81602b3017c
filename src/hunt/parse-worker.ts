// A parse thread of parse-in-parallel.ts: claims chunks of the shared file list through the shared
// counter, parses them, and posts each chunk's results (as JSON: the main thread reads that faster than
// a structured clone, and the rule cache writes it as it is).
import { parentPort, workerData } from 'node:worker_threads';
import { parseRuleFile } from '../sigma/parse/parse-rule-file.js';
import type { ParseJob, ParsedChunk } from './parse-in-parallel.js';

const job = workerData as ParseJob;
for (;;) {
  const start = Atomics.add(job.next, 0, job.chunk);
  if (start >= job.files.length) break;
  const results: ParsedChunk['results'] = [];
  for (let index = start; index < Math.min(start + job.chunk, job.files.length); index++) {
    const result = parseRuleFile(job.texts[index], job.files[index], { placeholders: job.placeholders });
    const json = JSON.stringify(result);
    // JSON cannot carry NaN or Infinity (written as null): such a result goes as a structured clone.
    results.push(/[:,[]null[,\]}]/.test(json) ? { result } : { json });
  }
  parentPort?.postMessage({ start, results } satisfies ParsedChunk);
}
parentPort?.postMessage({ start: -1, results: [] } satisfies ParsedChunk);
