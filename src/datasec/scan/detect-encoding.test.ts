import { describe, expect, it } from 'vitest';
import { detectEncoding } from './detect-encoding.js';

// "你好，世界" in GBK: 你 C4E3, 好 BAC3, ， A3AC, 世 CAC0, 界 BDE7 (GB2312 code chart).
const GBK_HELLO_WORLD = Buffer.from('c4e3bac3a3accac0bde7', 'hex');

describe('detectEncoding', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(detectEncoding(Buffer.from('身份证号 110105', 'utf8'))).toEqual({ kind: 'text', encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n')]))).toEqual({ kind: 'text', encoding: 'utf-8', bom: true });
  });

  it('reads GBK bytes that are not UTF-8 as GB18030, and they decode to the sentence', () => {
    expect(detectEncoding(GBK_HELLO_WORLD, { complete: true })).toEqual({ kind: 'text', encoding: 'gb18030', bom: false });
    expect(new TextDecoder('gb18030').decode(GBK_HELLO_WORLD)).toBe('你好，世界');
  });

  it('waits for a character cut at the end of a first chunk, unless the chunk is the whole file', () => {
    const cut = Buffer.from('手机', 'utf8').subarray(0, 4);
    expect(detectEncoding(cut)).toMatchObject({ kind: 'text', encoding: 'utf-8' });
    expect(detectEncoding(cut, { complete: true })).toMatchObject({ kind: 'text', encoding: 'gb18030' });
  });

  it('reads UTF-16 by its BOM, and ASCII-heavy UTF-16 without one by its zero bytes', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('手机13800138000', 'utf16le')]))).toEqual({ kind: 'text', encoding: 'utf-16le', bom: true });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ab', 'utf16le').swap16()]))).toEqual({ kind: 'text', encoding: 'utf-16be', bom: true });
    expect(detectEncoding(Buffer.from('phone 13800138000, 手机', 'utf16le'))).toEqual({ kind: 'text', encoding: 'utf-16le', bom: false });
    expect(detectEncoding(Buffer.from('phone 13800138000', 'utf16le').swap16())).toEqual({ kind: 'text', encoding: 'utf-16be', bom: false });
  });

  it('calls bytes with NULs or many control characters binary', () => {
    expect(detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatchObject({ kind: 'binary' });
    expect(detectEncoding(Buffer.from('ab\x01\x02\x03\x04cd', 'latin1'))).toMatchObject({ kind: 'binary', reason: expect.stringContaining('control characters') });
    expect(detectEncoding(Buffer.from('col1\tcol2\r\n\x1b[31mred\x1b[0m\n'))).toMatchObject({ kind: 'text', encoding: 'utf-8' });
  });

  it('calls bytes that are neither UTF-8 nor GB18030 invalid, naming the first bad byte', () => {
    const verdict = detectEncoding(Buffer.from([0x61, 0x62, 0x80, 0xff, 0x63]), { complete: true });
    expect(verdict).toEqual({ kind: 'invalid', reason: 'neither UTF-8 nor GB18030 (first invalid UTF-8 byte at offset 2)' });
  });

  it('calls an empty file UTF-8 text', () => {
    expect(detectEncoding(new Uint8Array(0), { complete: true })).toEqual({ kind: 'text', encoding: 'utf-8', bom: false });
  });
});
