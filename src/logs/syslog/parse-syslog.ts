// One syslog message → its parts. Two formats, told apart by what follows the priority: RFC 5424
// (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG`) when it is a version number and a space, otherwise
// RFC 3164 / BSD (`<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG`, the priority optional as in files, the
// timestamp also ISO 8601 as rsyslog writes it).
//
// Nothing here throws, and the work is one forward pass over at most `maxLength` characters: fields
// are cut at spaces with indexOf, timestamps and structured data read by fixed scans, no regex runs
// on more than a timestamp. A message that cannot be read comes back as a problem with the reason
// and its text, so the caller can still keep the text as a message-only event (see syslog-event.ts).

import { readPriority, type SyslogPriority } from './syslog-priority.js';
import { readStructuredData, type SdElement } from './structured-data.js';
import { readBsdTime, readIsoTime, type YearSource } from './syslog-time.js';

export type SyslogFormat = 'rfc5424' | 'rfc3164';

export interface ParsedSyslog {
  readonly format: SyslogFormat;
  /** Absent when the message had no `<PRI>` (lines in files written by syslog daemons). */
  readonly priority?: SyslogPriority;
  /** ISO 8601; absent for RFC 5424's NILVALUE when no `receivedAt` was given. */
  readonly time?: string;
  readonly hostname?: string;
  /** RFC 5424 APP-NAME, or the program part of the RFC 3164 TAG (`sshd` in `sshd[42]:`). */
  readonly appName?: string;
  /** RFC 5424 PROCID, or the PID of the RFC 3164 TAG. Text: PROCID need not be a number. */
  readonly procId?: string;
  /** RFC 5424 MSGID. */
  readonly msgId?: string;
  readonly structuredData: readonly SdElement[];
  /** MSG, without the byte order mark RFC 5424 puts before UTF-8 text. */
  readonly message: string;
}

export interface SyslogProblem {
  /** Why the message could not be read, for a person. */
  readonly problem: string;
  /** The message's text (cut at `maxLength`), for a caller that keeps it as a message-only event. */
  readonly text: string;
}

export interface SyslogParseOptions {
  /**
   * When the message arrived (a listener) or was last written (a file). It is the time of a message
   * without one, and it decides the year of a BSD timestamp. Default: now.
   */
  readonly receivedAt?: Date;
  /** The year for BSD timestamps, taken as is: for an archive whose dates are known. */
  readonly defaultYear?: number;
  /** Longest message read (default 64 KiB); a longer one is a problem, its text cut to this length. */
  readonly maxLength?: number;
}

/** rsyslog's and syslog-ng's largest defaults lie below this; RFC 5424 asks receivers for 2 KiB. */
export const DEFAULT_MAX_SYSLOG_CHARS = 64 * 1024;

/** RFC 5424 §6 header field limits. */
const MAX_HOSTNAME = 255;
const MAX_APP_NAME = 48;
const MAX_PROCID = 128;
const MAX_MSGID = 32;
/** Longest RFC 3164 TAG accepted with its PID (the RFC says 32 for the name; real ones are longer). */
const MAX_TAG = 256;

const SPACE = 32;
const BYTE_ORDER_MARK = 0xfeff;

export function isSyslogProblem(result: ParsedSyslog | SyslogProblem): result is SyslogProblem {
  return 'problem' in result;
}

/** Parses one syslog message; never throws. */
export function parseSyslogMessage(input: string, options: SyslogParseOptions = {}): ParsedSyslog | SyslogProblem {
  const maxLength = Math.max(1, options.maxLength ?? DEFAULT_MAX_SYSLOG_CHARS);
  if (typeof input !== 'string') return { problem: 'not a string', text: '' };
  if (input.length > maxLength) return { problem: `longer than the limit of ${maxLength} characters`, text: input.slice(0, maxLength) };
  const text = withoutLineEnd(input);
  if (text.trim().length === 0) return { problem: 'empty message', text };

  const pri = readPriority(text);
  if (pri !== undefined && 'problem' in pri) return { problem: pri.problem, text };
  const start = pri === undefined ? 0 : pri.end;
  const priority = pri?.priority;
  const receivedMs = options.receivedAt?.getTime();
  const referenceMs = receivedMs !== undefined && Number.isFinite(receivedMs) ? receivedMs : Date.now();

  const version = priority === undefined ? undefined : readVersion(text, start);
  const result =
    version === undefined
      ? parseBsd(text, start, priority, options.defaultYear === undefined ? { referenceMs } : { year: options.defaultYear }, receivedMs)
      : version.value === 1
        ? parse5424(text, version.end, priority as SyslogPriority, receivedMs)
        : `syslog protocol version ${version.value} is not supported (RFC 5424 defines only 1)`;
  return typeof result === 'string' ? { problem: result, text } : result;
}

/** RFC 5424 VERSION: 1 to 3 digits, the first not 0, then a space. */
function readVersion(text: string, start: number): { value: number; end: number } | undefined {
  let value = 0;
  let at = start;
  while (at - start < 3 && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) value = value * 10 + text.charCodeAt(at++) - 48;
  if (at === start || text.charCodeAt(start) === 48 || text.charCodeAt(at) !== SPACE) return undefined;
  return { value, end: at + 1 };
}

