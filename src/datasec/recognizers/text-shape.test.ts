import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seeded-random.js';
import { RECOGNIZERS } from './index.js';
import { SHAPE_WITHOUT_ANCHOR, boundOf, codeUnitsOf, hasAnchor, runLengthMask, textShape, textShapeBeyond } from './text-shape.js';

/** The digit runs as the texts they cover. */
const runsOf = (text: string): string[] => {
  const runs = textShape(text).digitRuns;
  const texts: string[] = [];
  for (let i = 0; i < runs.length; i += 2) texts.push(text.slice(runs[i], runs[i + 1]));
  return texts;
};

describe('textShape', () => {
  it('notes every run of ASCII digits with its offsets, at the start, inside and at the end of a text', () => {
    expect(textShape('12 abc 345-6789').digitRuns).toEqual([0, 2, 7, 10, 11, 15]);
    expect(runsOf('1')).toEqual(['1']);
    expect(runsOf('x1')).toEqual(['1']);
    expect(runsOf('身份证11010519491231002X，手机13800138000')).toEqual(['11010519491231002', '13800138000']);
    expect(textShape('身份证11010519491231002X').longestDigitRun).toBe(17);
  });

  it('gives no runs, and allocates none, for a text without digits', () => {
    expect(textShape('').digitRuns).toEqual([]);
    expect(textShape('系统运行正常。').digitRuns).toBe(textShape('no digits here').digitRuns);
  });

  it('leaves full-width digits and other scripts\' digits out, as the patterns do', () => {
    expect(runsOf('１３８００１３８０００')).toEqual([]);
    expect(runsOf('٣٤٥ 12')).toEqual(['12']);
    expect(textShape('１３８００１３８０００').nonAscii).toBe(true);
  });

  it('counts UTF-16 offsets past astral characters (two code units each)', () => {
    expect(textShape('😀123').digitRuns).toEqual([2, 5]);
  });

  it('notes which run lengths occur, runs of 31 digits or more as one', () => {
    const shape = textShape('a 1234 b 13800138000 c 7');
    expect(shape.runLengths & runLengthMask(4)).not.toBe(0);
    expect(shape.runLengths & runLengthMask(11)).not.toBe(0);
    expect(shape.runLengths & runLengthMask(1)).not.toBe(0);
    expect(shape.runLengths & runLengthMask(2, 3, 5, 17, 18)).toBe(0);
    expect(textShape('x'.repeat(5)).runLengths).toBe(0);
    expect(textShape('1'.repeat(40)).runLengths).toBe(textShape('1'.repeat(31)).runLengths);
  });

  it('notes the characters the recognizers need', () => {
    expect(textShape('a@b.c')).toMatchObject({ at: true, dot: true, upper: false, plus: false, colons: 0, doubleColon: false, nonAscii: false });
    expect(textShape('+86 138')).toMatchObject({ plus: true, at: false });
    expect(textShape('fe80::1 x:y')).toMatchObject({ colons: 3, doubleColon: true });
    expect(textShape('12:30:45')).toMatchObject({ colons: 2, doubleColon: false });
    expect(textShape('京A12345')).toMatchObject({ upper: true, nonAscii: true, plateProvince: true });
    expect(textShape('系统A12345')).toMatchObject({ upper: true, nonAscii: true, plateProvince: false });
  });

  it('notes the longest chain of digit runs joined by one space or hyphen', () => {
    expect(textShape('+86 138 0013 8000').longestDigitChain).toBe(13);
    expect(textShape('6222 7940 7441 6540 903').longestDigitChain).toBe(19);
    expect(textShape('2026-11-05 13:05:07 pid 4711').longestDigitChain).toBe(10);
    // Two separators, or a separator not followed by a digit, end a chain.
    expect(textShape('138  0013 8000').longestDigitChain).toBe(8);
    expect(textShape('138- 0013').longestDigitChain).toBe(4);
    expect(textShape('1234-').longestDigitChain).toBe(4);
    expect(textShape('no digits').longestDigitChain).toBe(0);
  });

  it('reads a text longer than a line the same way, to its end', () => {
    const text = `${'x'.repeat(40_000)} 138 0013 8000:${'京'.repeat(30_000)}4711`;
    const shape = textShape(text);
    expect(runsOf(text)).toEqual(['138', '0013', '8000', '4711']);
    expect(shape).toMatchObject({ longestDigitChain: 11, colons: 1, nonAscii: true, plateProvince: true });
    // A short text read after it is not disturbed by what the long one left behind.
    expect(runsOf('a1')).toEqual(['1']);
  });

  it('agrees with a character-by-character reading of random text', () => {
    const random = seededRandom(3);
    for (let n = 0; n < 2000; n++) {
      const text = random.chars('0123456789aZ@:.+ -京１😀', random.between(0, 30));
      const expected: number[] = [];
      for (const match of text.matchAll(/[0-9]+/g)) expected.push(match.index, match.index + match[0].length);
      const shape = textShape(text);
      expect(shape.digitRuns, text).toEqual(expected);
      expect(shape.colons, text).toBe(text.split(':').length - 1);
      expect(shape.doubleColon, text).toBe(text.includes('::'));
      expect(shape.longestDigitRun, text).toBe(Math.max(0, ...(text.match(/[0-9]+/g) ?? []).map((run) => run.length)));
      const chains = (text.match(/[0-9]+(?:[ -][0-9]+)*/g) ?? []).map((chain) => chain.replace(/[ -]/g, '').length);
      expect(shape.longestDigitChain, text).toBe(Math.max(0, ...chains));
    }
  });
});

