// Holds detections and hands them on when the hunt ends: in event-time order (`--sort time`), so a
// timeline over several files reads chronologically, or in the order found, so a terminal timeline
// is not broken up by the progress bar drawn on the same screen. Detections without a time come last
// when sorting. Memory grows with the number of detections, not of events.
import type { Detection } from '../../core/detection.js';
import type { DetectionSink } from './detection-sink.js';

export class HoldingSink implements DetectionSink {
  private readonly held: { detection: Detection; time: number; order: number }[] = [];

  constructor(
    private readonly next: DetectionSink,
    private readonly options: { readonly byTime: boolean; readonly beforeRelease?: () => void },
  ) {}

  write(detection: Detection): void {
    const parsed = this.options.byTime && detection.event.time ? Date.parse(detection.event.time) : NaN;
    this.held.push({ detection, time: Number.isNaN(parsed) ? Infinity : parsed, order: this.held.length });
  }

  close(): Promise<void> {
    this.options.beforeRelease?.();
    if (this.options.byTime) this.held.sort((a, b) => a.time - b.time || a.order - b.order);
    for (const { detection } of this.held) this.next.write(detection);
    return this.next.close();
  }
}
