// A matched rule and its event into a Detection: what the analyst sees, with the rule's attribution.
import type { Detection } from '../../core/detection.js';
import { getField, type LogEvent } from '../../core/event.js';
import type { CompiledRule } from '../compile/compile-rule.js';

const MAX_FIELD_TEXT = 2000;

export function toDetection(compiled: CompiledRule, event: LogEvent): Detection {
  const rule = compiled.rule;
  const fields: Record<string, string> = {};
  for (const name of compiled.displayFields) {
    const value = getField(event.fields, name);
    if (value === undefined || value === null || value === '') continue;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    fields[name] = text.length > MAX_FIELD_TEXT ? `${text.slice(0, MAX_FIELD_TEXT)}…` : text;
  }
  const eventId = event.fields.EventID;
  return {
    rule: {
      id: rule.id,
      title: rule.title,
      level: rule.level,
      status: rule.status,
      tags: rule.tags,
      author: rule.author,
      references: rule.references,
      file: rule.location.file,
    },
    event: {
      time: event.time,
      computer: stringOrUndefined(event.fields.Computer),
      channel: stringOrUndefined(event.fields.Channel),
      eventId: typeof eventId === 'number' || typeof eventId === 'string' ? eventId : undefined,
      ref: event.ref,
    },
    fields,
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