describe('hasAnchor and SHAPE_WITHOUT_ANCHOR', () => {
  it('finds a digit, an @ or a colon anywhere, and nothing else', () => {
    expect(hasAnchor('the operator reported a service outage.')).toBe(false);
    expect(hasAnchor('系统运行正常，用户登录成功。')).toBe(false);
    expect(hasAnchor('１２３')).toBe(false);
    expect(hasAnchor('last 1')).toBe(true);
    expect(hasAnchor('mail@')).toBe(true);
    expect(hasAnchor('time:')).toBe(true);
  });

  it('is a shape no built-in recognizer may match, so recognize answers anchor-less text at once', () => {
    expect(RECOGNIZERS.filter((recognizer) => recognizer.mayMatch?.(SHAPE_WITHOUT_ANCHOR) !== false).map((recognizer) => recognizer.id)).toEqual([]);
  });

  it('is right to: no recognizer finds anything in random text without a digit, @ or colon', () => {
    const random = seededRandom(5);
    const found: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const text = random.chars('ABCDEFGHXKMabcdefx .-+_%京沪粤学警，。１２３😀', random.between(1, 40));
      expect(hasAnchor(text)).toBe(false);
      for (const recognizer of RECOGNIZERS) {
        for (const finding of recognizer.find(text)) found.push(`${recognizer.id}: ${finding.text}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('textShapeBeyond and boundOf', () => {
  it('notes the most digit runs joined by dots', () => {
    expect(textShape('ip 192.168.0.1 and 1.2').longestDottedRuns).toBe(4);
    expect(textShape('v1.2.3, 12.50').longestDottedRuns).toBe(3);
    expect(textShape('12.50 1. 2').longestDottedRuns).toBe(2);
    expect(textShape('1 2 3 4').longestDottedRuns).toBe(1);
    expect(textShape('1..2.3').longestDottedRuns).toBe(2);
    expect(textShape('no digits.').longestDottedRuns).toBe(0);
  });

  it('checks every bound given', () => {
    const bounds = [boundOf(textShape('x 12')), boundOf(textShape('12:30'))];
    expect(textShapeBeyond('y 34', bounds)).toBeUndefined();
    expect(textShapeBeyond('45:07', bounds)).toBeUndefined();
    expect(textShapeBeyond('45:07 X', bounds)).toBeDefined();
    expect(textShapeBeyond('y 34:56:78', bounds)).toBeDefined();
  });

  const LOG = '2026-11-05 13:05:07 host-12 service[4711]: processed 12345 records in 456 ms, queue 7';

  it('gives the shape textShape gives when there is no bound, or the text is beyond it', () => {
    expect(textShapeBeyond(LOG, [])).toEqual(textShape(LOG));
    const bound = boundOf(textShape('2026-11-05 13:05:07 done'));
    for (const text of [LOG, '手机 13800138000', 'a@b.c 1', 'fe80::1', 'GB82 WEST 1234', '+86 1', '京A12345 1']) {
      expect(textShapeBeyond(text, [bound])).toEqual(textShape(text));
    }
  });

  it('gives nothing for a text no longer, with no more colons, run lengths or kinds of character than the bound', () => {
    const bound = boundOf(textShape(LOG));
    expect(textShapeBeyond('2026-11-06 14:06:08 host-13 service[4712]: processed 12346 records in 457 ms, queue 8', [bound])).toBeUndefined();
    expect(textShapeBeyond('pid 4711: 12:00', [bound])).toBeUndefined();
    expect(textShapeBeyond('no anchor here', [bound])).toBeUndefined();
    // One thing more than the bound each: a longer run, a new run length, a longer chain, a fourth colon, a flag.
    expect(textShapeBeyond('processed 123456 records', [bound])).toBeDefined();
    expect(textShapeBeyond('x 12 a 34', [boundOf(textShape('x 12'))])).toBeUndefined();
    expect(textShapeBeyond('x 1 12', [boundOf(textShape('x 12'))])).toBeDefined();
    expect(textShapeBeyond('1234 5678 9012', [bound])).toBeDefined();
    expect(textShapeBeyond('1:2:3:4:5', [bound])).toBeDefined();
    expect(textShapeBeyond('1:2::3', [bound])).toBeDefined();
    for (const text of ['Host 12', 'host 12.', 'host+12', 'a@12', '主机 12', '京 12']) expect(textShapeBeyond(text, [bound])).toBeDefined();
  });

  it('is right to: a text within the bound of a shape no built-in recognizer may match wakes none either', () => {
    const random = seededRandom(11);
    const alphabet = '0123456789 -:.@+AXbx京系，１😀';
    let within = 0;
    for (let n = 0; n < 10000; n++) {
      const quiet = textShape(random.chars(alphabet, random.between(1, 40)));
      if (RECOGNIZERS.some((recognizer) => recognizer.mayMatch?.(quiet) !== false)) continue;
      const text = random.chars(alphabet, random.between(1, 12));
      if (textShapeBeyond(text, [boundOf(quiet)]) !== undefined) continue;
      within++;
      const shape = textShape(text);
      expect(RECOGNIZERS.filter((recognizer) => recognizer.mayMatch?.(shape) !== false).map((recognizer) => `${recognizer.id}: ${text}`)).toEqual([]);
    }
    expect(within).toBeGreaterThan(100);
  });

  it('relies on the built-in recognizers\' mayMatch reading counts and flags, never the runs\' offsets', () => {
    for (const text of ['身份证 11010519491231002X', LOG, '1234 5678 9012 3456', 'GB82 WEST 1234 5698 7654 32']) {
      const shape = textShape(text);
      const withoutRuns = Object.defineProperty({ ...shape }, 'digitRuns', {
        get: () => {
          throw new Error('mayMatch read digitRuns');
        },
      });
      for (const recognizer of RECOGNIZERS) expect(recognizer.mayMatch?.(withoutRuns)).toBe(recognizer.mayMatch?.(shape));
    }
  });
});

describe('codeUnitsOf', () => {
  it('gives the code units of the text asked for, whichever shape was made last', () => {
    const units = (text: string) => Array.from(codeUnitsOf(text).subarray(0, text.length));
    const codes = (text: string) => Array.from(text, (_, i) => text.charCodeAt(i));
    const first = '身份证 110105194912310021';
    const second = 'IBAN DE89 3704 0044 0532 0130 00';
    textShape(first);
    expect(units(first)).toEqual(codes(first));
    expect(units(second)).toEqual(codes(second));
    textShape(second);
    expect(units(first)).toEqual(codes(first));
    const long = '7'.repeat(40000);
    expect(units(long)).toEqual(codes(long));
    expect(units(first)).toEqual(codes(first));
  });
});
