// Sigma string values: wildcard tokenising and the backslash escaping table of the specification
// (sigma-rules-specification.md, "Escape Character"). Rule text is written here as it would appear in a
// single-quoted YAML scalar, i.e. exactly the characters the tokenizer receives.
import { describe, expect, it } from 'vitest';
import { plainText, renderSigmaString, surroundWithStars, tokenizeSigmaString } from './sigma-string.js';
import type { GlobToken } from './rule-types.js';

const text = (value: string): GlobToken => ({ kind: 'text', text: value });
const star: GlobToken = { kind: 'star' };
const one: GlobToken = { kind: 'one' };

describe('tokenizeSigmaString: wildcards', () => {
  it('keeps a value without wildcards as one text token', () => {
    expect(tokenizeSigmaString('cmd.exe')).toEqual([text('cmd.exe')]);
  });

  it('gives no token for the empty string', () => {
    expect(tokenizeSigmaString('')).toEqual([]);
  });

  it('splits on * (any length) and ? (exactly one character)', () => {
    expect(tokenizeSigmaString('prog?.exe')).toEqual([text('prog'), one, text('.exe')]);
    expect(tokenizeSigmaString('antivirus_V*.exe')).toEqual([text('antivirus_V'), star, text('.exe')]);
    expect(tokenizeSigmaString('*a?b*')).toEqual([star, text('a'), one, text('b'), star]);
  });

  it('collapses runs of * into one star but keeps every ?', () => {
    expect(tokenizeSigmaString('a***b')).toEqual([text('a'), star, text('b')]);
    expect(tokenizeSigmaString('a??b')).toEqual([text('a'), one, one, text('b')]);
    expect(tokenizeSigmaString('*?*')).toEqual([star, one, star]);
  });

  it('treats regex metacharacters as plain text', () => {
    expect(tokenizeSigmaString('a.b+c(d)[e]{f}|^$')).toEqual([text('a.b+c(d)[e]{f}|^$')]);
  });
});

describe('tokenizeSigmaString: the escaping table of the specification', () => {
  it('\\* is a literal star', () => {
    expect(tokenizeSigmaString('\\*')).toEqual([text('*')]);
    expect(tokenizeSigmaString('a\\*b')).toEqual([text('a*b')]);
  });

  it('\\? is a literal question mark', () => {
    expect(tokenizeSigmaString('\\?')).toEqual([text('?')]);
    expect(tokenizeSigmaString('what\\?')).toEqual([text('what?')]);
  });

  it('\\\\* is a backslash followed by a wildcard', () => {
    expect(tokenizeSigmaString('\\\\*')).toEqual([text('\\'), star]);
    expect(tokenizeSigmaString('C:\\\\*')).toEqual([text('C:\\'), star]);
  });

  it('\\\\\\* is a backslash followed by a literal star', () => {
    expect(tokenizeSigmaString('\\\\\\*')).toEqual([text('\\*')]);
  });

  it('\\\\\\\\ (four) is a plain double backslash', () => {
    expect(tokenizeSigmaString('\\\\\\\\')).toEqual([text('\\\\')]);
  });

  it('three backslashes not followed by a wildcard are also a double backslash', () => {
    expect(tokenizeSigmaString('a\\\\\\b')).toEqual([text('a\\\\b')]);
  });

  it('a plain backslash not before a wildcard can be written single or double', () => {
    expect(tokenizeSigmaString('C:\\Windows\\System32')).toEqual([text('C:\\Windows\\System32')]);
    expect(tokenizeSigmaString('C:\\\\Windows\\\\System32')).toEqual([text('C:\\Windows\\System32')]);
  });

  it('keeps a backslash before other characters (\\n, \\d, \\.) as a backslash', () => {
    expect(tokenizeSigmaString('\\n\\d\\.')).toEqual([text('\\n\\d\\.')]);
  });

  it('keeps a trailing backslash (single or doubled) as one backslash', () => {
    expect(tokenizeSigmaString('C:\\Windows\\')).toEqual([text('C:\\Windows\\')]);
    expect(tokenizeSigmaString('C:\\Windows\\\\')).toEqual([text('C:\\Windows\\')]);
    expect(tokenizeSigmaString('\\')).toEqual([text('\\')]);
  });

  it('handles a wildcard between backslashes: \\*\\ is a literal star, \\\\*\\ a wildcard', () => {
    expect(tokenizeSigmaString('\\Temp\\*\\x.exe')).toEqual([text('\\Temp*\\x.exe')]);
    expect(tokenizeSigmaString('\\Temp\\\\*\\x.exe')).toEqual([text('\\Temp\\'), star, text('\\x.exe')]);
  });
});

describe('plainText', () => {
  it('returns the literal text when there is no wildcard', () => {
    expect(plainText(tokenizeSigmaString('a\\*b'))).toBe('a*b');
    expect(plainText([])).toBe('');
  });

  it('returns undefined when a wildcard is present', () => {
    expect(plainText(tokenizeSigmaString('a*b'))).toBeUndefined();
    expect(plainText(tokenizeSigmaString('a?b'))).toBeUndefined();
  });
});

describe('surroundWithStars', () => {
  it('adds leading and trailing stars (contains)', () => {
    expect(surroundWithStars([text('x')], true, true)).toEqual([star, text('x'), star]);
  });

  it('adds only the side asked for (startswith / endswith)', () => {
    expect(surroundWithStars([text('x')], false, true)).toEqual([text('x'), star]);
    expect(surroundWithStars([text('x')], true, false)).toEqual([star, text('x')]);
  });

  it('does not double a star already there, and turns the empty value into one star', () => {
    expect(surroundWithStars([star, text('x'), star], true, true)).toEqual([star, text('x'), star]);
    expect(surroundWithStars([], true, true)).toEqual([star]);
  });

  it('does not modify its input', () => {
    const tokens = [text('x')];
    surroundWithStars(tokens, true, true);
    expect(tokens).toEqual([text('x')]);
  });
});

describe('renderSigmaString', () => {
  it('escapes literal wildcards', () => {
    expect(renderSigmaString([text('a*b?'), star])).toBe('a\\*b\\?*');
  });

  it('doubles literal backslashes, so a backslash before a wildcard keeps its meaning', () => {
    expect(renderSigmaString([text('C:\\'), star])).toBe('C:\\\\*');
  });

  it.each(['C:\\Windows\\*', '\\\\\\*', 'a?b*c', '\\*\\?', 'C:\\Windows\\', 'x\\\\\\\\y'])('round-trips %s through tokenize → render → tokenize', (raw) => {
    const tokens = tokenizeSigmaString(raw);
    expect(tokenizeSigmaString(renderSigmaString(tokens))).toEqual(tokens);
  });
});
