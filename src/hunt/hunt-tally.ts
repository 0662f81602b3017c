// The counts a hunt keeps: progress while it runs, the summary at the end. Detections are counted
// in the order they are written, so the top-rules list (ties stay in first-seen order) is the same
// whether the hunt ran in one thread or several.
import type { Detection } from '../core/detection.js';
import { LEVELS, levelRank, type Level } from '../core/level.js';

export interface HuntProgress {
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly events: number;
  readonly detections: number;
  readonly file: string;
}

export interface HuntSummary {
  readonly files: number;
  readonly events: number;
  readonly problems: number;
  readonly detections: number;
  readonly byLevel: Readonly<Record<Level, number>>;
  /** Rule title → detections, most frequent first. */
  readonly byRule: readonly { readonly title: string; readonly level: Level; readonly count: number }[];
  readonly seconds: number;
}

export class HuntTally {
  events = 0;
  problems = 0;
  detections = 0;
  private readonly byLevel = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  private readonly byRule = new Map<string, { title: string; level: Level; count: number }>();

  addDetection(detection: Detection): void {
    const rule = detection.rule;
    this.detections++;
    this.byLevel[rule.level]++;
    const key = rule.id ?? rule.title;
    const entry = this.byRule.get(key);
    if (entry) entry.count++;
    else this.byRule.set(key, { title: rule.title, level: rule.level, count: 1 });
  }

  summary(files: number, seconds: number): HuntSummary {
    return {
      files,
      events: this.events,
      problems: this.problems,
      detections: this.detections,
      byLevel: { ...this.byLevel },
      byRule: [...this.byRule.values()].sort((a, b) => b.count - a.count || levelRank(b.level) - levelRank(a.level)),
      seconds,
    };
  }
}
