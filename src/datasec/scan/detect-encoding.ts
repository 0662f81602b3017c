// The text encoding of a file, judged from its first bytes: UTF-8 (with or without BOM), UTF-16 LE/BE
// (BOM, or the zero bytes that ASCII text leaves in every other position), GB18030/GBK (bytes that are not
// valid UTF-8 but decode as GB18030, a superset of GBK and GB2312), or binary (NUL bytes, too many control
// characters), which is not scanned. Pure: takes bytes, returns a verdict.

import { TextDecoder } from 'node:util';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type EncodingVerdict =
  | { readonly kind: 'text'; readonly encoding: TextEncoding; readonly bom: boolean }
  | { readonly kind: 'binary'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Control characters (other than tab, newline, carriage return, form feed, escape) above this share make a sample binary. */
export const CONTROL_SHARE_LIMIT = 0.05;

export interface DetectOptions {
  /** True when `sample` is the whole file, so a multi-byte character cut at its end is an error, not a cut. */
  readonly complete?: boolean;
}

export function detectEncoding(sample: Uint8Array, options: DetectOptions = {}): EncodingVerdict {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { kind: 'text', encoding: 'utf-8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { kind: 'text', encoding: 'utf-16be', bom: true };
  const utf16 = utf16ByZeroPattern(sample);
  if (utf16 !== undefined) return { kind: 'text', encoding: utf16, bom: false };
  const nul = sample.indexOf(0);
  if (nul >= 0) return { kind: 'binary', reason: `NUL byte at offset ${nul}` };
  const controls = countControlBytes(sample);
  if (sample.length > 0 && controls / sample.length > CONTROL_SHARE_LIMIT) {
    return { kind: 'binary', reason: `${controls} control characters in the first ${sample.length} bytes` };
  }
  const stream = options.complete !== true;
  if (decodes('utf-8', sample, stream)) return { kind: 'text', encoding: 'utf-8', bom: false };
  if (decodes('gb18030', sample, stream)) return { kind: 'text', encoding: 'gb18030', bom: false };
  return { kind: 'invalid', reason: `neither UTF-8 nor GB18030 (${invalidUtf8Where(sample)})` };
}

/**
 * UTF-16 without a BOM: ASCII characters leave a zero byte in every other position (after the character
 * in LE, before it in BE). Needs mostly-ASCII text; UTF-16 Chinese text without a BOM has no such pattern.
 */
function utf16ByZeroPattern(sample: Uint8Array): TextEncoding | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

function countControlBytes(sample: Uint8Array): number {
  let count = 0;
  for (const byte of sample) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) || byte === 0x7f) count++;
  }
  return count;
}

function decodes(encoding: 'utf-8' | 'gb18030', sample: Uint8Array, stream: boolean): boolean {
  try {
    // In stream mode a character cut at the end of the sample waits for its next bytes instead of failing.
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream });
    return true;
  } catch {
    return false;
  }
}

function invalidUtf8Where(sample: Uint8Array): string {
  // Binary search for the shortest prefix that fails: the first invalid byte is at its end.
  let low = 0;
  let high = sample.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (decodes('utf-8', sample.subarray(0, middle + 1), true)) low = middle + 1;
    else high = middle;
  }
  return `first invalid UTF-8 byte at offset ${low}`;
}
