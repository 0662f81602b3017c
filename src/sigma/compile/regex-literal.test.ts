import { describe, expect, it } from 'vitest';
import { requiredLiteral } from './regex-literal.js';

describe('requiredLiteral', () => {
  it.each([
    ['\\\\AppData\\\\Local\\\\Temp\\\\[^\\\\]+\\.exe$', '\\AppData\\Local\\Temp\\'],
    ['^C:\\\\Users\\\\[^\\\\]+\\\\NTUSER\\.DAT$', '\\NTUSER.DAT'],
    ['\\w+`(\\w+|-|.)`[\\w+|\\s]', '`'],
    ['(?i)invoke-mimikatz', 'invoke-mimikatz'],
    ['abcd?e', 'abc'],
    ['ab{2,3}cdef', 'cdef'],
    ['x+yyy', 'yyy'],
    ['\\d+\\.\\d+', '.'],
  ])('/%s/ needs %j', (source, literal) => {
    expect(requiredLiteral(source)).toBe(literal);
  });

  it.each(['a|b', 'foo|barbaz', '[abc]+', '(abc)?', '.*'])('/%s/ has no literal it cannot match without', (source) => {
    expect(requiredLiteral(source)).toBeUndefined();
  });

  it('every literal it names occurs in the strings the regex matches', () => {
    const cases: [string, string[]][] = [
      ['\\\\AppData\\\\Local\\\\Temp\\\\[^\\\\]+\\.exe$', ['C:\\Users\\a\\AppData\\Local\\Temp\\x.exe']],
      ['ab{2,3}cdef', ['abbcdef', 'abbbcdef']],
      ['abcd?e', ['abce', 'abcde']],
    ];
    for (const [source, matching] of cases) {
      const literal = requiredLiteral(source) as string;
      for (const value of matching) {
        expect(new RegExp(source).test(value)).toBe(true);
        expect(value.includes(literal)).toBe(true);
      }
    }
  });
});
