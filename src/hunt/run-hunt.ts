// The hunt: read every input file, run each event through the engine, keep the detections that pass
// the filters, hand them to the sink, and count everything for the summary. Problems in the input
// are reported and counted; the hunt carries on with the rest.
import type { Detection } from '../core/detection.js';
import { LEVELS, levelRank, type Level } from '../core/level.js';
import { readEvents } from '../logs/read-events.js';
import type { ReadProblem } from '../logs/read-problem.js';
import type { SigmaEngine } from '../sigma/engine/sigma-engine.js';
import { toDetection } from '../sigma/engine/to-detection.js';
import type { InputFile } from './collect-inputs.js';
import type { DetectionSink } from './sinks/detection-sink.js';

export interface HuntFilters {
  /** Report only rules at or above this level. */
  readonly minLevel?: Level;
  /** Report only rules with one of these statuses (rules without a status count as 'experimental'). */
  readonly statuses?: ReadonlySet<string>;
}

export interface HuntProgress {
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly events: number;
  readonly detections: number;
  readonly file: string;
}

export interface HuntOptions {
  readonly inputs: readonly InputFile[];
  readonly engine: SigmaEngine;
  readonly sink: DetectionSink;
  readonly filters?: HuntFilters;
  readonly onProblem?: (problem: ReadProblem) => void;
  readonly onProgress?: (progress: HuntProgress) => void;
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

export async function runHunt(options: HuntOptions): Promise<HuntSummary> {
  const started = performance.now();
  const { engine, sink } = options;
  const minRank = options.filters?.minLevel ? levelRank(options.filters.minLevel) : 0;
  const statuses = options.filters?.statuses;
  const byLevel = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  const byRule = new Map<string, { title: string; level: Level; count: number }>();
  const bytesTotal = options.inputs.reduce((sum, input) => sum + input.bytes, 0);
  let bytesBefore = 0;
  let events = 0;
  let problems = 0;
  let detections = 0;
  const onProblem = (problem: ReadProblem): void => {
    problems++;
    options.onProblem?.(problem);
  };
  for (const input of options.inputs) {
    let fileBytes = 0;
    const report = (): void =>
      options.onProgress?.({ bytesRead: bytesBefore + fileBytes, bytesTotal, events, detections, file: input.path });
    const onBytes = (bytes: number): void => {
      fileBytes = bytes;
      report();
    };
    for await (const event of readEvents(input.path, { onProblem, onBytes })) {
      events++;
      const matched = engine.match(event);
      for (const compiled of matched) {
        const rule = compiled.rule;
        if (levelRank(rule.level) < minRank) continue;
        if (statuses && !statuses.has(rule.status ?? 'experimental')) continue;
        const detection: Detection = toDetection(compiled, event);
        sink.write(detection);
        detections++;
        byLevel[rule.level]++;
        const key = rule.id ?? rule.title;
        const entry = byRule.get(key);
        if (entry) entry.count++;
        else byRule.set(key, { title: rule.title, level: rule.level, count: 1 });
      }
    }
    bytesBefore += input.bytes;
    fileBytes = 0;
    report();
  }
  await sink.close();
  return {
    files: options.inputs.length,
    events,
    problems,
    detections,
    byLevel,
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count || levelRank(b.level) - levelRank(a.level)),
    seconds: (performance.now() - started) / 1000,
  };
}
