import { describe, expect, it } from 'vitest';
import { isSyslogProblem, parseSyslogMessage, type ParsedSyslog, type SyslogParseOptions } from './parse-syslog.js';

const receivedAt = new Date('2024-03-03T15:00:00Z');

function parsed(text: string, options: SyslogParseOptions = { receivedAt }): ParsedSyslog {
  const result = parseSyslogMessage(text, options);
  if (isSyslogProblem(result)) throw new Error(`expected a message, got: ${result.problem}`);
  return result;
}

function problem(text: string, options: SyslogParseOptions = { receivedAt }): string {
  const result = parseSyslogMessage(text, options);
  if (!isSyslogProblem(result)) throw new Error(`expected a problem, got ${JSON.stringify(result)}`);
  return result.problem;
}

describe('RFC 5424 (the examples of §6.5)', () => {
  it('example 1: no structured data, a BOM before MSG', () => {
    expect(parsed("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8")).toEqual({
      format: 'rfc5424',
      priority: { facility: 4, severity: 2 },
      time: '2003-10-11T22:14:15.003Z',
      hostname: 'mymachine.example.com',
      appName: 'su',
      procId: undefined,
      msgId: 'ID47',
      structuredData: [],
      message: "'su root' failed for lonvick on /dev/pts/8",
    });
  });

  it('example 2: microseconds and a zone offset, NILVALUE MSGID', () => {
    const message = parsed("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");
    expect(message).toMatchObject({ time: '2003-08-24T05:14:15.000003-07:00', hostname: '192.0.2.1', appName: 'myproc', procId: '8710', msgId: undefined });
    expect(message.message).toBe("%% It's time to make the do-nuts.");
  });

  it('example 3: one SD element and a message', () => {
    const message = parsed(
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] \uFEFFAn application event log entry...',
    );
    expect(message.structuredData).toEqual([{ id: 'exampleSDID@32473', params: [['iut', '3'], ['eventSource', 'Application'], ['eventID', '1011']] }]);
    expect(message.message).toBe('An application event log entry...');
  });

  it('example 4: two SD elements and no MSG', () => {
    const message = parsed(
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"]',
    );
    expect(message.structuredData.map((element) => element.id)).toEqual(['exampleSDID@32473', 'examplePriority@32473']);
    expect(message.message).toBe('');
  });

  it('unescapes \\", \\\\ and \\] in values and keeps any other backslash', () => {
    const message = parsed('<14>1 2024-03-03T14:00:00Z h a - - [x@1 q="say \\"hi\\"" b="C:\\\\temp" c="a\\]b" d="keep\\n" e=""] m');
    expect(message.structuredData[0].params).toEqual([['q', 'say "hi"'], ['b', 'C:\\temp'], ['c', 'a]b'], ['d', 'keep\\n'], ['e', '']]);
    expect(message.message).toBe('m');
  });

  it('reads every NILVALUE; the time of a message without one is when it was received', () => {
    expect(parsed('<14>1 - - - - - -')).toEqual({
      format: 'rfc5424',
      priority: { facility: 1, severity: 6 },
      time: '2024-03-03T15:00:00.000Z',
      hostname: undefined,
      appName: undefined,
      procId: undefined,
      msgId: undefined,
      structuredData: [],
      message: '',
    });
    expect(parsed('<14>1 - - - - - -', {}).time).toBeUndefined();
  });

  it('drops a trailing line break, CRLF or NUL', () => {
    expect(parsed('<14>1 - h a - - - hello\r\n').message).toBe('hello');
    expect(parsed('<14>1 - h a - - - hello\u0000').message).toBe('hello');
  });

  it('reports what is wrong with a broken message', () => {
    expect(problem('<14>2 2024-03-03T14:00:00Z h a - - - m')).toMatch(/version 2 is not supported/);
    expect(problem('<14>1 yesterday h a - - - m')).toMatch(/TIMESTAMP/);
    expect(problem('<14>1 2024-03-03T14:00:00Z h a -')).toMatch(/cut short at its PROCID/);
    expect(problem(`<14>1 - ${'h'.repeat(256)} a - - - m`)).toMatch(/HOSTNAME is longer than 255/);
    expect(problem('<14>1 - h  a - - m')).toMatch(/APP-NAME is empty/);
    expect(problem('<14>1 - h a - - [x@1 a="unterminated] m')).toMatch(/no closing quote/);
    expect(problem('<14>1 - h a - - [x@1 a=b] m')).toMatch(/not followed by ="/);
    expect(problem('<14>1 - h a - - [x@1]x m')).toMatch(/not followed by a space before MSG/);
    expect(parsed('<14>1 - h a - - [x@1] [y@1] m').message).toBe('[y@1] m');
    expect(problem('<14>1 - h a - - x m')).toMatch(/neither `-` nor `\[`/);
    expect(problem(`<14>1 - h a - - [${'n'.repeat(33)}] m`)).toMatch(/longer than 32/);
  });
});

