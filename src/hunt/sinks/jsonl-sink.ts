// One JSON object per detection per line: for SIEMs, jq and scripts.
import type { Detection } from '../../core/detection.js';
import type { DetectionSink, TextOutput } from './detection-sink.js';

export class JsonlSink implements DetectionSink {
  constructor(private readonly output: TextOutput) {}

  write(detection: Detection): void {
    this.output.write(JSON.stringify(detection) + '\n');
  }

  close(): Promise<void> {
    return this.output.end();
  }
}
