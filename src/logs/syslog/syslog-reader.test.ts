import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../core/event.js';
import type { ReadProblem } from '../read-problem.js';
import { looksLikeSyslog, readSyslogEvents, type SyslogReaderOptions } from './syslog-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-syslog-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(file: string, options: SyslogReaderOptions = {}) {
  const events: LogEvent[] = [];
  const problems: ReadProblem[] = [];
  for await (const event of readSyslogEvents(file, { ...options, onProblem: (problem) => problems.push(problem) })) events.push(event);
  return { events, problems };
}

const AUTH_LOG = [
  'Dec 31 23:58:01 web01 sshd[4123]: Failed password for invalid user admin from 203.0.113.7 port 52144 ssh2',
  'Dec 31 23:59:13 web01 sudo:    alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash',
  '',
  'this line is not syslog',
  'Jan  1 00:00:01 web01 CRON[5120]: (root) CMD (run-parts /etc/cron.hourly)',
  '<86>1 2025-01-01T00:00:02Z web01 sshd 4124 - [origin ip="203.0.113.7"] Accepted publickey for bob',
].join('\r\n');

describe('readSyslogEvents', () => {
  it('reads every line with its number, reports a bad line by file:line and reads on', async () => {
    const file = join(dir, 'auth.syslog');
    writeFileSync(file, `${AUTH_LOG}\n`);
    // Last written on New Year's Day: December's lines are from the year before.
    utimesSync(file, new Date('2025-01-01T00:05:00Z'), new Date('2025-01-01T00:05:00Z'));
    const { events, problems } = await read(file);
    expect(problems).toEqual([{ file, line: 4, message: 'not a syslog line (no syslog header: neither `<PRI>` nor a timestamp (`Mmm dd hh:mm:ss` or ISO 8601) at the start); kept as a message-only event' }]);
    expect(events.map((event) => [event.ref.line, event.time, event.fields.appname])).toEqual([
      [1, '2024-12-31T23:58:01Z', 'sshd'],
      [2, '2024-12-31T23:59:13Z', 'sudo'],
      [4, undefined, undefined],
      [5, '2025-01-01T00:00:01Z', 'CRON'],
      [6, '2025-01-01T00:00:02Z', 'sshd'],
    ]);
    expect(events[2]).toEqual({ fields: { message: 'this line is not syslog' }, ref: { file, line: 4 } });
    expect(events[4].fields['SD.origin.ip']).toBe('203.0.113.7');
    for (const event of events) expect(event.ref.file).toBe(file);
  });

  it('takes the year it is given instead of the modification time', async () => {
    const file = join(dir, 'archive.syslog');
    writeFileSync(file, 'Dec 31 23:58:01 web01 sshd[1]: x\n');
    expect((await read(file, { syslogYear: 2017 })).events[0].time).toBe('2017-12-31T23:58:01Z');
  });

  it('reads gzip and a last line without a line break', async () => {
    const file = join(dir, 'old.syslog.gz');
    writeFileSync(file, gzipSync('Mar  3 14:22:01 h a: one\nMar  3 14:22:02 h a: two'));
    const { events, problems } = await read(file, { syslogYear: 2024 });
    expect(problems).toEqual([]);
    expect(events.map((event) => [event.ref.line, event.fields.message])).toEqual([[1, 'one'], [2, 'two']]);
  });

  it('skips a line over the limit without holding it, and reads the next', async () => {
    const file = join(dir, 'long.syslog');
    writeFileSync(file, `Mar  3 14:22:01 h a: ${'x'.repeat(5000)}\nMar  3 14:22:02 h a: short\n`);
    const { events, problems } = await read(file, { maxRecordBytes: 1000, syslogYear: 2024 });
    expect(problems).toEqual([{ file, line: 1, message: 'line is longer than the limit of 1000 characters; skipped' }]);
    expect(events.map((event) => [event.ref.line, event.fields.message])).toEqual([[2, 'short']]);
  });

  it('reports a binary file once, and a missing one', async () => {
    const file = join(dir, 'binary.syslog');
    writeFileSync(file, Buffer.from([0x45, 0x00, 0x56, 0x00, 0x0a, 0x41]));
    expect(await read(file)).toEqual({ events: [], problems: [{ file, message: 'does not look like syslog (binary); skipped' }] });
    const missing = await read(join(dir, 'missing.syslog'));
    expect(missing.events).toEqual([]);
    expect(missing.problems[0].message).toMatch(/^cannot read the file: ENOENT/);
  });
});

describe('looksLikeSyslog', () => {
  it('accepts a first line that parses as syslog, after blank lines', () => {
    expect(looksLikeSyslog('\n\nMar  3 14:22:01 h sshd[1]: x\n')).toBe(true);
    expect(looksLikeSyslog('<34>1 - h a - - - x')).toBe(true);
    expect(looksLikeSyslog('2024-03-03T14:22:01+01:00 h sshd[1]: x')).toBe(true);
  });

  it('rejects JSON, CSV and prose', () => {
    for (const head of ['{"a":1}\n', '[1,2]', 'time,host,message\n', 'hello world\n', '', '\n\n', '<Event xmlns="x">']) expect(looksLikeSyslog(head), head).toBe(false);
  });
});