describe('priority', () => {
  it('decodes facility and severity', () => {
    expect(parsed('<0>Mar  3 14:00:00 h k: m').priority).toEqual({ facility: 0, severity: 0 });
    expect(parsed('<86>Mar  3 14:00:00 h k: m').priority).toEqual({ facility: 10, severity: 6 });
    expect(parsed('<191>Mar  3 14:00:00 h k: m').priority).toEqual({ facility: 23, severity: 7 });
  });

  it('rejects a priority that is not 0 to 191 in 1 to 3 digits', () => {
    expect(problem('<192>Mar  3 14:00:00 h k: m')).toMatch(/above 191/);
    expect(problem('<>Mar  3 14:00:00 h k: m')).toMatch(/not 1 to 3 digits/);
    expect(problem('<1234>Mar  3 14:00:00 h k: m')).toMatch(/not 1 to 3 digits/);
    expect(problem('<1a>Mar  3 14:00:00 h k: m')).toMatch(/other than digits/);
    expect(problem('<13')).toMatch(/not 1 to 3 digits/);
  });
});

describe('RFC 3164 / BSD', () => {
  it('the examples of RFC 3164 §5.4', () => {
    expect(parsed("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8", { receivedAt: new Date('2003-10-12T00:00:00Z') })).toEqual({
      format: 'rfc3164',
      priority: { facility: 4, severity: 2 },
      time: '2003-10-11T22:14:15Z',
      hostname: 'mymachine',
      appName: 'su',
      procId: undefined,
      structuredData: [],
      message: "'su root' failed for lonvick on /dev/pts/8",
    });
    expect(parsed('<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!')).toMatchObject({ time: '2024-02-05T17:32:18Z', hostname: '10.0.0.99', appName: undefined, message: 'Use the BFG!' });
    // No valid timestamp after a valid priority: all of it is content, timed on arrival (§4.3.2).
    expect(parsed("<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!")).toMatchObject({
      priority: { facility: 0, severity: 0 },
      time: '2024-03-03T15:00:00.000Z',
      hostname: undefined,
      message: "1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!",
    });
  });

  it('reads auth.log lines as written to files, without a priority', () => {
    expect(parsed('Mar  3 14:22:01 web01 sshd[4123]: Failed password for invalid user admin from 203.0.113.7 port 52144 ssh2')).toEqual({
      format: 'rfc3164',
      priority: undefined,
      time: '2024-03-03T14:22:01Z',
      hostname: 'web01',
      appName: 'sshd',
      procId: '4123',
      structuredData: [],
      message: 'Failed password for invalid user admin from 203.0.113.7 port 52144 ssh2',
    });
    expect(parsed('Mar  3 14:25:13 web01 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow')).toMatchObject({
      appName: 'sudo',
      procId: undefined,
      message: '   alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/cat /etc/shadow',
    });
    expect(parsed('Mar 03 14:30:01 web01 CRON[5120]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)')).toMatchObject({
      time: '2024-03-03T14:30:01Z',
      appName: 'CRON',
      procId: '5120',
      message: '(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)',
    });
    expect(parsed('Mar  3 14:22:01 mail1 postfix/smtpd[881]: connect from unknown[198.51.100.9]')).toMatchObject({ appName: 'postfix/smtpd', procId: '881' });
    expect(parsed('Mar  3 14:22:01 web01 kernel: [12345.678] usb 1-1: new high-speed USB device')).toMatchObject({
      appName: 'kernel',
      message: '[12345.678] usb 1-1: new high-speed USB device',
    });
  });

  it('reads rsyslog ISO timestamps, with or without a priority', () => {
    expect(parsed('2024-03-03T14:22:01.123456+01:00 web01 sshd[4123]: Accepted publickey for bob from 198.51.100.4 port 50022 ssh2')).toMatchObject({
      time: '2024-03-03T14:22:01.123456+01:00',
      hostname: 'web01',
      appName: 'sshd',
      procId: '4123',
      message: 'Accepted publickey for bob from 198.51.100.4 port 50022 ssh2',
    });
    expect(parsed('<86>2024-03-03T14:22:01Z web01 sudo: pam_unix(sudo:auth): authentication failure')).toMatchObject({ priority: { facility: 10, severity: 6 }, appName: 'sudo' });
  });

  it('reads messages from a local socket, which carry no host', () => {
    expect(parsed('<38>Mar  3 14:22:01 sshd[42]: Server listening on 0.0.0.0 port 22.')).toMatchObject({ hostname: undefined, appName: 'sshd', procId: '42', message: 'Server listening on 0.0.0.0 port 22.' });
    expect(parsed('<38>Mar  3 14:22:01 sshd[42] no colon')).toMatchObject({ hostname: undefined, appName: 'sshd', procId: '42', message: 'no colon' });
  });

  it('keeps a fraction of a second, a year written before the time, and a lone header', () => {
    expect(parsed('Mar  3 14:22:01.250 h p: m').time).toBe('2024-03-03T14:22:01.250Z');
    expect(parsed('<189>Mar  1 2021 00:00:05 router1 sshd: m').time).toBe('2021-03-01T00:00:05Z');
    expect(parsed('Mar  3 14:22:01 h')).toMatchObject({ hostname: 'h', appName: undefined, message: '' });
  });

  it('reports a line without a header', () => {
    expect(problem('just some text')).toMatch(/no syslog header/);
    expect(problem('Foo  3 14:22:01 h p: m')).toMatch(/no syslog header/);
    expect(problem('Mar 32 14:22:01 h p: m')).toMatch(/no syslog header/);
    expect(problem('Mar  3 24:00:00 h p: m')).toMatch(/no syslog header/);
    expect(problem('   ')).toBe('empty message');
  });
});

