import { describe, expect, it } from 'vitest';
import { detectJsonLayout } from './json-layout.js';

describe('detectJsonLayout', () => {
  it('calls a file NDJSON when its first line is a whole object', () => {
    expect(detectJsonLayout('{"a":1}\n{"a":2}\n', false)).toBe('ndjson');
    expect(detectJsonLayout('\n\n  {"a":1}  \r\n', false)).toBe('ndjson');
    expect(detectJsonLayout('{"a":1}', true)).toBe('ndjson');
  });

  it('scans pretty-printed objects and arrays', () => {
    expect(detectJsonLayout('{\n  "a": 1\n}\n{\n  "a": 2\n}\n', true)).toBe('scanned');
    expect(detectJsonLayout('[\n  {"a": 1}\n]\n', false)).toBe('scanned');
    expect(detectJsonLayout('[{"a":1},{"a":2}]', true)).toBe('scanned');
    expect(detectJsonLayout('{"a":1}{"a":2}\n', true)).toBe('scanned');
  });

  it('does not let a pretty-printed `{}` line pass for NDJSON', () => {
    expect(detectJsonLayout('{\n  "a": [\n    {}\n  ]\n}\n', true)).toBe('scanned');
  });

  it('gives a damaged first NDJSON line no veto when the next lines are objects', () => {
    expect(detectJsonLayout('{"a":1\n{"a":2}\n{"a":3}\n', false)).toBe('ndjson');
    expect(detectJsonLayout('42\n{"a":2}\n', false)).toBe('ndjson');
  });

  it('calls binary files and text that never looks like JSON not JSON', () => {
    expect(detectJsonLayout('ElfFile\u0000\u0000\u0001{"a":1}\n', false)).toBe('not-json');
    expect(detectJsonLayout('time,host,message\n1,a,b\n2,c,d\n', true)).toBe('not-json');
    expect(detectJsonLayout('Jan  1 00:00:00 host sshd[1]: Accepted\n'.repeat(6), false)).toBe('not-json');
    // Starting like JSON is enough for the scanner to have a go.
    expect(detectJsonLayout('{"a": [1,\n2]}\n', true)).toBe('scanned');
  });

  it('asks for more text until a line is complete', () => {
    expect(detectJsonLayout('{"a":', false)).toBeUndefined();
    expect(detectJsonLayout('', false)).toBeUndefined();
    expect(detectJsonLayout('', true)).toBe('ndjson');
  });
});
