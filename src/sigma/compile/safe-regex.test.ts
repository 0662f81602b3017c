// Rule regexes cannot hang the engine: catastrophic patterns run on V8's linear-time engine, patterns it
// cannot run that have the catastrophic shape are refused, and the `i` flag (which the linear engine
// lacks) is rewritten into explicit case classes that must mean exactly what `i` means.
//
// The adversarial inputs are 50,000 characters: a backtracking engine needs on the order of 2^n steps for
// `^(a+)+$` on n a's followed by a b (already ~10^9 at n = 30), so these tests only finish because the
// linear engine runs them. No timing is asserted; vitest's timeout is the bound.
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../parse/parse-rule-file.js';
import { RuleProblem } from '../parse/rule-problem.js';
import { buildEngine } from '../engine/sigma-engine.js';
import { defaultMappingFiles, loadLogsourceMappings } from '../mapping/logsource-mapping.js';
import { caseFoldPattern, compileSafeRegex, hasNestedQuantifier } from './safe-regex.js';

const LONG = 50_000;

function problemCode(source: string, flags = ''): string | undefined {
  try {
    compileSafeRegex(source, flags);
    return undefined;
  } catch (error) {
    if (error instanceof RuleProblem) return error.code;
    throw error;
  }
}

describe('catastrophic backtracking patterns finish on adversarial input', () => {
  it.each([
    ['^(a+)+$', '', 'a'.repeat(LONG) + 'b'],
    ['^(a+)+$', 'i', 'A'.repeat(LONG) + 'b'],
    ['(x+x+)+y', '', 'x'.repeat(LONG)],
    ['(x+x+)+y', 'i', 'X'.repeat(LONG)],
    ['(a|aa)+$', '', 'a'.repeat(LONG) + 'b'],
    ['(a|aa)+$', 'i', 'aA'.repeat(LONG / 2) + 'b'],
    ['^(\\w+\\s?)*$', '', 'ab '.repeat(LONG / 3) + '!'],
    ['(?:a*)*b', 's', 'a'.repeat(LONG)],
    ['^(a+)+$', 'm', `${'a'.repeat(LONG)}b\nb`],
  ])('/%s/%s does not match and returns', (source, flags, value) => {
    const regex = compileSafeRegex(source, flags);
    expect(regex.test(value)).toBe(false);
  });

  it('still matches what it should on long input', () => {
    expect(compileSafeRegex('^(a+)+$', '').test('a'.repeat(LONG))).toBe(true);
    expect(compileSafeRegex('(x+x+)+y', 'i').test('X'.repeat(LONG) + 'Y')).toBe(true);
  });

  it('through the engine: a catastrophic re rule on a 50,000-character value', () => {
    const text = "title: t\nlogsource: {product: linux}\ndetection:\n  s:\n    CommandLine|re: '^(a+)+$'\n  condition: s\n";
    const { rules } = parseRuleFile(text, 'r.yml');
    const { engine, errors } = buildEngine(rules, loadLogsourceMappings(defaultMappingFiles()).mappings);
    expect(errors).toEqual([]);
    expect(engine.match({ fields: { CommandLine: 'a'.repeat(LONG) + 'b' }, ref: { file: 'e' } })).toHaveLength(0);
    expect(engine.match({ fields: { CommandLine: 'a'.repeat(LONG) }, ref: { file: 'e' } })).toHaveLength(1);
  });

  it('through the engine: a many-star wildcard on a 50,000-character value', () => {
    // `*a*a*a*a*a*b` compiles to a regex with six [\s\S]* runs: polynomial of degree six when backtracking.
    const text = "title: t\nlogsource: {product: linux}\ndetection:\n  s:\n    CommandLine: '*a*a*a*a*a*b'\n  condition: s\n";
    const { rules } = parseRuleFile(text, 'r.yml');
    const { engine, errors } = buildEngine(rules, loadLogsourceMappings(defaultMappingFiles()).mappings);
    expect(errors).toEqual([]);
    expect(engine.match({ fields: { CommandLine: 'a'.repeat(LONG) }, ref: { file: 'e' } })).toHaveLength(0);
    expect(engine.match({ fields: { CommandLine: 'a'.repeat(LONG) + 'b' }, ref: { file: 'e' } })).toHaveLength(1);
  });
});

