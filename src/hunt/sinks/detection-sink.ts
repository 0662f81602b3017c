// Where detections go. Each output format is one sink; the hunt does not know which.
import type { Detection } from '../../core/detection.js';

export interface DetectionSink {
  write(detection: Detection): void;
  /** Flushes and closes; the hunt awaits it before printing the summary. */
  close(): Promise<void>;
}

/** A text destination: stdout or a file stream. */
export interface TextOutput {
  write(text: string): void;
  /** Resolves once the destination has taken what was written, so a large producer waits for a slow reader. */
  drained(): Promise<void>;
  end(): Promise<void>;
}
