// The PRI part of a syslog message, `<N>`: facility × 8 + severity (RFC 5424 §6.2.1, the same
// numbers as RFC 3164 §4.1.1). Names are the ones syslog.conf and rsyslog use, so a rule or a person
// can write `facility: authpriv` rather than remember that it is 10.

export interface SyslogPriority {
  /** 0–23. */
  readonly facility: number;
  /** 0 (emergency) – 7 (debug). */
  readonly severity: number;
}

/** RFC 5424 table 1, by code. 12–15 have no syslog.conf keyword; these are the names rsyslog prints. */
export const FACILITY_NAMES: readonly string[] = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news',
  'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'security', 'console', 'solaris-cron',
  'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
];

/** RFC 5424 table 2, by code, with syslog.conf's keywords. */
export const SEVERITY_NAMES: readonly string[] = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

/** Largest valid PRI: facility 23, severity 7. */
const MAX_PRI = 191;

/**
 * Reads `<N>` at the start of `text`. Returns the priority and where the rest starts, `undefined`
 * when the text does not start with `<`, or a reason when it starts like a PRI but is not a valid one.
 * At most five characters are looked at, so this is constant work on any input.
 */
export function readPriority(text: string): { priority: SyslogPriority; end: number } | { problem: string } | undefined {
  if (text.charCodeAt(0) !== 60 /* < */) return undefined;
  let value = 0;
  let at = 1;
  for (; at < 4 && at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 62 /* > */) break;
    if (code < 48 || code > 57) return { problem: 'the priority `<N>` holds something other than digits' };
    value = value * 10 + (code - 48);
  }
  if (text.charCodeAt(at) !== 62 /* > */ || at === 1) return { problem: 'the priority `<N>` is not 1 to 3 digits closed by `>`' };
  if (value > MAX_PRI) return { problem: `the priority <${value}> is above ${MAX_PRI}` };
  return { priority: { facility: value >> 3, severity: value & 7 }, end: at + 1 };
}
