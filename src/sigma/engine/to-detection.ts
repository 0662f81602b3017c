// A matched rule and its event into a Detection: what the analyst sees, with the rule's attribution.
import type { Detection } from '../../core/detection.js';
import { getField, type LogEvent } from '../../core/event.js';
import type { CompiledRule } from '../compile/compile-rule.js';
import type { RuleInfo } from '../parse/rule-types.js';

const MAX_FIELD_TEXT = 2000;

/**
 * One attribution object per rule, shared by all its detections: a hunt can report the same rule tens
 * of thousands of times, and a worker thread sends each rule's attribution once (hunt/detection-wire.ts).
 */
const attributions = new WeakMap<RuleInfo, Detection['rule']>();

function attributionOf(rule: RuleInfo): Detection['rule'] {
  let attribution = attributions.get(rule);
  if (attribution === undefined) {
    attribution = Object.freeze({
      id: rule.id,
      title: rule.title,
      level: rule.level,
      status: rule.status,
      tags: rule.tags,
      author: rule.author,
      references: rule.references,
      file: rule.location.file,
    });
    attributions.set(rule, attribution);
  }
  return attribution;
}

export function toDetection(compiled: CompiledRule, event: LogEvent): Detection {
  const fields: Record<string, string> = {};
  for (const name of compiled.displayFields) {
    const value = getField(event.fields, name);
    if (value === undefined || value === null || value === '') continue;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    fields[name] = text.length > MAX_FIELD_TEXT ? `${text.slice(0, MAX_FIELD_TEXT)}…` : text;
  }
  const eventId = event.fields.EventID;
  return {
    rule: attributionOf(compiled.rule),
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
