// Small formatting helpers shared by the output formats.
import type { Detection } from '../../core/detection.js';

/** ATT&CK technique ids from Sigma tags: attack.t1059.001 → T1059.001 (tactics are left out). */
export function attackTechniques(tags: readonly string[]): string[] {
  return tags.filter((tag) => /^attack\.t\d{4}(\.\d{3})?$/i.test(tag)).map((tag) => tag.slice('attack.'.length).toUpperCase());
}

/** Event time as `YYYY-MM-DD HH:MM:SS.mmm` (UTC), or '-' when unknown. */
export function displayTime(time: string | undefined): string {
  if (!time) return '-';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

const CHANNEL_ABBREVIATIONS: Record<string, string> = {
  'microsoft-windows-sysmon/operational': 'Sysmon',
  security: 'Security',
  system: 'System',
  application: 'Application',
  'microsoft-windows-powershell/operational': 'PowerShell',
  'windows powershell': 'PowerShell (classic)',
  'microsoft-windows-windows defender/operational': 'Defender',
  'microsoft-windows-taskscheduler/operational': 'TaskScheduler',
};

/** A short channel name for the timeline: the well-known ones by name, others by their last part. */
export function shortChannel(channel: string | undefined): string {
  if (!channel) return '-';
  return CHANNEL_ABBREVIATIONS[channel.toLowerCase()] ?? channel.replace(/^Microsoft-Windows-/i, '');
}

/** Shown in their own columns, so left out of the details. */
const COLUMN_FIELDS = new Set(['Computer', 'Channel', 'EventID']);

/** `Field: value ¦ Field: value`, the fields that matter for the detection. */
export function detailsText(detection: Detection): string {
  return Object.entries(detection.fields)
    .filter(([name]) => !COLUMN_FIELDS.has(name))
    .map(([name, value]) => `${name}: ${value.replace(/\s+/g, ' ')}`)
    .join(' ¦ ');
}

/** Where the event came from: `file:line` or `file#record`. */
export function sourceText(detection: Detection): string {
  const ref = detection.event.ref;
  if (ref.line !== undefined) return `${ref.file}:${ref.line}`;
  if (ref.record !== undefined) return `${ref.file}#${ref.record}`;
  return ref.file;
}