describe('the year of a BSD timestamp', () => {
  const at = (iso: string) => ({ receivedAt: new Date(iso) });

  it('is the reference year for a date shortly before it', () => {
    expect(parsed('Jun  1 10:00:00 h p: m', at('2025-06-01T12:00:00Z')).time).toBe('2025-06-01T10:00:00Z');
  });

  it('rolls back over New Year: December lines read in January are from the year before', () => {
    expect(parsed('Dec 31 23:59:00 h p: m', at('2025-01-02T00:00:00Z')).time).toBe('2024-12-31T23:59:00Z');
    // A file last written in January that holds most of a year: June is last June, not next.
    expect(parsed('Jun  1 10:00:00 h p: m', at('2025-01-05T00:00:00Z')).time).toBe('2024-06-01T10:00:00Z');
  });

  it('rolls forward for a sender whose clock is a little ahead on New Year’s Eve', () => {
    expect(parsed('Jan  1 00:00:05 h p: m', at('2024-12-31T23:59:59Z')).time).toBe('2025-01-01T00:00:05Z');
  });

  it('finds the last leap year for 29 February', () => {
    expect(parsed('Feb 29 12:00:00 h p: m', at('2025-03-01T00:00:00Z')).time).toBe('2024-02-29T12:00:00Z');
  });

  it('takes defaultYear as it is, before any reference', () => {
    expect(parsed('Dec 31 23:59:00 h p: m', { defaultYear: 2019, receivedAt: new Date('2025-01-02T00:00:00Z') }).time).toBe('2019-12-31T23:59:00Z');
    expect(problem('Feb 29 12:00:00 h p: m', { defaultYear: 2023 })).toMatch(/no syslog header/);
  });
});

describe('limits', () => {
  it('reports a message over maxLength, keeping only its start', () => {
    const result = parseSyslogMessage(`<14>1 - h a - - - ${'x'.repeat(100)}`, { maxLength: 50 });
    expect(result).toEqual({ problem: 'longer than the limit of 50 characters', text: `<14>1 - h a - - - ${'x'.repeat(100)}`.slice(0, 50) });
  });

  it('answers at once on long hostile input', () => {
    const hostile = [
      `<14>1 - h a - - ${'['.repeat(60_000)}`,
      `<14>1 - h a - - [x@1${' a="\\"'.repeat(10_000)}`,
      `Mar  3 14:22:01 ${'['.repeat(60_000)}`,
      `Mar  3 14:22:01 h ${'a['.repeat(30_000)}]:`,
      `<14>${' '.repeat(60_000)}`,
      `${'9'.repeat(60_000)}`,
    ];
    const started = performance.now();
    for (const text of hostile) expect(() => parseSyslogMessage(text)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never throws on a value that is not a string', () => {
    expect(parseSyslogMessage(undefined as unknown as string)).toEqual({ problem: 'not a string', text: '' });
  });
});
