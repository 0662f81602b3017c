// A parsed syslog message → the event the engine reads. Sigma has no field taxonomy for syslog:
// SigmaHQ's Linux rules for auth, sshd, cron, syslog, clamav, vsftpd and guacamole are keyword rules,
// which search every value of the event, so what matters most is that the message text is there.
// The other names follow RFC 5424's own (lower case, as rsyslog's properties are), so a rule that
// selects on them reads like the RFC; see docs/syslog.md.
//
// Only what the sender wrote becomes a value that keyword rules search, with one exception: the
// facility and severity names, which people write rules and filters with. Absent parts stay absent
// (missing is not false), rather than becoming empty strings a rule could match.

import type { EventRef, LogEvent } from '../../core/event.js';
import type { ParsedSyslog } from './parse-syslog.js';
import { FACILITY_NAMES, SEVERITY_NAMES } from './syslog-priority.js';

/** The prefix of structured-data fields: `SD.<SD-ID>.<PARAM-NAME>`. */
export const STRUCTURED_DATA_PREFIX = 'SD.';

/**
 * The fields of a syslog event:
 * - `message`: MSG;
 * - `hostname`, `appname` (APP-NAME, or the program of a BSD tag), `procid` (PROCID or the tag's PID,
 *   as text), `msgid` (RFC 5424 only);
 * - `facility` and `severity` by name (`authpriv`, `err`), `facility_code` and `severity_code` as
 *   numbers, when the message had a `<PRI>`;
 * - `syslog_format`: `rfc5424` or `rfc3164`;
 * - `time`: the ISO 8601 time, as in `LogEvent.time`;
 * - `SD.<id>.<param>` for each structured-data parameter, e.g. `SD.origin.ip`; a parameter repeated
 *   in one element becomes an array of its values. The key is flat (SD-IDs hold `@` and may hold
 *   `.`); the engine reads a field by its exact name first, so `SD.exampleSDID@32473.iut` works.
 */
export function syslogFields(parsed: ParsedSyslog): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (parsed.time !== undefined) fields.time = parsed.time;
  if (parsed.hostname !== undefined) fields.hostname = parsed.hostname;
  if (parsed.appName !== undefined) fields.appname = parsed.appName;
  if (parsed.procId !== undefined) fields.procid = parsed.procId;
  if (parsed.msgId !== undefined) fields.msgid = parsed.msgId;
  if (parsed.priority !== undefined) {
    fields.facility = FACILITY_NAMES[parsed.priority.facility];
    fields.facility_code = parsed.priority.facility;
    fields.severity = SEVERITY_NAMES[parsed.priority.severity];
    fields.severity_code = parsed.priority.severity;
  }
  fields.syslog_format = parsed.format;
  for (const element of parsed.structuredData) {
    for (const [name, value] of element.params) {
      const key = `${STRUCTURED_DATA_PREFIX}${element.id}.${name}`;
      const earlier = fields[key];
      if (earlier === undefined) fields[key] = value;
      else if (Array.isArray(earlier)) earlier.push(value);
      else fields[key] = [earlier, value];
    }
  }
  fields.message = parsed.message;
  return fields;
}

/** The event for a parsed message. */
export function syslogEvent(parsed: ParsedSyslog, ref: EventRef): LogEvent {
  return { fields: syslogFields(parsed), time: parsed.time, ref };
}

/**
 * The event for text that is not readable syslog: just `message`, so keyword rules still see it
 * (RFC 3164 §4.3.3 has a relay do the same: an unreadable message is all content).
 */
export function messageOnlyEvent(text: string, ref: EventRef): LogEvent {
  return { fields: { message: text }, ref };
}
