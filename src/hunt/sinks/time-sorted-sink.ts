// Holds detections and hands them on in event-time order when the hunt ends (`--sort time`), so
// a timeline over several files reads chronologically. Detections without a time come last, in
// the order they were found; memory grows with the number of detections, not of events.
import type { Detection } from '../../core/detection.js';
import type { DetectionSink } from './detection-sink.js';

export class TimeSortedSink implements DetectionSink {
  private readonly held: { detection: Detection; time: number; order: number }[] = [];

  constructor(private readonly next: DetectionSink) {}

  write(detection: Detection): void {
    const parsed = detection.event.time ? Date.parse(detection.event.time) : NaN;
    this.held.push({ detection, time: Number.isNaN(parsed) ? Infinity : parsed, order: this.held.length });
  }

  close(): Promise<void> {
    this.held.sort((a, b) => a.time - b.time || a.order - b.order);
    for (const { detection } of this.held) this.next.write(detection);
    return this.next.close();
  }
}
