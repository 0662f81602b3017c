import { describe, expect, it } from 'vitest';
import { SyslogFramer, type SyslogFrame } from './syslog-framing.js';

function feed(framer: SyslogFramer, ...chunks: (string | Buffer)[]): SyslogFrame[] {
  const out: SyslogFrame[] = [];
  for (const chunk of chunks) out.push(...framer.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
  out.push(...framer.flush());
  return out;
}

const first = '<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - su failed';
const second = '<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!';

describe('octet counting (RFC 6587 §3.4.1)', () => {
  it('cuts frames by their length, even across chunks and inside the length', () => {
    const stream = `${Buffer.byteLength(first)} ${first}${Buffer.byteLength(second)} ${second}`;
    const framer = new SyslogFramer();
    // Every split point, one byte at a time included.
    expect(feed(framer, ...stream.split('').map((char) => char))).toEqual([{ message: first }, { message: second }]);
    expect(framer.framing).toBe('octet-counting');
    for (let cut = 1; cut < stream.length; cut++) {
      expect(feed(new SyslogFramer(), stream.slice(0, cut), stream.slice(cut)), `cut at ${cut}`).toEqual([{ message: first }, { message: second }]);
    }
  });

  it('counts bytes, not characters, and keeps a UTF-8 character split across chunks', () => {
    const text = '<14>1 - h a - - - größe 漢字';
    const bytes = Buffer.from(`${Buffer.byteLength(text)} ${text}`);
    const split = bytes.length - 2; // inside the last character
    expect(feed(new SyslogFramer(), bytes.subarray(0, split), bytes.subarray(split))).toEqual([{ message: text }]);
  });

  it('allows line breaks between frames, as some senders add them', () => {
    expect(feed(new SyslogFramer(), `3 abc\n\r\n3 def\n`)).toEqual([{ message: 'abc' }, { message: 'def' }]);
  });

  it('reports an oversized frame and skips exactly its bytes, without holding them', () => {
    const framer = new SyslogFramer({ maxFrameBytes: 10 });
    const big = 'x'.repeat(25);
    expect(feed(framer, `25 ${big.slice(0, 5)}`, big.slice(5), '3 abc')).toEqual([
      { problem: 'frame of 25 bytes is longer than the limit of 10 bytes; skipped' },
      { message: 'abc' },
    ]);
  });

  it('resynchronises at the next line feed after garbage', () => {
    expect(feed(new SyslogFramer(), '3 abcXYZ garbage\n3 def')).toEqual([
      { message: 'abc' },
      { problem: 'octet-counted frame does not start with a length and a space; skipped to the next line feed' },
      { message: 'def' },
    ]);
  });

  it('reports a connection closed inside a frame or its length', () => {
    expect(feed(new SyslogFramer(), '10 abc')).toEqual([{ problem: 'connection closed inside a frame: 3 of 10 bytes received' }]);
    expect(feed(new SyslogFramer(), '3 abc12')).toEqual([{ message: 'abc' }, { problem: 'connection closed inside a frame length' }]);
  });

  it('does not take a length of more than ten digits', () => {
    expect(feed(new SyslogFramer(), '1 a12345678901 x\n1 y')).toEqual([
      { message: 'a' },
      { problem: 'octet-counted frame does not start with a length and a space; skipped to the next line feed' },
      { message: 'y' },
    ]);
  });
});

describe('non-transparent framing (RFC 6587 §3.4.2)', () => {
  it('cuts at line feeds, drops CR and blank lines, and ends with the last unterminated line', () => {
    const framer = new SyslogFramer();
    expect(feed(framer, `${first}\r\n`, `\n${second.slice(0, 10)}`, `${second.slice(10)}\nlast`)).toEqual([{ message: first }, { message: second }, { message: 'last' }]);
    expect(new SyslogFramer().push(Buffer.from('<13>x\n'))).toEqual([{ message: '<13>x' }]);
  });

  it('is chosen for a connection whose first message starts with digits but no length', () => {
    const iso = '2024-03-03T14:22:01Z web01 sshd[1]: x';
    expect(feed(new SyslogFramer(), iso.slice(0, 2), `${iso.slice(2)}\n${iso}\n`)).toEqual([{ message: iso }, { message: iso }]);
    expect(feed(new SyslogFramer(), '12345678901\n')).toEqual([{ message: '12345678901' }]);
    expect(feed(new SyslogFramer(), '123')).toEqual([{ message: '123' }]);
  });

  it('is chosen for a first byte that is not a digit 1–9, garbage included', () => {
    const framer = new SyslogFramer();
    expect(framer.push(Buffer.concat([Buffer.from([0, 0xff]), Buffer.from(' junk\n<13>ok\n0 not a length\n')]))).toEqual([{ message: '\u0000\ufffd junk' }, { message: '<13>ok' }, { message: '0 not a length' }]);
    expect(framer.framing).toBe('line-feed');
  });

  it('reports an oversized line once and drops it up to its line feed', () => {
    const framer = new SyslogFramer({ maxFrameBytes: 8 });
    expect(feed(framer, '<13>12345', '6789', '0123\n<13>ok\n', 'x'.repeat(20))).toEqual([
      { problem: 'frame longer than the limit of 8 bytes; skipped' },
      { message: '<13>ok' },
      { problem: 'frame longer than the limit of 8 bytes; skipped' },
    ]);
  });

  it('holds no more than the limit however much arrives without a line feed', () => {
    const framer = new SyslogFramer({ maxFrameBytes: 1024 });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let problems = 0;
    for (let i = 0; i < 100; i++) problems += framer.push(chunk).length;
    expect(problems).toBe(1);
    expect(framer.push(Buffer.from('\n<13>after\n'))).toEqual([{ message: '<13>after' }]);
  });
});
