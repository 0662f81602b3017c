// The hunt's worker threads: starts them, waits until one has loaded the rules, hands out files one
// at a time to whichever worker is free (a worker holds one file, so a failure always names it),
// and turns any failure (a thrown error, a worker that exits, or one that outgrows its heap and is
// stopped by Node) into one error for the hunt, after which every worker is terminated. close()
// always terminates them all, so no worker can keep the process alive. (A single allocation bigger
// than the heap cap is a V8 fatal error that ends the whole process; nothing here can catch that.)
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { rampartError } from '../core/errors.js';
import { HandOutQueue, type QueuedFile } from './hand-out-queue.js';
import type { RuleSetSummary } from './rule-set-summary.js';
import { RuleTable } from './detection-wire.js';
import { rampartErrorFrom, type FileBatch, type FileBatchOnWire, type FileJob, type SerializedError, type WorkerMessage, type WorkerSettings } from './worker-messages.js';

// Resolved from this module's URL, so it is found beside it in dist/ wherever the package lives.
const WORKER_SCRIPT = new URL('./hunt-worker.js', import.meta.url);

/**
 * Each worker is a V8 isolate with its own heap: its compiled rules (about 45 MB live for all of
 * SigmaHQ, once the parsed detections are let go) plus what it allocates per event, which is all
 * short-lived. The young generation is the same as the command's (bin/heap-limit.js: two 8 MB
 * semi-spaces), whose flag overrides this limit anyway; it is set here for a pool started without the
 * launcher (tests, library use). V8 grows a young generation to its limit over a long hunt, so each
 * isolate costs that much; 16 MB measured about a tenth slower than 32 MB in the steady state over
 * the EVTX samples, 8 MB a fifth slower (docs/performance.md). The old generation is not set here on
 * purpose: the command's --max-old-space-size applies to every isolate of the process, and V8 lets
 * that flag override a worker's maxOldGenerationSizeMb, so each worker has the same cap as a hunt in
 * one thread.
 */
const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16 };

export interface HuntPoolOptions {
  readonly threads: number;
  readonly settings: WorkerSettings;
  /** The worker script: hunt-worker.js beside this module; tests give a fake one. */
  readonly workerScript?: URL;
}

interface Member {
  readonly worker: Worker;
  /** The rules this worker has described, by the numbers its detections use. */
  readonly rules: RuleTable;
  loaded: boolean;
  /** Files handed to this worker and not finished, the one it is hunting first. */
  readonly jobs: FileJob[];
}

/**
 * Files a worker holds at once: the one it hunts and the next, so it never waits a round trip to the
 * main thread between two files (with small files, such as most .evtx copies, that wait was as long as
 * the hunting). The worker hunts them one after the other.
 */
const JOBS_PER_WORKER = 2;

