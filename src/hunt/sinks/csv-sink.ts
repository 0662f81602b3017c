// CSV with a header row (RFC 4180 quoting), for spreadsheets. Values that a spreadsheet would run as
// a formula (=, +, -, @ first) are prefixed with a quote, since log fields are attacker-controlled.
import type { Detection } from '../../core/detection.js';
import type { DetectionSink, TextOutput } from './detection-sink.js';
import { attackTechniques, detailsText, sourceText } from './detection-text.js';

const HEADER = ['time', 'computer', 'channel', 'event_id', 'level', 'rule_title', 'rule_id', 'attack', 'details', 'source', 'rule_author', 'rule_file'];

export class CsvSink implements DetectionSink {
  private wroteHeader = false;

  constructor(private readonly output: TextOutput) {}

  write(detection: Detection): void {
    if (!this.wroteHeader) {
      this.output.write(HEADER.join(',') + '\r\n');
      this.wroteHeader = true;
    }
    const row = [
      detection.event.time ?? '',
      detection.event.computer ?? '',
      detection.event.channel ?? '',
      String(detection.event.eventId ?? ''),
      detection.rule.level,
      detection.rule.title,
      detection.rule.id ?? '',
      attackTechniques(detection.rule.tags).join(' '),
      detailsText(detection),
      sourceText(detection),
      detection.rule.author ?? '',
      detection.rule.file,
    ];
    this.output.write(row.map(csvField).join(',') + '\r\n');
  }

  close(): Promise<void> {
    if (!this.wroteHeader) this.output.write(HEADER.join(',') + '\r\n');
    return this.output.end();
  }
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
