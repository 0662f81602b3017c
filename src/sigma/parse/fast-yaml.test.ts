// The fast reader either reads a file exactly as the located reader does or declines it: whatever YAML
// a rule file holds, parseRuleFile (fast reader first) and parseRuleFileLocated give the same rules and
// the same located errors. test/fast-yaml-corpus.test.ts checks the same over all of SigmaHQ.
import { describe, expect, it } from 'vitest';
import { readFastYaml } from './fast-yaml.js';
import { parseRuleFile, parseRuleFileLocated } from './parse-rule-file.js';

const FILE = 'rules/test.yml';

function rule(detection: string, head = 'title: T\n'): string {
  return `${head}logsource:\n  product: windows\n  category: process_creation\ndetection:\n${detection}`;
}

/** Both paths agree; returns whether the fast reader took the file. */
function agree(text: string, placeholders: Record<string, string[]> = {}): boolean {
  expect(parseRuleFile(text, FILE, { placeholders })).toEqual(parseRuleFileLocated(text, FILE, { placeholders }));
  return readFastYaml(text) !== undefined;
}

describe('fast YAML reader: the same rules as the located reader', () => {
  const read = [
    ['plain, quoted and escaped strings', "  sel:\n    A: plain text\n    B: 'it''s'\n    C: \"tab\\there \\x41\\u00e9\"\n    D: C:\\Windows\\*\n  condition: sel\n"],
    ['block scalars', '  sel:\n    A: |\n      line one\n      line two\n    B: >-\n      folded\n      text\n    C: |+\n      kept\n\n  condition: sel\n'],
    ['multi-line plain scalars', '  sel:\n    A: first\n      second\n  condition: sel\n'],
    ['flow collections and comments', '  sel: # the selection\n    A: [one, \'two\', "three"]  # values\n    B: {x: 1}\n  condition: sel\n'],
    ['numbers keep their written form', '  sel:\n    EventID: 0x17\n    B: 1.0\n    C: +5\n    D: 0o17\n    E: 1e3\n    F: .inf\n    G: -.Inf\n    H: .NaN\n    I: 007\n  condition: sel\n'],
    ['booleans and nulls', '  sel:\n    A: True\n    B: FALSE\n    C: ~\n    D: Null\n    E:\n  condition: sel\n'],
    ['strings that only look like numbers', "  sel:\n    A: 1_000\n    B: '0x17'\n    C: 1.2.3\n    D: 0b101\n    E: 12:30\n    F: 2024-01-02\n  condition: sel\n"],
    ['keyword lists and modifiers', "  keywords:\n    - 'mimikatz'\n    - sekurlsa\n  sel:\n    CommandLine|contains|all:\n      - ' -a '\n      - ' -b'\n  condition: keywords or sel\n"],
    ['a --- line and comments before the rule', '\n# comment\n---\n' + rule('  sel:\n    A: b\n  condition: sel\n', 'title: T\n')],
    ['CRLF line ends', rule('  sel:\n    A: b\n  condition: sel\n').replace(/\n/g, '\r\n')],
    ['non-ASCII text', rule("  sel:\n    A: 'Überprüfung ✓ 日本'\n  condition: sel\n")],
    ['a __proto__ field', rule('  sel:\n    __proto__: x\n    constructor: y\n  condition: sel\n')],
  ] as const;
  it.each(read)('reads %s', (_name, text) => {
    const full = text.startsWith('  ') ? rule(text) : text;
    expect(agree(full)).toBe(true);
  });

  it('keeps the written form of numbers and booleans', () => {
    const parsed = parseRuleFile(rule('  sel:\n    A: 0x17\n    B: True\n  condition: sel\n'), FILE).rules[0];
    const selection = parsed.detection.sel;
    if (selection.kind !== 'and') throw new Error('expected an AND of two fields');
    const tokens = (name: string): unknown => selection.items.map((item) => (item.kind === 'field' && item.field === name ? item.tests[0] : undefined)).find(Boolean);
    expect(tokens('A')).toMatchObject({ tokens: [{ kind: 'text', text: '0x17' }] });
    expect(tokens('B')).toMatchObject({ tokens: [{ kind: 'text', text: 'True' }] });
  });

  it('gives the rule the place of its first key', () => {
    const text = '# comment\n\n---\n  \ntitle: T\nlogsource: {product: windows}\ndetection: {sel: {A: b}, condition: sel}\n';
    expect(parseRuleFile(text, FILE).rules[0].location).toEqual({ file: FILE, line: 5, column: 1 });
    expect(agree(text)).toBe(true);
  });
});

describe('fast YAML reader: declines what it cannot read as the located reader does', () => {
  const declined = [
    ['several documents', rule('  sel:\n    A: b\n  condition: sel\n') + '---\n' + rule('  sel:\n    A: c\n  condition: sel\n')],
    ['an anchor and alias', rule('  sel:\n    A: &v b\n    B: *v\n  condition: sel\n')],
    ['a YAML directive', '%YAML 1.1\n---\n' + rule('  sel:\n    A: yes\n  condition: sel\n')],
    ['an explicit core tag', rule('  sel:\n    A: !!int "0x10"\n  condition: sel\n')],
    ['a null key', rule('  sel:\n    ~: b\n  condition: sel\n')],
    ['an integer key', rule('  sel:\n    b: 1\n    2: c\n  condition: sel\n')],
    ['a collection as key', rule('  sel:\n    ? [a, b]\n    : c\n  condition: sel\n')],
    ['a duplicated key', rule('  sel:\n    A: b\n    A: c\n  condition: sel\n')],
    ['a byte order mark', '\uFEFF' + rule('  sel:\n    A: b\n  condition: sel\n')],
    ['tab indentation', rule('  sel:\n\tA: b\n  condition: sel\n')],
    ['a syntax error', rule("  sel:\n    A: 'unclosed\n  condition: sel\n")],
    ['a list as document', '- a\n- b\n'],
    ['an empty file', '# nothing here\n'],
  ] as const;
  it.each(declined)('declines %s', (_name, text) => {
    expect(agree(text)).toBe(false);
  });

  it('reads a file whose rule has a problem again with the located reader, for the place', () => {
    const text = rule('  sel:\n    A|nosuchmodifier: b\n  condition: sel\n');
    expect(readFastYaml(text)).toBeDefined();
    const result = parseRuleFile(text, FILE);
    expect(result.errors).toEqual([expect.objectContaining({ code: 'SIGMA_UNKNOWN_MODIFIER', location: { file: FILE, line: 7, column: 5 } })]);
    expect(result).toEqual(parseRuleFileLocated(text, FILE));
  });

  it('reads an undefined placeholder again with the located reader', () => {
    const text = rule('  sel:\n    A|expand: "%Admins%"\n  condition: sel\n');
    expect(agree(text)).toBe(true);
    expect(parseRuleFile(text, FILE).errors[0]).toMatchObject({ code: 'SIGMA_PLACEHOLDER_UNDEFINED', location: { line: 7, column: 5 } });
    expect(agree(text, { Admins: ['root', 'admin'] })).toBe(true);
  });
});