interface Run {
  readonly queue: HandOutQueue;
  remaining: number;
  readonly onBatch: (batch: FileBatch) => void;
  /** True while the output is far behind: files are then handed out in input order. */
  readonly behind: () => boolean;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export class HuntPool {
  private readonly members: Member[];
  private loadedRules?: RuleSetSummary;
  private failure?: Error;
  private closing = false;
  private run?: Run;
  private rulesWaiter?: { resolve: (rules: RuleSetSummary) => void; reject: (error: Error) => void };

  /** Starts the workers; resolves once the first has loaded the rules (the others join when ready). */
  static async start(options: HuntPoolOptions): Promise<HuntPool> {
    const pool = new HuntPool(options);
    try {
      await pool.firstLoad();
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  private constructor(options: HuntPoolOptions) {
    this.members = [];
    for (let i = 0; i < options.threads; i++) {
      const worker = new Worker(options.workerScript ?? WORKER_SCRIPT, { workerData: options.settings, resourceLimits: WORKER_RESOURCE_LIMITS });
      const member: Member = { worker, rules: new RuleTable(), loaded: false, jobs: [] };
      worker.on('message', (message: WorkerMessage) => this.onMessage(member, message));
      worker.on('messageerror', (error) => this.fail(internalError(`a message from a worker thread could not be read ${where(member)}`, error)));
      worker.on('error', (error) => this.fail(internalError(`a worker thread failed ${where(member)}: ${error.message}`, error)));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(internalError(`a worker thread stopped unexpectedly (exit code ${code}) ${where(member)}`));
      });
      this.members.push(member);
    }
  }

  /** The rule set as the first worker loaded it (every worker loads the same). */
  get rules(): RuleSetSummary {
    if (this.loadedRules === undefined) throw new Error('HuntPool.rules read before the rules were loaded');
    return this.loadedRules;
  }

  /**
   * Hunts the files (given in input order; batch indexes refer to it), handing them out as
   * HandOutQueue decides; resolves when all are done.
   */
  hunt(files: readonly QueuedFile[], onBatch: (batch: FileBatch) => void, behind: () => boolean = () => false): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.run) return Promise.reject(new Error('HuntPool.hunt is already running'));
    if (files.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.run = { queue: new HandOutQueue(files), remaining: files.length, onBatch, behind, resolve, reject };
      for (const member of this.members) this.dispatch(member);
    });
  }

  /** Terminates every worker; safe to call more than once. A hunt still running is rejected. */
  async close(): Promise<void> {
    if (!this.closing && this.failure === undefined) {
      const closed = new Error('the hunt was stopped before it finished');
      this.rulesWaiter?.reject(closed);
      this.run?.reject(closed);
    }
    this.rulesWaiter = undefined;
    this.run = undefined;
    this.closing = true;
    await Promise.all(this.members.map((member) => member.worker.terminate()));
  }

  private firstLoad(): Promise<RuleSetSummary> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.loadedRules) return Promise.resolve(this.loadedRules);
    return new Promise((resolve, reject) => {
      this.rulesWaiter = { resolve, reject };
    });
  }

  private onMessage(member: Member, message: WorkerMessage): void {
    if (this.failure || this.closing) return;
    try {
      if (message.type === 'loaded') this.onLoaded(member, message.rules);
      else if (message.type === 'batch') this.onBatch(member, message.batch);
      else this.fail(workerError(message.error, member, message.index));
    } catch (error) {
      // A sink or callback of the main thread threw while taking a batch: the hunt cannot go on.
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private onLoaded(member: Member, rules: RuleSetSummary): void {
    member.loaded = true;
    if (this.loadedRules === undefined) {
      this.loadedRules = rules;
      this.rulesWaiter?.resolve(rules);
      this.rulesWaiter = undefined;
    } else if (rules.ruleCount !== this.loadedRules.ruleCount || rules.rejected.length !== this.loadedRules.rejected.length) {
      // Only a rule file changed on disk between two loads can do this; the threads would report differently.
      const counts = `${this.loadedRules.ruleCount} and ${rules.ruleCount} rules`;
      this.fail(rampartError('RAMPART_E_INTERNAL', { reason: `worker threads loaded different rule sets (${counts}); did the rule files change while the hunt started?` }));
      return;
    }
    this.dispatch(member);
  }

  private onBatch(member: Member, sent: FileBatchOnWire): void {
    // Decoded first, whatever happens to the batch: the rules it describes are named by later ones.
    const batch = member.rules.fromWire(sent);
    const run = this.run;
    if (run === undefined) return;
    run.onBatch(batch);
    if (!batch.done) return;
    const finished = member.jobs.findIndex((job) => job.index === batch.index);
    if (finished >= 0) member.jobs.splice(finished, 1);
    run.queue.finish(batch.index);
    run.remaining--;
    if (run.remaining === 0) {
      this.run = undefined;
      run.resolve();
    } else this.dispatch(member);
  }

  private dispatch(member: Member): void {
    const run = this.run;
    if (run === undefined || !member.loaded || this.failure) return;
    while (member.jobs.length < JOBS_PER_WORKER) {
      const job = run.queue.next(run.behind());
      if (job === undefined) return;
      member.jobs.push(job);
      member.worker.postMessage(job);
    }
  }

  /** The first failure wins; every worker is stopped and whoever waits is told. */
  private fail(error: Error): void {
    if (this.failure || this.closing) return;
    this.failure = error;
    this.rulesWaiter?.reject(error);
    this.rulesWaiter = undefined;
    this.run?.reject(error);
    this.run = undefined;
    void this.close();
  }
}

/**
 * What a failing worker was doing. A failure it reports names its file (`index`). Otherwise (an
 * uncaught error, an exit) it was on the first file it holds, or on the next one if the first one's
 * last batch is still on its way: Node may report a thread's error before messages it posted earlier.
 */
function where(member: Member, index?: number): string {
  const named = member.jobs.find((job) => job.index === index);
  if (named !== undefined) return `while hunting ${named.path}`;
  const [first, next] = member.jobs;
  if (first === undefined) return member.loaded ? 'while idle' : 'while loading rules';
  return next === undefined ? `while hunting ${first.path}` : `while hunting ${first.path} or the file it held next, ${next.path}`;
}

/** A RampartError from a worker (missing rules, bad mapping) is the user's to fix and stays as it was. */
function workerError(error: SerializedError, member: Member, index?: number): Error {
  const known = rampartErrorFrom(error);
  if (known !== undefined) return known;
  const cause = new Error(error.message);
  if (error.stack !== undefined) cause.stack = error.stack;
  return internalError(`a worker thread failed ${where(member, index)}: ${error.message}`, cause);
}

function internalError(reason: string, cause?: unknown): Error {
  return rampartError('RAMPART_E_INTERNAL', { reason }, { cause });
}
