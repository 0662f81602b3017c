// Parsing rule files on several threads when there are many to parse (a first run, or no cache): the
// main thread and parse threads (parse-worker.ts) claim chunks of the file list through one shared
// atomic counter until none is left, so the share of each follows its speed (a parse thread needs
// ~0.1 s to start). See parseThreads for when threads are started at all.
//
// Only the main thread starts parse threads: hunt worker threads that each load the rules already
// keep the cores busy. Anything going wrong with a parse thread (cannot start, crashes) only means the
// main thread parses its chunks: results are the same either way, in file order.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import type { ParsedFile, ParseFiles, RuleFileText } from '../sigma/parse/load-rules.js';
import { parseRuleFile, type ParseOptions } from '../sigma/parse/parse-rule-file.js';
import type { RuleLoadResult } from '../sigma/parse/rule-types.js';
import type { PlaceholderValues } from '../sigma/parse/placeholders.js';

/** Below this many files to parse, starting a thread costs more than it saves. */
const MIN_FILES = 400;
const CHUNK = 64;

export interface ParseJob {
  readonly files: readonly string[];
  readonly texts: readonly string[];
  readonly placeholders: PlaceholderValues;
  /** [0]: the first file no thread has claimed yet. */
  readonly next: Int32Array;
  readonly chunk: number;
}

/** One chunk's results from a parse thread; `start` -1 says the thread has claimed its last chunk. */
export interface ParsedChunk {
  readonly start: number;
  readonly results: ({ readonly json: string } | { readonly result: RuleLoadResult })[];
}

/**
 * Parse threads to start beside this one: $RAMPART_PARSE_THREADS, else one per core left free by this
 * thread and the machine's load (at most 3); none in a worker thread. A parse thread costs CPU of its
 * own: V8 compiles the parser again in each thread and results cross as JSON, about a third more CPU
 * for a cold load of SigmaHQ. With a core to spare that buys time; on a machine whose cores are busy
 * it is a loss (a cold load took 3.1 s instead of 2.1 s on the 2-core machine at a load of 5), so
 * threads start only when the one-minute load average says a core is free.
 */
export function parseThreads(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism(), load = loadavg()[0]): number {
  if (!isMainThread) return 0;
  const configured = Number(env.RAMPART_PARSE_THREADS);
  if (env.RAMPART_PARSE_THREADS !== undefined && Number.isInteger(configured) && configured >= 0) return Math.min(configured, 16);
  const free = cores - 1 - load;
  return free < 0.5 ? 0 : Math.min(Math.round(free), 3);
}

/** The worker script beside this module, when it exists (the compiled build; not under the tests' TypeScript). */
const WORKER = new URL('./parse-worker.js', import.meta.url);

export function parallelParser(threads: number): ParseFiles {
  return async (files, options) => {
    if (threads < 1 || files.length < MIN_FILES || !existsSync(fileURLToPath(WORKER))) return parseHere(files, options);
    return parseShared(files, options, threads);
  };
}

function parseHere(files: readonly RuleFileText[], options: ParseOptions): ParsedFile[] {
  return files.map(({ file, text }) => ({ result: parseRuleFile(text, file, options) }));
}

async function parseShared(files: readonly RuleFileText[], options: ParseOptions, threads: number): Promise<ParsedFile[]> {
  const job: ParseJob = {
    files: files.map((item) => item.file),
    texts: files.map((item) => item.text),
    placeholders: options.placeholders ?? {},
    next: new Int32Array(new SharedArrayBuffer(4)),
    chunk: CHUNK,
  };
  const results: (ParsedFile | undefined)[] = new Array(files.length);
  const threadsRun = Array.from({ length: threads }, () => runThread(job, results));
  // This thread claims chunks too, until none is left; the parse threads' messages wait meanwhile.
  let parsedHere = 0;
  for (let start = Atomics.add(job.next, 0, CHUNK); start < files.length; start = Atomics.add(job.next, 0, CHUNK)) {
    for (let index = start; index < Math.min(start + CHUNK, files.length); index++) results[index] = { result: parseRuleFile(job.texts[index], job.files[index], options) };
    parsedHere += Math.min(CHUNK, files.length - start);
  }
  // Wait for the chunks the parse threads claimed; when there are none, not for a thread still starting.
  if (parsedHere < files.length) await Promise.all(threadsRun.map((run) => run.finished));
  for (const run of threadsRun) run.stop();
  // Chunks of a thread that failed: parsed here.
  return results.map((parsed, index) => parsed ?? { result: parseRuleFile(job.texts[index], job.files[index], options) });
}

/** `finished` resolves (never rejects) when the thread has delivered every chunk it claimed, or failed. */
function runThread(job: ParseJob, results: (ParsedFile | undefined)[]): { finished: Promise<void>; stop: () => void } {
  let worker: Worker | undefined;
  const stop = (): void => void worker?.terminate();
  const finished = new Promise<void>((resolve) => {
    try {
      worker = new Worker(WORKER, { workerData: job });
    } catch {
      resolve();
      return;
    }
    worker.unref();
    worker.on('message', (chunk: ParsedChunk) => {
      if (chunk.start < 0) return resolve();
      chunk.results.forEach((item, offset) => {
        results[chunk.start + offset] = 'json' in item ? { result: JSON.parse(item.json) as RuleLoadResult, json: item.json } : { result: item.result };
      });
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
  return { finished, stop };
}
