// The readable timeline for a terminal: one line per detection (time, computer, channel, event id,
// level, rule, ATT&CK), then an indented line with the fields that matter. Colour by level on a
// terminal only (and never when NO_COLOR is set).
import type { Detection } from '../../core/detection.js';
import type { Level } from '../../core/level.js';
import type { DetectionSink, TextOutput } from './detection-sink.js';
import { attackTechniques, detailsText, displayTime, shortChannel } from './detection-text.js';

const LEVEL_LABELS: Record<Level, string> = { informational: 'info', low: 'low', medium: 'med', high: 'high', critical: 'crit' };
const LEVEL_COLOURS: Record<Level, string> = { informational: '\x1b[2m', low: '\x1b[32m', medium: '\x1b[33m', high: '\x1b[31m', critical: '\x1b[1;31m' };
const RESET = '\x1b[0m';

export interface TimelineOptions {
  readonly colour: boolean;
  /** Cut the details line to this many characters (terminal width); undefined = never cut. */
  readonly detailsWidth?: number;
}

export class TimelineSink implements DetectionSink {
  private wroteHeader = false;

  constructor(
    private readonly output: TextOutput,
    private readonly options: TimelineOptions,
  ) {}

  write(detection: Detection): void {
    if (!this.wroteHeader) {
      this.output.write(this.header());
      this.wroteHeader = true;
    }
    const level = detection.rule.level;
    const levelText = LEVEL_LABELS[level].padEnd(4);
    const columns = [
      displayTime(detection.event.time).padEnd(23),
      fit(detection.event.computer ?? '-', 24),
      fit(shortChannel(detection.event.channel), 12),
      fit(String(detection.event.eventId ?? '-'), 6),
      this.options.colour ? `${LEVEL_COLOURS[level]}${levelText}${RESET}` : levelText,
      detection.rule.title,
    ];
    const techniques = attackTechniques(detection.rule.tags);
    let line = columns.join('  ');
    if (techniques.length > 0) line += `  [${techniques.join(' ')}]`;
    let details = detailsText(detection);
    const width = this.options.detailsWidth;
    if (width !== undefined && details.length > width - 4) details = details.slice(0, Math.max(10, width - 5)) + '…';
    this.output.write(details ? `${line}\n    ${details}\n` : `${line}\n`);
  }

  close(): Promise<void> {
    return this.output.end();
  }

  private header(): string {
    const titles = ['Time (UTC)'.padEnd(23), 'Computer'.padEnd(24), 'Channel'.padEnd(12), 'Event'.padEnd(6), 'Lvl ', 'Rule  [ATT&CK]'];
    const text = titles.join('  ');
    return this.options.colour ? `\x1b[1m${text}${RESET}\n` : `${text}\n`;
  }
}

function fit(text: string, width: number): string {
  return text.length > width ? text.slice(0, width - 1) + '…' : text.padEnd(width);
}