describe('patterns the linear engine cannot run', () => {
  it.each([
    ['(a+)+\\1', 'a backreference'],
    ['(?=a)(a+)+', 'a lookahead'],
    ['(?<=x)(\\w+\\s?)*y', 'a lookbehind'],
    ['(a)(b*)*\\1', 'a backreference after the nesting'],
  ])('/%s/ (%s, nested unbounded quantifiers) is refused with SIGMA_UNSAFE_REGEX', (source) => {
    expect(problemCode(source)).toBe('SIGMA_UNSAFE_REGEX');
  });

  it('the same with the i flag', () => {
    expect(problemCode('(a+)+\\1', 'i')).toBe('SIGMA_UNSAFE_REGEX');
  });

  it('without nested quantifiers they run on the backtracking engine', () => {
    expect(compileSafeRegex('(a)\\1', '').test('xaa')).toBe(true);
    expect(compileSafeRegex('(?<=x)a+', '').test('xaaa')).toBe(true);
    expect(compileSafeRegex('(?<!x)a', '').test('xa')).toBe(false);
  });

  // BUG (src/sigma/compile/safe-regex.ts, hasNestedQuantifier): an unbounded repeat of an ambiguous
  // alternation, (a|aa)+, backtracks exponentially too (Fibonacci in the input length: 38 a's already
  // take a second, 60 would take about an hour), but only a quantifier inside the group counts as
  // nesting. With a backreference the pattern cannot fall back to the linear engine, so a rule with
  // /^(b)\1(a|aa)+$/ is accepted and hangs the engine on "bb" + "a" * 60 + "c".
  it('an unbounded repeat of overlapping alternatives, without the linear engine, is refused', () => {
    expect(problemCode('^(b)\\1(a|aa)+$')).toBe('SIGMA_UNSAFE_REGEX');
  });

  it('the engine rejects such a rule by name and keeps the others', () => {
    const text = [
      "title: unsafe\nlogsource: {product: linux}\ndetection:\n  s:\n    CommandLine|re: '(a+)+\\1'\n  condition: s\n",
      "title: safe\nlogsource: {product: linux}\ndetection:\n  s:\n    CommandLine|re: '^(a+)+$'\n  condition: s\n",
    ].join('---\n');
    const { rules, errors: parseErrors } = parseRuleFile(text, 'r.yml');
    expect(parseErrors).toEqual([]);
    const { engine, errors } = buildEngine(rules, loadLogsourceMappings(defaultMappingFiles()).mappings);
    expect(errors.map((error) => [error.code, error.rule])).toEqual([['SIGMA_UNSAFE_REGEX', 'unsafe']]);
    expect(engine.ruleCount).toBe(1);
  });

  it('an invalid pattern is SIGMA_BAD_REGEX', () => {
    expect(problemCode('(')).toBe('SIGMA_BAD_REGEX');
    expect(problemCode('a{2,1}')).toBe('SIGMA_BAD_REGEX');
    expect(problemCode('[z-a]')).toBe('SIGMA_BAD_REGEX');
  });
});

describe('hasNestedQuantifier', () => {
  it.each([
    ['(a+)+', true],
    ['(a*)*', true],
    ['(?:a+)+', true],
    ['((a+))+', true],
    ['(a+){2,}', true],
    ['(\\w+\\s?)*', true],
    ['(a{1,3})+', true],
    ['(a+){2,5}', false],
    ['(ab)+', false],
    ['((a)+)?', false],
    ['(a?)+', false],
    ['[(a+)]+', false],
    ['\\(a+\\)+', false],
    ['a+b*c+', false],
  ])('%s → %s', (pattern, nested) => {
    expect(hasNestedQuantifier(pattern)).toBe(nested);
  });
});

