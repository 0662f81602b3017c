import { describe, expect, it } from 'vitest';
import { JsonRecordScanner } from './json-scanner.js';

interface Scanned {
  records: { text: string; line: number; index?: number }[];
  problems: { line: number; message: string }[];
  /** Records taken by the pretty-printed fast path. */
  fastPath: number;
}

/** Scans `text` cut into chunks of `chunkSize` characters (whole when omitted). */
function scan(text: string, chunkSize = text.length || 1, maxRecordChars = 1 << 20): Scanned {
  const result: Scanned = { records: [], problems: [], fastPath: 0 };
  const scanner = new JsonRecordScanner(
    {
      record: (record, line, index) =>
        result.records.push(index === undefined ? { text: record, line } : { text: record, line, index }),
      candidate: (record, line, index) => {
        try {
          const value: unknown = JSON.parse(record);
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
        } catch {
          return false;
        }
        result.records.push(index === undefined ? { text: record, line } : { text: record, line, index });
        result.fastPath++;
        return true;
      },
      problem: (line, message) => result.problems.push({ line, message }),
    },
    maxRecordChars,
  );
  for (let at = 0; at < text.length; at += chunkSize) scanner.scan(text.slice(at, at + chunkSize));
  scanner.finish();
  return result;
}

/**
 * The same records and problems however the text is cut into chunks. Small chunks never hold a
 * whole record, so they also check the careful path against the pretty-printed fast path.
 */
function scanEveryWay(text: string, maxRecordChars?: number): Scanned {
  const whole = scan(text, undefined, maxRecordChars);
  for (const size of [1, 2, 3, 5, 7, 16, 64]) {
    const { records, problems } = scan(text, size, maxRecordChars);
    expect({ records, problems }, `chunks of ${size}`).toEqual({ records: whole.records, problems: whole.problems });
  }
  return whole;
}

const tricky = {
  braces: 'a { b } c [ d ] e',
  quotes: 'say "hi" \\" and \\\\',
  backslashes: 'C:\\Windows\\',
  unicode: 'é 漢字 \u2028 😀',
  nested: { list: [{ x: '}' }, ['{', ']'], null, 1.5e3, true] },
};

