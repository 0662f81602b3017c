import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../core/event.js';
import { readJsonEvents, type JsonReaderOptions } from './json.js';
import type { ReadProblem } from './read-problem.js';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/logs');
const dir = mkdtempSync(join(tmpdir(), 'rampart-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function write(name: string, content: string | Buffer): string {
  const file = join(dir, `${fileCount++}-${name}`);
  writeFileSync(file, content);
  return file;
}

async function read(file: string, options: JsonReaderOptions = {}) {
  const events: LogEvent[] = [];
  const problems: ReadProblem[] = [];
  const bytes: number[] = [];
  for await (const event of readJsonEvents(file, {
    ...options,
    onProblem: (problem) => problems.push(problem),
    onBytes: (count) => bytes.push(count),
  })) {
    events.push(event);
  }
  return { events, problems, bytes, fields: events.map((event) => event.fields), lines: events.map((event) => event.ref.line) };
}

const ndjson = ['{"n":1,"@timestamp":"2024-01-01T00:00:01Z"}', '{"n":2,"host":{"name":"a"}}', '{"n":3}'].join('\n') + '\n';
const objects = [
  { n: 1, '@timestamp': '2024-01-01T00:00:01Z' },
  { n: 2, host: { name: 'a' } },
  { n: 3 },
];

describe('readJsonEvents: layouts', () => {
  it('reads NDJSON with line references, time, and blank lines ignored', async () => {
    const file = write('a.jsonl', `\n${ndjson}\n  \n{"n":4}\n`);
    const { events, problems, lines } = await read(file);
    expect(problems).toEqual([]);
    expect(events.map((event) => event.fields)).toEqual([...objects, { n: 4 }]);
    expect(lines).toEqual([2, 3, 4, 7]);
    expect(events[0]).toEqual({ fields: objects[0], time: '2024-01-01T00:00:01Z', ref: { file, line: 2 } });
    expect(events[1].time).toBeUndefined();
  });

  it('reads a last line that has no line break', async () => {
    const { fields, problems } = await read(write('a.ndjson', ndjson.trimEnd()));
    expect(problems).toEqual([]);
    expect(fields).toEqual(objects);
  });

  it('streams the elements of a pretty-printed array, numbering them', async () => {
    const file = write('a.json', JSON.stringify(objects, null, 2));
    const { events, problems } = await read(file);
    expect(problems).toEqual([]);
    expect(events.map((event) => event.fields)).toEqual(objects);
    expect(events.map((event) => event.ref)).toEqual([
      { file, line: 2, record: 1 },
      { file, line: 6, record: 2 },
      { file, line: 12, record: 3 },
    ]);
  });

  it('reads a compact one-line array', async () => {
    const { fields, problems, events } = await read(write('a.json', JSON.stringify(objects)));
    expect(problems).toEqual([]);
    expect(fields).toEqual(objects);
    expect(events.map((event) => event.ref.record)).toEqual([1, 2, 3]);
  });

  it('reads pretty-printed objects one after another, as evtx_dump writes them', async () => {
    const { events, problems } = await read(join(fixtures, 'classic-data.json'));
    expect(problems).toEqual([]);
    expect(events.map((event) => event.fields.EventID)).toEqual([7045, 1000, 11707]);
    expect(events.map((event) => event.ref.line)).toEqual([1, 81, 108]);
    expect(events[0].fields.ServiceName).toBe('updater');
    expect(events[0].time).toBe('2024-03-05T10:15:00.000000Z');
  });

  it('normalises a Security 4688 event whose command line holds braces and escaped quotes', async () => {
    const { events, problems } = await read(join(fixtures, 'security-4688.json'));
    expect(problems).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0].fields).toMatchObject({
      EventID: 4688,
      EventID_Qualifiers: 0,
      Channel: 'Security',
      CommandLine: 'cmd.exe /c "echo {not a brace} & whoami"',
    });
  });

  it('flattens UserData read from a file', async () => {
    const { events } = await read(join(fixtures, 'system-104-userdata.json'));
    expect(events[0].fields).toMatchObject({ EventID: 104, Channel: 'System', SubjectUserName: 'alice' });
  });

  it('keeps strings full of braces, brackets and escaped quotes intact in scanner mode', async () => {
    const values = ['{', '}', '[', ']', '"', '\\', '\\"}', '{"nested": "json"}', 'end\\\\'];
    const pretty = values.map((value, index) => JSON.stringify({ index, value, list: [value, { value }] }, null, 4)).join('\n');
    const { fields, problems } = await read(write('strings.json', pretty));
    expect(problems).toEqual([]);
    expect(fields).toEqual(values.map((value, index) => ({ index, value, list: [value, { value }] })));
  });

  it('reads every layout gzip-compressed, recognised by content whatever the extension', async () => {
    const layouts = {
      ndjson,
      array: JSON.stringify(objects, null, 2),
      pretty: objects.map((object) => JSON.stringify(object, null, 2)).join('\n'),
    };
    for (const [name, text] of Object.entries(layouts)) {
      for (const extension of ['json.gz', 'json', 'log']) {
        const file = write(`${name}.${extension}`, gzipSync(text));
        const { fields, problems, bytes } = await read(file);
        expect(problems, `${name}.${extension}`).toEqual([]);
        expect(fields, `${name}.${extension}`).toEqual(objects);
        expect(bytes.at(-1), 'compressed bytes read').toBe(statSync(file).size);
      }
    }
  });

  it('reads gzip files made of several members', async () => {
    const file = write('multi.jsonl.gz', Buffer.concat([gzipSync('{"n":1}\n'), gzipSync('{"n":2}\n')]));
    expect((await read(file)).fields).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('strips a UTF-8 byte order mark and reads CRLF line endings', async () => {
    const crlf = ndjson.replaceAll('\n', '\r\n');
    const bom = await read(write('bom.jsonl', `\uFEFF${crlf}`));
    expect(bom.problems).toEqual([]);
    expect(bom.fields).toEqual(objects);
    expect(bom.lines).toEqual([1, 2, 3]);
    const pretty = await read(write('bom.json', `\uFEFF${JSON.stringify(objects, null, 2).replaceAll('\n', '\r\n')}`));
    expect(pretty.problems).toEqual([]);
    expect(pretty.fields).toEqual(objects);
  });

  it('reads UTF-16LE text, as Windows PowerShell writes it', async () => {
    const text = `\uFEFF{"user":"Jürgen 漢字"}\r\n`;
    const { fields, problems } = await read(write('utf16.json', Buffer.from(text, 'utf16le')));
    expect(problems).toEqual([]);
    expect(fields).toEqual([{ user: 'Jürgen 漢字' }]);
  });

  it('reads an empty or blank file as no events and no problems', async () => {
    for (const content of ['', '\n\n', '   \r\n', '\uFEFF']) {
      const { events, problems } = await read(write('empty.json', content));
      expect(events).toEqual([]);
      expect(problems).toEqual([]);
    }
  });

  it('reads records spanning many chunks and keeps line numbers right across chunk ends', async () => {
    const count = 30_000;
    const lines: string[] = [];
    for (let n = 1; n <= count; n++) lines.push(JSON.stringify({ n, pad: 'x'.repeat(n % 97), text: `line ${n} {"}` }));
    lines.splice(10_000, 0, JSON.stringify({ huge: 'y'.repeat(1_500_000) }));
    const { events, problems } = await read(write('big.ndjson', `${lines.join('\n')}\n`));
    expect(problems).toEqual([]);
    expect(events).toHaveLength(count + 1);
    expect((events[10_000].fields.huge as string).length).toBe(1_500_000);
    for (const event of events) {
      const n = event.fields.n as number | undefined;
      if (n !== undefined) expect(event.ref.line).toBe(n <= 10_000 ? n : n + 1);
    }

    const pretty = await read(write('big.json', JSON.stringify(events.map((event) => event.fields), null, 1)));
    expect(pretty.problems).toEqual([]);
    expect(pretty.fields).toEqual(events.map((event) => event.fields));
  });

  it('reports progress in bytes read from disk, cumulative, up to the file size', async () => {
    const file = write('progress.ndjson', `${'{"a":1}\n'.repeat(400_000)}`);
    const { bytes, events } = await read(file);
    expect(events).toHaveLength(400_000);
    expect(bytes.length).toBeGreaterThan(1);
    expect(bytes.length).toBeLessThan(100);
    expect(bytes.every((count, index) => index === 0 || count >= bytes[index - 1])).toBe(true);
    expect(bytes.at(-1)).toBe(statSync(file).size);
  });

  it('stops reading when the consumer stops', async () => {
    const file = write('stop.ndjson', '{"a":1}\n'.repeat(600_000));
    let seen = 0;
    let bytesRead = 0;
    for await (const _event of readJsonEvents(file, { onBytes: (count) => (bytesRead = count) })) if (++seen === 5) break;
    expect(seen).toBe(5);
    expect(bytesRead).toBeLessThan(statSync(file).size);
    expect((await read(file)).events).toHaveLength(600_000);
  });
});

describe('readJsonEvents: bad input', () => {
  it('reports a bad NDJSON line with its line number and reads the others', async () => {
    const file = write('bad.jsonl', '{"n":1}\n{"n":2}\n{"n":3,,}\n{"n":4}\n');
    const { fields, problems } = await read(file);
    expect(fields).toEqual([{ n: 1 }, { n: 2 }, { n: 4 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line: 3 });
    expect(problems[0].message).toMatch(/^invalid JSON/);
  });

  it('reports top-level values that are not objects, in every layout', async () => {
    const { fields, problems } = await read(write('scalars.jsonl', '{"n":1}\n42\n"text"\nnull\n[1,2]\ntrue\n{"n":2}\n'));
    expect(fields).toEqual([{ n: 1 }, { n: 2 }]);
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [2, 'record is a number, not a JSON object; skipped'],
      [3, 'record is a string, not a JSON object; skipped'],
      [4, 'record is null, not a JSON object; skipped'],
      [5, 'record is an array, not a JSON object; skipped'],
      [6, 'record is a boolean, not a JSON object; skipped'],
    ]);

    const array = await read(write('scalars.json', '[\n{"n":1},\n7,\n"s",\n{"n":2}\n]'));
    expect(array.fields).toEqual([{ n: 1 }, { n: 2 }]);
    expect(array.events.map((event) => event.ref.record)).toEqual([1, 4]);
    expect(array.problems.map((problem) => problem.line)).toEqual([3, 4]);

    const pretty = await read(write('junk.json', '{\n  "n": 1\n}\n42\n{\n  "n": 2\n}\n'));
    expect(pretty.fields).toEqual([{ n: 1 }, { n: 2 }]);
    expect(pretty.problems.map((problem) => problem.line)).toEqual([4]);
  });

  it('reports a truncated last record in every layout', async () => {
    const cases: Record<string, [string, number]> = {
      ndjson: ['{"n":1}\n{"n":2,"cut', 2],
      pretty: ['{\n  "n": 1\n}\n{\n  "n": 2,\n  "cut": "abc', 4],
      array: ['[\n  {"n": 1},\n  {"n": 2, "cut"', 3],
    };
    for (const [name, [text, line]] of Object.entries(cases)) {
      const { fields, problems } = await read(write(`${name}.json`, text));
      expect(fields, name).toEqual([{ n: 1 }]);
      expect(problems[0], name).toMatchObject({ line, message: 'record is truncated at the end of the file' });
    }
  });

  it('reports a bad record in the middle of pretty-printed objects and reads the rest', async () => {
    const good = (n: number) => JSON.stringify({ n, s: '{[' }, null, 2);
    const bad = '{\n  "n": 2,\n  "s": tru\n}';
    const file = write('bad.json', [good(1), bad, good(3)].join('\n'));
    const { fields, problems } = await read(file);
    expect(fields).toEqual([{ n: 1, s: '{[' }, { n: 3, s: '{[' }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line: 5 });
  });

  it('skips a record longer than maxRecordBytes without keeping it, in every layout', async () => {
    const long = JSON.stringify({ long: 'z'.repeat(5000) });
    const texts = {
      ndjson: `{"n":1}\n${long}\n{"n":2}\n`,
      pretty: `{\n "n": 1\n}\n${long}\n{\n "n": 2\n}\n`,
      array: `[{"n":1},\n${long},\n{"n":2}]`,
    };
    for (const [name, text] of Object.entries(texts)) {
      const { fields, problems } = await read(write(`${name}.json`, text), { maxRecordBytes: 1000 });
      expect(fields, name).toEqual([{ n: 1 }, { n: 2 }]);
      expect(problems, name).toHaveLength(1);
      expect(problems[0].message, name).toBe('record is longer than the limit of 1000 characters; skipped');
      expect(problems[0].line, name).toBe(name === 'pretty' ? 4 : 2);
    }
  });

  it('skips a line longer than the limit that spans several chunks', async () => {
    const file = write('long.jsonl', `{"n":1}\n{"long":"${'w'.repeat(3_500_000)}"}\n{"n":2}\n`);
    const { fields, problems } = await read(file, { maxRecordBytes: 2_000_000 });
    expect(fields).toEqual([{ n: 1 }, { n: 2 }]);
    expect(problems.map((problem) => problem.line)).toEqual([2]);
  });

  it('reports a file that is not JSON once, not once per line', async () => {
    const csv = await read(write('table.json', 'time,host\n'.repeat(1000)));
    const binary = await read(write('Security.json', Buffer.from('ElfFile\0\0\0\u0001{"a":1}\n{"b":2}\n')));
    for (const { events, problems } of [csv, binary]) {
      expect(events).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toMatch(/does not look like JSON/);
      expect(problems[0].line).toBeUndefined();
    }
  });

  it('reports a file it cannot read instead of throwing', async () => {
    const missing = await read(join(dir, 'does-not-exist.json'));
    expect(missing.events).toEqual([]);
    expect(missing.problems).toHaveLength(1);
    expect(missing.problems[0].message).toMatch(/cannot read the file: ENOENT/);

    const directory = await read(dir);
    expect(directory.problems[0].message).toMatch(/EISDIR/);
  });

  it('reports corrupt gzip after reading what came before it', async () => {
    const whole = gzipSync('{"n":1}\n'.repeat(50_000));
    const file = write('cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { events, problems } = await read(file);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(50_000);
    expect(problems.at(-1)?.message).toMatch(/cannot read the file/);
    expect(problems.at(-1)?.line).toBeUndefined();
  });
});