describe('caseFoldPattern', () => {
  /** The folded pattern, run without flags, must agree with the original run with the i flag. */
  function expectSameAsIgnoreCase(pattern: string, probes: readonly string[]): void {
    const folded = new RegExp(caseFoldPattern(pattern));
    const native = new RegExp(pattern, 'i');
    for (const probe of probes) expect([probe, folded.test(probe)]).toEqual([probe, native.test(probe)]);
  }

  it('turns letters into two-case classes', () => {
    expect(caseFoldPattern('abc')).toBe('[aA][bB][cC]');
    expectSameAsIgnoreCase('cmd.exe', ['CMD.EXE', 'Cmd.Exe', 'cmd_exe', 'cmdxexe', 'cm.exe']);
  });

  it('leaves digits, punctuation and anchors alone', () => {
    expect(caseFoldPattern('^1.2$')).toBe('^1.2$');
  });

  it('adds the other case inside classes', () => {
    expect(caseFoldPattern('[abc]')).toBe('[aAbBcC]');
    expectSameAsIgnoreCase('^[abc]+$', ['ABC', 'aBc', 'abd', 'D']);
  });

  it('keeps negated classes negated', () => {
    expect(caseFoldPattern('[^a]')).toBe('[^aA]');
    expectSameAsIgnoreCase('^[^a]$', ['a', 'A', 'b', 'B']);
  });

  it('adds the other-case range', () => {
    expect(caseFoldPattern('[a-f]')).toBe('[a-fA-F]');
    expect(caseFoldPattern('[A-F0-9]')).toBe('[A-Fa-f0-9]');
    expectSameAsIgnoreCase('^[a-f0-9]+$', ['DEADbeef', '0xff', 'G', 'g']);
  });

  it('keeps ] at the start of a class and a literal - at its ends', () => {
    expect(caseFoldPattern('[]a]')).toBe('[\\]aA]');
    expectSameAsIgnoreCase('^[a-]$', ['A', '-', 'b']);
    expectSameAsIgnoreCase('^[-a]$', ['A', '-', 'b']);
  });

  it('leaves escapes such as \\d \\W \\s \\b \\. as they are', () => {
    expect(caseFoldPattern('\\d\\W\\s\\b\\.')).toBe('\\d\\W\\s\\b\\.');
    expectSameAsIgnoreCase('\\bWord\\d\\W', ['a word1!', 'WORD2 ', 'sword1!', 'word11']);
  });

  it('copies quantifiers {2,3} unchanged', () => {
    expect(caseFoldPattern('a{2,3}')).toBe('[aA]{2,3}');
    expect(caseFoldPattern('x{2}y{1,}')).toBe('[xX]{2}[yY]{1,}');
    expectSameAsIgnoreCase('^a{2,3}$', ['aA', 'AAA', 'A', 'aaaa']);
  });

  it('keeps a named group name, and the group captures', () => {
    expect(caseFoldPattern('(?<Name>ab)')).toBe('(?<Name>[aA][bB])');
    expect(new RegExp(caseFoldPattern('(?<Name>ab)')).exec('xAby')?.groups?.Name).toBe('Ab');
  });

  it('folds inside non-capturing groups and lookarounds', () => {
    expect(caseFoldPattern('(?:ab)(?=c)(?!d)(?<=e)(?<!f)')).toBe('(?:[aA][bB])(?=[cC])(?![dD])(?<=[eE])(?<![fF])');
  });

  it('folds accented letters', () => {
    expectSameAsIgnoreCase('^café$', ['CAFÉ', 'Café', 'cafe']);
  });

  it('an \\x escape of a non-letter stays as it is', () => {
    expectSameAsIgnoreCase('\\x2e', ['.', 'a']);
  });

  // BUG (src/sigma/compile/safe-regex.ts, caseFoldPattern): an escaped letter (\x41, \u0041, or a class
  // range written with escapes such as [\x41-\x5a]) is copied unchanged, so with the i flag it matches
  // only the case it names: /\x41/ with `re|i` does not match "a" although /\x41/i does.
  it('an escaped letter (\\x41, \\u0041, [\\x41-\\x5a]) matches both cases', () => {
    expectSameAsIgnoreCase('\\x41', ['a', 'A']);
    expectSameAsIgnoreCase('\\u0041', ['a', 'A']);
    expectSameAsIgnoreCase('^[\\x41-\\x5a]$', ['q', 'Q']);
  });

  // BUG (src/sigma/compile/safe-regex.ts, caseFoldPattern): the name of a named backreference is folded
  // like text, `\k<name>` becomes `\k<[nN][aA][mM][eE]>`, and a valid `re|i` rule is rejected with
  // SIGMA_BAD_REGEX.
  it('a named backreference keeps its name', () => {
    expect(compileSafeRegex('(?<w>a)\\k<w>', 'i').test('aA')).toBe(true);
  });

  // BUG (src/sigma/compile/safe-regex.ts, otherCases): a letter whose other case is not one character of
  // the same kind is folded wrongly: ß becomes [ßSS] (matching "S"), the dotless ı becomes [ıI] (matching
  // "I"), İ becomes a class holding "i". With the i flag none of these match those letters.
  it('letters without a one-character other case (ß, ı, İ) fold as the i flag does', () => {
    expectSameAsIgnoreCase('^ß$', ['ß', 'S', 's']);
    expectSameAsIgnoreCase('^ı$', ['ı', 'I', 'i']);
    expectSameAsIgnoreCase('^İ$', ['İ', 'i', 'I']);
  });
});

describe('compileSafeRegex flags', () => {
  it('i folds, m and s become JavaScript flags', () => {
    const regex = compileSafeRegex('^a.b$', 'ims');
    expect(regex.flags).toBe('ms');
    expect(regex.test('x\nA\nB')).toBe(true);
  });

  it('(?i), (?s), (?m) at the start become flags', () => {
    expect(compileSafeRegex('(?i)abc', '').test('ABC')).toBe(true);
    expect(compileSafeRegex('(?s)a.b', '').test('a\nb')).toBe(true);
    expect(compileSafeRegex('(?m)^b$', '').test('a\nb\nc')).toBe(true);
    expect(compileSafeRegex('(?im)^b$', '').test('a\nB\nc')).toBe(true);
  });

  it('without flags: case-sensitive, . stops at line breaks, ^ $ at the ends', () => {
    expect(compileSafeRegex('abc', '').test('ABC')).toBe(false);
    expect(compileSafeRegex('a.b', '').test('a\nb')).toBe(false);
    expect(compileSafeRegex('^b$', '').test('a\nb')).toBe(false);
  });

  it('returns a regex without the g or y flag, so repeated tests do not depend on lastIndex', () => {
    const regex = compileSafeRegex('a', 'i');
    expect(regex.global || regex.sticky).toBe(false);
    expect([regex.test('a'), regex.test('a'), regex.test('A')]).toEqual([true, true, true]);
  });
});