function parse5424(text: string, start: number, priority: SyslogPriority, receivedMs: number | undefined): ParsedSyslog | string {
  let at = start;
  let time: string | undefined;
  if (text.charCodeAt(at) === 45 /* - */ && text.charCodeAt(at + 1) === SPACE) {
    if (receivedMs !== undefined && Number.isFinite(receivedMs)) time = new Date(receivedMs).toISOString();
    at += 2;
  } else {
    const read = readIsoTime(text, at);
    if (read === undefined || text.charCodeAt(read.end) !== SPACE) return 'RFC 5424 TIMESTAMP is neither `-` nor an ISO 8601 time followed by a space';
    time = read.time;
    at = read.end + 1;
  }
  const fields: (string | undefined)[] = [];
  for (const [name, max] of [['HOSTNAME', MAX_HOSTNAME], ['APP-NAME', MAX_APP_NAME], ['PROCID', MAX_PROCID], ['MSGID', MAX_MSGID]] as const) {
    const end = text.indexOf(' ', at);
    if (end === -1) return `RFC 5424 header is cut short at its ${name}`;
    if (end === at) return `RFC 5424 ${name} is empty (two spaces in a row)`;
    if (end - at > max) return `RFC 5424 ${name} is longer than ${max} characters`;
    if (!isPrintableAscii(text, at, end)) return `RFC 5424 ${name} holds characters other than printable US-ASCII`;
    fields.push(end - at === 1 && text.charCodeAt(at) === 45 ? undefined : text.slice(at, end));
    at = end + 1;
  }

  let structuredData: SdElement[] = [];
  if (text.charCodeAt(at) === 45 /* - */) {
    at++;
  } else if (text.charCodeAt(at) === 91 /* [ */) {
    const sd = readStructuredData(text, at);
    if ('problem' in sd) return `RFC 5424 ${sd.problem}`;
    structuredData = sd.elements;
    at = sd.end;
  } else {
    return 'RFC 5424 STRUCTURED-DATA is neither `-` nor `[`';
  }
  if (at < text.length && text.charCodeAt(at) !== SPACE) return 'RFC 5424 STRUCTURED-DATA is not followed by a space before MSG';
  let messageStart = Math.min(at + 1, text.length);
  if (text.charCodeAt(messageStart) === BYTE_ORDER_MARK) messageStart++;
  const [hostname, appName, procId, msgId] = fields;
  return { format: 'rfc5424', priority, time, hostname, appName, procId, msgId, structuredData, message: text.slice(messageStart) };
}

function parseBsd(
  text: string,
  start: number,
  priority: SyslogPriority | undefined,
  years: YearSource,
  receivedMs: number | undefined,
): ParsedSyslog | string {
  const read = readIsoTime(text, start) ?? readBsdTime(text, start, years);
  let at: number;
  let time: string | undefined;
  if (read !== undefined) {
    time = read.time;
    at = skipSpaces(text, read.end);
  } else if (priority !== undefined) {
    // RFC 3164 §4.3.2: a valid priority without a valid timestamp is still a message; the
    // receiver's time stands in, and what follows is the content.
    if (receivedMs !== undefined && Number.isFinite(receivedMs)) time = new Date(receivedMs).toISOString();
    at = start;
  } else {
    return 'no syslog header: neither `<PRI>` nor a timestamp (`Mmm dd hh:mm:ss` or ISO 8601) at the start';
  }

  let hostname: string | undefined;
  let tag = readTag(text, at);
  if (tag === undefined && read !== undefined && at < text.length) {
    // Not a tag, so the host (messages from a local socket carry none).
    const end = endOfToken(text, at);
    hostname = text.slice(at, end);
    at = skipSpaces(text, end);
    tag = readTag(text, at);
  }
  if (tag !== undefined) at = tag.end;
  return {
    format: 'rfc3164',
    priority,
    time,
    hostname,
    appName: tag?.program,
    procId: tag?.pid,
    structuredData: [],
    message: text.slice(at),
  };
}

/**
 * An RFC 3164 TAG: `program:`, `program[pid]:` or `program[pid]` and the space after it. The program
 * may hold `/`, `-`, `.` (`postfix/smtpd`, `systemd-logind`); not spaces, brackets or colons.
 */
function readTag(text: string, start: number): { program: string; pid?: string; end: number } | undefined {
  const end = endOfToken(text, start);
  let last = end - 1;
  if (end - start < 2 || end - start > MAX_TAG) return undefined;
  const colon = text.charCodeAt(last) === 58;
  if (colon) last--;
  let program = last + 1;
  let pid: string | undefined;
  if (text.charCodeAt(last) === 93 /* ] */) {
    const open = text.lastIndexOf('[', last);
    if (open <= start || open >= last - 1) return undefined;
    pid = text.slice(open + 1, last);
    if (pid.includes(']')) return undefined;
    program = open;
  } else if (!colon) {
    return undefined;
  }
  for (let i = start; i < program; i++) {
    const code = text.charCodeAt(i);
    if (code === 91 || code === 93 || code === 58) return undefined;
  }
  if (program === start) return undefined;
  return { program: text.slice(start, program), pid, end: end < text.length ? end + 1 : end };
}

function endOfToken(text: string, start: number): number {
  const end = text.indexOf(' ', start);
  return end === -1 ? text.length : end;
}

function skipSpaces(text: string, start: number): number {
  let at = start;
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

function isPrintableAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 33 || code > 126) return false;
  }
  return true;
}

/** Drops the line break a framer or file left: LF, CRLF, or a trailing NUL some senders add. */
function withoutLineEnd(text: string): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code !== 10 && code !== 13 && code !== 0) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}
