// What the hunt's main thread and its worker threads say to each other. Everything here crosses the
// thread boundary by structured clone: plain data (and Sets), no classes, no functions, so an error
// travels as its code and parameters and is rebuilt on the other side.
import type { Detection } from '../core/detection.js';
import { isRampartError, RampartError, type ErrorCode } from '../core/errors.js';
import type { ReadProblem } from '../logs/read-problem.js';
import type { RuleSetOptions } from './load-rule-set.js';
import type { ReadingOptions } from './hunt-file.js';
import type { HuntFilters } from './rule-filter.js';
import type { RuleSetSummary } from './rule-set-summary.js';

/** Given to every worker when it starts (workerData). */
export interface WorkerSettings {
  /** Exactly what the in-process hunt would load, so every worker builds the same engine. */
  readonly ruleSet: RuleSetOptions;
  readonly filters: HuntFilters;
  readonly reading: ReadingOptions;
  /**
   * Problems sent in full per file; the rest are only counted. Bounds what waits in memory for a
   * broken file while keeping the first warnings of the hunt, in order, the same as in one thread.
   */
  readonly problemsPerFile: number;
}

/** Main → worker: hunt this file. A worker has at most one file at a time. */
export interface FileJob {
  /** Position of the file in the input order. */
  readonly index: number;
  readonly path: string;
}

/** A detection's rule attribution (detection-wire.ts). */
export type RuleAttribution = Detection['rule'];

/** A detection as a worker sends it: its rule by number (see FileBatchOnWire.newRules). */
export interface DetectionOnWire extends Omit<Detection, 'rule'> {
  readonly rule: number;
}

/** A batch as a worker sends it (detection-wire.ts turns it into a FileBatch). */
export interface FileBatchOnWire extends Omit<FileBatch, 'detections'> {
  readonly detections: readonly DetectionOnWire[];
  /** Rules this worker names for the first time, numbered on from those it named before. */
  readonly newRules: readonly RuleAttribution[];
}

/** Part of one file's results. Counts are cumulative for the file, so a lost total is impossible. */
export interface FileBatch {
  readonly index: number;
  /** Detections found since the previous batch, already filtered, in the order found. */
  readonly detections: readonly Detection[];
  /** Problems since the previous batch, sent in full (at most problemsPerFile per file). */
  readonly problems: readonly ReadProblem[];
  /** Problems in the file so far, including those not sent in full. */
  readonly problemCount: number;
  /** Events read from the file so far. */
  readonly events: number;
  /** Bytes read from the file so far (compressed bytes for gzip). */
  readonly bytesRead: number;
  /** The file's last batch. */
  readonly done: boolean;
}

export interface SerializedError {
  readonly message: string;
  readonly stack?: string;
  /** Set for a RampartError (a problem the user can fix), which the main thread rethrows as it was. */
  readonly code?: ErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type WorkerMessage =
  | { readonly type: 'loaded'; readonly rules: RuleSetSummary }
  | { readonly type: 'batch'; readonly batch: FileBatchOnWire }
  /** Loading the rules (no index) or hunting a file failed. */
  | { readonly type: 'failed'; readonly index?: number; readonly error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (isRampartError(error)) return { message: error.message, stack: error.stack, code: error.code, params: error.params };
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

/** The RampartError a worker threw, rebuilt; undefined for anything else (a bug: internal error). */
export function rampartErrorFrom(error: SerializedError): RampartError | undefined {
  return error.code === undefined ? undefined : new RampartError(error.code, error.params ?? {});
}
