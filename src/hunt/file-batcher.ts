// A worker's results for one file, gathered into batches: one message per chunk the reader reads
// (about 1 MiB of input, which also carries progress) or per BATCH_DETECTIONS detections, never one
// per event or detection, since each message costs a structured clone and a hop between threads.
// Detections go as detection-wire.ts sends them, with the worker's rule numbering.
import type { Detection } from '../core/detection.js';
import type { ReadProblem } from '../logs/read-problem.js';
import type { RuleNumbering } from './detection-wire.js';
import type { DetectionOnWire, FileBatchOnWire } from './worker-messages.js';

/** Enough to make a message worth sending, small enough that a burst of detections is not held long. */
const BATCH_DETECTIONS = 500;

/** Progress alone is sent at most this often by a thread: often enough for a smooth progress bar. */
const PROGRESS_INTERVAL_MS = 100;
/** When this thread last sent a batch, whichever file it was for. */
let lastSent = -Infinity;

export class FileBatcher {
  private detections: DetectionOnWire[] = [];
  private problems: ReadProblem[] = [];
  private problemCount = 0;
  private events = 0;
  private bytesRead = 0;

  constructor(
    private readonly index: number,
    private readonly problemsPerFile: number,
    private readonly rules: RuleNumbering,
    private readonly send: (batch: FileBatchOnWire) => void,
  ) {}

  addDetection(detection: Detection): void {
    this.detections.push(this.rules.toWire(detection));
    if (this.detections.length >= BATCH_DETECTIONS) this.flush(false);
  }

  addProblem(problem: ReadProblem): void {
    this.problemCount++;
    if (this.problemCount <= this.problemsPerFile) this.problems.push(problem);
  }

  /**
   * A chunk was read: send what has gathered, with the progress, unless there is nothing but progress
   * and some was sent less than PROGRESS_INTERVAL_MS ago. A file of one read (most .evtx copies) then
   * costs one message instead of two: with 8 KB files, messages were a twentieth of a worker's time.
   */
  progress(bytesRead: number, events: number): void {
    this.bytesRead = bytesRead;
    this.events = events;
    const now = performance.now();
    if (this.detections.length === 0 && this.problems.length === 0 && now - lastSent < PROGRESS_INTERVAL_MS) return;
    this.flush(false);
  }

  finish(events: number): void {
    this.events = events;
    this.flush(true);
  }

  private flush(done: boolean): void {
    lastSent = performance.now();
    const { index, detections, problems, problemCount, events, bytesRead } = this;
    this.send({ index, detections, newRules: this.rules.takeUnsent(), problems, problemCount, events, bytesRead, done });
    this.detections = [];
    this.problems = [];
  }
}
