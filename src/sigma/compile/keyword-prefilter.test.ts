// The keyword prefilter's quick check on raw values must never hide a match that folding finds.
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../parse/parse-rule-file.js';
import { defaultMappingFiles, loadLogsourceMappings } from '../mapping/logsource-mapping.js';
import { buildEngine } from '../engine/sigma-engine.js';
import { FOLDS_TO_ASCII } from './anchor-index.js';

const { mappings } = loadLogsourceMappings(defaultMappingFiles());
const rule = "title: k\nlogsource: {product: windows}\ndetection:\n  keywords:\n    - 'invoke-mimikatz'\n    - 'sekurlsa::'\n  condition: keywords\n";
const { engine } = buildEngine(parseRuleFile(rule, 'k.yml').rules, mappings);
const matches = (fields: Record<string, unknown>): boolean => engine.match({ fields: { Channel: 'Security', EventID: 4688, ...fields }, ref: { file: 't' } }).length > 0;

describe('keyword prefilter', () => {
  it('finds keywords in any case, in any field, nested or numeric-adjacent', () => {
    expect(matches({ CommandLine: 'powershell Invoke-MIMIKATZ -x' })).toBe(true);
    expect(matches({ Nested: { Deeper: ['a', 'SEKURLSA::logonpasswords'] } })).toBe(true);
    expect(matches({ CommandLine: 'powershell Get-Process' })).toBe(false);
  });

  it('sends non-ASCII text to the folded search: the Kelvin sign lower-cases to k', () => {
    expect('invoke-mimi\u212Aatz'.toLowerCase()).toBe('invoke-mimikatz');
    expect(matches({ CommandLine: 'invoke-mimi\u212Aatz' })).toBe(true);
  });

  it('checks a non-ASCII value on its own: a needle beside ® is found, a value with ® and no needle matches nothing', () => {
    expect(matches({ Product: 'Microsoft® Windows®', CommandLine: 'whoami' })).toBe(false);
    expect(matches({ Product: 'Microsoft® Windows®', Description: 'Ünïcode SEKURLSA::Logonpasswords' })).toBe(true);
    expect(matches({ Product: 'Microsoft® Windows®', CommandLine: 'Invoke-Mimikatz' })).toBe(true);
  });

  it('names every character that lower-cases to something holding ASCII (the quick check relies on it)', () => {
    const found: number[] = [];
    for (let code = 0x80; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (/[\x00-\x7f]/.test(String.fromCodePoint(code).toLowerCase())) found.push(code);
    }
    expect(found).toEqual([0x130, 0x212a]);
    for (const code of found) expect(FOLDS_TO_ASCII.test(String.fromCodePoint(code))).toBe(true);
  });

  it('never matches across two values', () => {
    expect(matches({ A: 'invoke-mimi', B: 'katz' })).toBe(false);
  });
});
