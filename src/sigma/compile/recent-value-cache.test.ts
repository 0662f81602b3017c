// The anchor index remembers long values (a cache keyed by the raw value) and stops remembering a
// field whose values do not repeat; either way a rule must be found exactly as without the cache.
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../parse/parse-rule-file.js';
import { defaultMappingFiles, loadLogsourceMappings } from '../mapping/logsource-mapping.js';
import { buildEngine } from '../engine/sigma-engine.js';

const { mappings } = loadLogsourceMappings(defaultMappingFiles());
const rule = "title: h\nlogsource: {product: windows, category: process_creation}\ndetection:\n  selection:\n    Hashes|contains: 'IMPHASH=0123456789ABCDEF'\n  condition: selection\n";
const { engine } = buildEngine(parseRuleFile(rule, 'h.yml').rules, mappings);
const matches = (hashes: string): boolean => engine.match({ fields: { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Hashes: hashes }, ref: { file: 't' } }).length > 0;
const unique = (i: number): string => `SHA256=${i.toString(16).padStart(64, '0')},IMPHASH=${(i * 7919).toString(16).padStart(32, '0')}`;

describe('recent-value cache of the anchor index', () => {
  it('finds the same rules while values repeat, while they never do, and after the field stops being cached', () => {
    const hit = 'SHA256=AB,IMPHASH=0123456789ABCDEF0123456789ABCDEF';
    expect(matches(hit)).toBe(true);
    expect(matches(hit)).toBe(true);
    // Thousands of values seen once: the field is then searched without its cache.
    for (let i = 0; i < 5000; i++) {
      expect(matches(unique(i))).toBe(false);
      if (i % 997 === 0) expect(matches(`${unique(i)},IMPHASH=0123456789abcdef`)).toBe(true);
    }
    expect(matches(hit)).toBe(true);
    expect(matches(hit.toLowerCase())).toBe(true);
    // Long enough for the cache to be tried again (eight windows of 1,024 look-ups).
    for (let i = 0; i < 10_000; i++) expect(matches(i % 2 === 0 ? hit : unique(i))).toBe(i % 2 === 0);
  });
});
