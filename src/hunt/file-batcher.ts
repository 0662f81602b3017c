// A worker's results for one file, gathered into batches: one message per chunk the reader reads
// (about 1 MiB of input, which also carries progress) or per BATCH_DETECTIONS detections, never one
// per event or detection, since each message costs a structured clone and a hop between threads.
import type { Detection } from '../core/detection.js';
import type { ReadProblem } from '../logs/read-problem.js';
import type { FileBatch } from './worker-messages.js';

/** Enough to make a message worth sending, small enough that a burst of detections is not held long. */
const BATCH_DETECTIONS = 500;

export class FileBatcher {
  private detections: Detection[] = [];
  private problems: ReadProblem[] = [];
  private problemCount = 0;
  private events = 0;
  private bytesRead = 0;

  constructor(
    private readonly index: number,
    private readonly problemsPerFile: number,
    private readonly send: (batch: FileBatch) => void,
  ) {}

  addDetection(detection: Detection): void {
    this.detections.push(detection);
    if (this.detections.length >= BATCH_DETECTIONS) this.flush(false);
  }

  addProblem(problem: ReadProblem): void {
    this.problemCount++;
    if (this.problemCount <= this.problemsPerFile) this.problems.push(problem);
  }

  /** A chunk was read: send what has gathered, with the progress. */
  progress(bytesRead: number, events: number): void {
    this.bytesRead = bytesRead;
    this.events = events;
    this.flush(false);
  }

  finish(events: number): void {
    this.events = events;
    this.flush(true);
  }

  private flush(done: boolean): void {
    const { index, detections, problems, problemCount, events, bytesRead } = this;
    this.send({ index, detections, problems, problemCount, events, bytesRead, done });
    this.detections = [];
    this.problems = [];
  }
}
