import { describe, expect, it } from 'vitest';
import { getField } from '../../core/event.js';
import { isSyslogProblem, parseSyslogMessage, type ParsedSyslog } from './parse-syslog.js';
import { messageOnlyEvent, syslogEvent, syslogFields } from './syslog-event.js';

function parse(text: string): ParsedSyslog {
  const result = parseSyslogMessage(text, { receivedAt: new Date('2024-03-03T15:00:00Z') });
  if (isSyslogProblem(result)) throw new Error(result.problem);
  return result;
}

describe('syslogFields', () => {
  it('names the parts of an RFC 5424 message, structured data as SD.<id>.<param>', () => {
    const fields = syslogFields(
      parse('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 42 ID47 [exampleSDID@32473 iut="3" eventSource="Application"][origin ip="192.0.2.1" ip="192.0.2.2"] An entry'),
    );
    expect(fields).toEqual({
      time: '2003-10-11T22:14:15.003Z',
      hostname: 'mymachine.example.com',
      appname: 'evntslog',
      procid: '42',
      msgid: 'ID47',
      facility: 'local4',
      facility_code: 20,
      severity: 'notice',
      severity_code: 5,
      syslog_format: 'rfc5424',
      'SD.exampleSDID@32473.iut': '3',
      'SD.exampleSDID@32473.eventSource': 'Application',
      'SD.origin.ip': ['192.0.2.1', '192.0.2.2'],
      message: 'An entry',
    });
    // The engine reads a flat key by its exact name, dots and all.
    expect(getField(fields, 'SD.exampleSDID@32473.iut')).toBe('3');
  });

  it('leaves out what the message did not carry, rather than inventing empty values', () => {
    expect(syslogFields(parse('Mar  3 14:22:01 web01 sudo: pam_unix(sudo:auth): authentication failure'))).toEqual({
      time: '2024-03-03T14:22:01Z',
      hostname: 'web01',
      appname: 'sudo',
      syslog_format: 'rfc3164',
      message: 'pam_unix(sudo:auth): authentication failure',
    });
    expect(syslogFields(parse('<14>1 - - - - - -'))).toEqual({
      time: '2024-03-03T15:00:00.000Z',
      facility: 'user',
      facility_code: 1,
      severity: 'info',
      severity_code: 6,
      syslog_format: 'rfc5424',
      message: '',
    });
  });

  it('makes events with the time and reference', () => {
    const ref = { file: 'auth.syslog', line: 3 };
    expect(syslogEvent(parse('<34>Mar  3 14:22:01 h su: x'), ref)).toMatchObject({ time: '2024-03-03T14:22:01Z', ref, fields: { facility: 'auth', severity: 'crit', message: 'x' } });
    expect(messageOnlyEvent('garbage', ref)).toEqual({ fields: { message: 'garbage' }, ref });
  });
});
