import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../core/event.js';
import type { ReadProblem } from './read-problem.js';
import { isSupportedLogFile, readEvents } from './read-events.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-read-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(file: string) {
  const events: LogEvent[] = [];
  const problems: ReadProblem[] = [];
  for await (const event of readEvents(file, { onProblem: (problem) => problems.push(problem) })) events.push(event);
  return { events, problems };
}

describe('isSupportedLogFile', () => {
  it('accepts the JSON extensions, plain or gzip, in any case', () => {
    for (const name of ['a.json', 'a.jsonl', 'a.ndjson', 'a.json.gz', 'a.jsonl.gz', 'a.ndjson.gz', 'dir/B.JSON', 'C:\\logs\\x.NDJSON.GZ']) {
      expect(isSupportedLogFile(name), name).toBe(true);
    }
  });

  it('accepts syslog files, plain or gzip, in any case', () => {
    for (const name of ['a.syslog', 'a.syslog.gz', 'dir/AUTH.SYSLOG']) expect(isSupportedLogFile(name), name).toBe(true);
  });

  it('accepts EVTX files in any case, but not gzip-compressed ones', () => {
    for (const name of ['a.evtx', 'dir/Security.EVTX']) expect(isSupportedLogFile(name), name).toBe(true);
    expect(isSupportedLogFile('a.evtx.gz')).toBe(false);
  });

  it('leaves out files a directory walk should not guess at', () => {
    for (const name of ['a.log', 'a.log.gz', 'a.txt', 'a.gz', 'a.evt', 'json', '.json', 'a.json.bak', 'dir.json/readme']) {
      expect(isSupportedLogFile(name), name).toBe(false);
    }
  });
});

describe('readEvents', () => {
  it('reads JSON files of every supported extension', async () => {
    const line = '{"EventID":1,"Image":"a.exe"}\n';
    for (const name of ['a.json', 'a.jsonl', 'a.ndjson']) {
      const file = join(dir, name);
      writeFileSync(file, line);
      expect((await read(file)).events.map((event) => event.fields), name).toEqual([{ EventID: 1, Image: 'a.exe' }]);
    }
    const gz = join(dir, 'b.ndjson.gz');
    writeFileSync(gz, gzipSync(line));
    expect((await read(gz)).events).toHaveLength(1);
  });

  it('reads a .log file named explicitly when it holds JSON, plain or gzip', async () => {
    const plain = join(dir, 'app.log');
    writeFileSync(plain, '\n  {"msg":"hello","time":"2024-01-01T00:00:00Z"}\n');
    const { events, problems } = await read(plain);
    expect(problems).toEqual([]);
    expect(events).toEqual([{ fields: { msg: 'hello', time: '2024-01-01T00:00:00Z' }, time: '2024-01-01T00:00:00Z', ref: { file: plain, line: 2 } }]);

    const gz = join(dir, 'app.log.gz');
    writeFileSync(gz, gzipSync('[{"msg":"a"}]'));
    expect((await read(gz)).events.map((event) => event.ref)).toEqual([{ file: gz, line: 1, record: 1 }]);
  });

  it('reads a .log file named explicitly as syslog when its first line is syslog, plain or gzip', async () => {
    const text = 'Jan  1 00:00:00 host sshd[1]: Accepted password\nJan  1 00:00:01 host sshd[1]: closed\n';
    for (const [name, content] of [['syslog.log', text], ['syslog.log.gz', gzipSync(text)]] as const) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const { events, problems } = await read(file);
      expect(problems, name).toEqual([]);
      expect(events.map((event) => [event.ref.line, event.fields.appname, event.fields.message]), name).toEqual([
        [1, 'sshd', 'Accepted password'],
        [2, 'sshd', 'closed'],
      ]);
    }
  });

  it('reports a .log file that is neither JSON nor syslog once, instead of a problem per line', async () => {
    const file = join(dir, 'table.log');
    writeFileSync(file, 'time,host,message\n2024-01-01,a,b\n');
    expect(await read(file)).toEqual({ events: [], problems: [{ file, message: 'not a supported log format; skipped' }] });
  });

  it('reads .syslog files, plain or gzip, whatever their first line', async () => {
    const file = join(dir, 'auth.syslog');
    writeFileSync(file, 'not syslog\nJan  1 00:00:00 host sshd[1]: Accepted password\n');
    const { events, problems } = await read(file);
    expect(problems.map((problem) => problem.line)).toEqual([1]);
    expect(events.map((event) => event.fields.message)).toEqual(['not syslog', 'Accepted password']);
  });

  it('reports an unsupported file instead of throwing', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, '{"a":1}\n');
    expect(await read(file)).toEqual({ events: [], problems: [{ file, message: 'not a supported log format; skipped' }] });
  });

  it('reports a missing file through the reader', async () => {
    const { events, problems } = await read(join(dir, 'missing.json'));
    expect(events).toEqual([]);
    expect(problems[0].message).toMatch(/ENOENT/);
  });
});