describe('JsonRecordScanner', () => {
  it('cuts pretty-printed objects apart whatever their strings hold and wherever chunks end', () => {
    const one = JSON.stringify(tricky, null, 2);
    const two = JSON.stringify({ second: '"}{"' }, null, 2);
    const text = `${one}\n${two}\n`;
    const { records, problems } = scanEveryWay(text);
    expect(problems).toEqual([]);
    expect(records.map((record) => JSON.parse(record.text) as unknown)).toEqual([tricky, { second: '"}{"' }]);
    expect(records.map((record) => record.line)).toEqual([1, one.split('\n').length + 1]);
  });

  it('takes indented records by the fast path, as objects and as array elements', () => {
    const records = [tricky, { b: 2 }, { c: [{ d: '\n}' }] }];
    const pretty = scanEveryWay(records.map((record) => JSON.stringify(record, null, 2)).join('\n'));
    expect(pretty.fastPath).toBe(3);
    expect(pretty.records.map((record) => JSON.parse(record.text) as unknown)).toEqual(records);

    const array = scanEveryWay(JSON.stringify(records, null, 2));
    expect(array.fastPath).toBe(3);
    expect(array.records.map((record) => record.index)).toEqual([1, 2, 3]);
    const trickyLines = JSON.stringify(tricky, null, 2).split('\n').length;
    expect(array.records.map((record) => record.line)).toEqual([2, 2 + trickyLines, 2 + trickyLines + 3]);
    expect(pretty.records.map((record) => record.line)).toEqual([1, 1 + trickyLines, 1 + trickyLines + 3]);
  });

  it('falls back to the careful scan for printers that do not indent, and still reads every record', () => {
    const unindented = (n: number) => `{\n"n": ${n},\n"o":\n{\n"p": [\n{\n"q": 1\n}\n]\n}\n}`;
    const text = Array.from({ length: 40 }, (_, n) => unindented(n)).join('\n');
    const { records, problems, fastPath } = scanEveryWay(text);
    expect(problems).toEqual([]);
    expect(fastPath).toBe(0);
    expect(records.map((record) => (JSON.parse(record.text) as { n: number }).n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(records.map((record) => record.line)).toEqual(Array.from({ length: 40 }, (_, n) => 1 + n * 11));
  });

  it('reads objects written back to back on one line', () => {
    const { records, problems } = scanEveryWay('{"a":"}"}{"b":[1,{"c":2}]}  {"d":"\\""}');
    expect(problems).toEqual([]);
    expect(records.map((record) => record.text)).toEqual(['{"a":"}"}', '{"b":[1,{"c":2}]}', '{"d":"\\""}']);
  });

  it('numbers array elements and hands non-object elements over for the caller to reject', () => {
    const text = '[\n  {"a": 1},\n  42,\n  "s{",\n  null,\n  [1, 2],\n  {"b": "]"}\n]\n';
    const { records, problems } = scanEveryWay(text);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { text: '{"a": 1}', line: 2, index: 1 },
      { text: '42', line: 3, index: 2 },
      { text: '"s{"', line: 4, index: 3 },
      { text: 'null', line: 5, index: 4 },
      { text: '[1, 2]', line: 6, index: 5 },
      { text: '{"b": "]"}', line: 7, index: 6 },
    ]);
  });

  it('reports stray brackets inside an array once per line without numbering them as elements', () => {
    const { records, problems } = scanEveryWay('[\n  {"a": 1},\n  }}} :,\n  {"b": 2}]\n{"c": 3}\n');
    expect(records).toEqual([
      { text: '{"a": 1}', line: 2, index: 1 },
      { text: '{"b": 2}', line: 4, index: 2 },
      { text: '{"c": 3}', line: 5 },
    ]);
    expect(problems).toEqual([{ line: 3, message: 'text outside any JSON object; skipped' }]);
  });

  it('starts again at the next record when one never closes', () => {
    const text = '{\n  "a": {\n    "b": 1\n  }\n{\n  "c": 2\n}\n';
    const { records, problems } = scanEveryWay(text);
    expect(problems).toEqual([{ line: 1, message: 'record is incomplete: the next record starts before it ends' }]);
    expect(records).toEqual([{ text: '{\n  "c": 2\n}', line: 5 }]);
  });

  it('starts again after a string left open by a cut-off record', () => {
    const text = '{"a": "cut off\n{"b": 2}\n';
    const { records, problems } = scanEveryWay(text);
    expect(problems.map((problem) => problem.line)).toEqual([1]);
    expect(records).toEqual([{ text: '{"b": 2}', line: 2 }]);
  });

  it('does not break valid JSON that puts `{` at the start of a line where it may stand', () => {
    const text = '{\n"list": [\n{\n"a": 1\n},\n{\n"a": 2\n}\n],\n"o":\n{\n"b": 3\n}\n}\n';
    const { records, problems } = scanEveryWay(text);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    expect(JSON.parse(records[0].text)).toEqual({ list: [{ a: 1 }, { a: 2 }], o: { b: 3 } });
  });

  it('reports a record cut off by the end of the file', () => {
    const { records, problems } = scanEveryWay('{"a": 1}\n{\n  "b": [1, 2');
    expect(records).toEqual([{ text: '{"a": 1}', line: 1 }]);
    expect(problems).toEqual([{ line: 2, message: 'record is truncated at the end of the file' }]);
  });

  it('reports an array that never closes, after reading its complete elements', () => {
    const { records, problems } = scanEveryWay('[{"a": 1}, {"b": 2},');
    expect(records.map((record) => record.index)).toEqual([1, 2]);
    expect(problems).toEqual([{ line: 1, message: 'JSON array is not closed at the end of the file' }]);
  });

  it('skips a record over the limit without keeping it, then goes on', () => {
    const big = JSON.stringify({ big: 'x'.repeat(500) });
    const text = `{"a":1}\n${big}\n{"b":2}\n`;
    const { records, problems } = scanEveryWay(text, 100);
    expect(records.map((record) => record.text)).toEqual(['{"a":1}', '{"b":2}']);
    expect(problems).toEqual([{ line: 2, message: 'record is longer than the limit of 100 characters; skipped' }]);
  });

  it('reports text outside any object once per line and keeps the objects around it', () => {
    const { records, problems } = scanEveryWay('garbage {"a":1} more junk\n]]\n{"b":2}\n');
    expect(records.map((record) => record.text)).toEqual(['{"a":1}', '{"b":2}']);
    expect(problems).toEqual([
      { line: 1, message: 'text outside any JSON object; skipped' },
      { line: 2, message: 'text outside any JSON object; skipped' },
    ]);
  });

  it('counts lines through CRLF endings', () => {
    const { records } = scanEveryWay('{\r\n  "a": 1\r\n}\r\n{\r\n  "b": 2\r\n}\r\n');
    expect(records.map((record) => record.line)).toEqual([1, 4]);
    expect(JSON.parse(records[1].text)).toEqual({ b: 2 });
  });
});
