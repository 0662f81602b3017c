// One rule file into typed rules and located errors: a bad rule is rejected alone with a code and a
// file:line:column, and nothing throws past parseRuleFile.
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from './parse-rule-file.js';
import type { FieldPredicate, GlobToken, RuleError, SearchExpr, SigmaRule } from './rule-types.js';

const FILE = 'rules/test.yml';

/** A complete, valid rule document whose detection block is given (indented by two spaces). */
function rule(title: string, detection: string, extra = ''): string {
  return `title: ${title}\n${extra}logsource:\n  product: windows\n  category: process_creation\ndetection:\n${detection}`;
}

function parseOne(text: string, placeholders?: Record<string, string[]>): SigmaRule {
  const result = parseRuleFile(text, FILE, placeholders ? { placeholders } : {});
  expect(result.errors).toEqual([]);
  expect(result.rules).toHaveLength(1);
  return result.rules[0];
}

function parseError(text: string, placeholders?: Record<string, string[]>): RuleError {
  const result = parseRuleFile(text, FILE, placeholders ? { placeholders } : {});
  expect(result.rules).toEqual([]);
  expect(result.errors).toHaveLength(1);
  return result.errors[0];
}

function field(expr: SearchExpr | undefined): FieldPredicate {
  expect(expr?.kind).toBe('field');
  return expr as FieldPredicate;
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const text = (value: string): GlobToken => ({ kind: 'text', text: value });

describe('parseRuleFile: a valid rule', () => {
  it('reads the metadata, logsource, detection and condition', () => {
    const source = [
      'title: Suspicious Cmd',
      'id: 6d0a4e55-0000-4000-8000-000000000001',
      'status: test',
      'level: High',
      'description: a test rule',
      'author: Rampart',
      'date: 2024-01-02',
      'references: [https://example.org]',
      'tags: [attack.execution, attack.t1059]',
      'falsepositives: [Admins]',
      'fields: [CommandLine]',
      'logsource: { product: Windows, category: Process_Creation }',
      'detection:',
      '  selection:',
      "    Image|endswith: '\\cmd.exe'",
      '  condition: selection',
      '',
    ].join('\n');
    const parsed = parseOne(source);
    expect(parsed).toMatchObject({
      id: '6d0a4e55-0000-4000-8000-000000000001',
      title: 'Suspicious Cmd',
      status: 'test',
      level: 'high',
      description: 'a test rule',
      author: 'Rampart',
      references: ['https://example.org'],
      tags: ['attack.execution', 'attack.t1059'],
      falsepositives: ['Admins'],
      fields: ['CommandLine'],
      logsource: { product: 'windows', category: 'process_creation' },
      condition: { kind: 'ref', name: 'selection' },
      location: { file: FILE, line: 1, column: 1 },
    });
    expect(parsed.detection.selection).toEqual({
      kind: 'field',
      field: 'Image',
      match: 'any',
      negate: false,
      tests: [{ type: 'string', tokens: [{ kind: 'star' }, text('\\cmd.exe')], cased: false }],
    });
  });

  it('defaults the level to medium', () => {
    expect(parseOne(rule('t', '  s:\n    a: b\n  condition: s\n')).level).toBe('medium');
  });

  it('keeps numbers as written: EventID 4688 and 0x17', () => {
    const parsed = parseOne(rule('t', '  s:\n    EventID: 4688\n    TicketEncryptionType: 0x17\n    Quoted: "0x17"\n  condition: s\n'));
    const selection = parsed.detection.s;
    expect(selection.kind).toBe('and');
    const items = (selection.kind === 'and' ? selection.items : []).map(field);
    expect(items.map((item) => item.tests)).toEqual([
      [{ type: 'string', tokens: [text('4688')], cased: false }],
      [{ type: 'string', tokens: [text('0x17')], cased: false }],
      [{ type: 'string', tokens: [text('0x17')], cased: false }],
    ]);
  });

  it('folds a condition list into one OR', () => {
    const parsed = parseOne(rule('t', '  a:\n    x: 1\n  b:\n    y: 2\n  condition:\n    - a\n    - b and not a\n'));
    expect(parsed.condition).toEqual({
      kind: 'or',
      items: [
        { kind: 'ref', name: 'a' },
        { kind: 'and', items: [{ kind: 'ref', name: 'b' }, { kind: 'not', expr: { kind: 'ref', name: 'a' } }] },
      ],
    });
  });

  it('ignores timeframe in the detection', () => {
    const parsed = parseOne(rule('t', '  s:\n    a: b\n  timeframe: 5m\n  condition: s\n'));
    expect(Object.keys(parsed.detection)).toEqual(['s']);
  });

  it('skips empty documents (a trailing ---, a comment-only document)', () => {
    const result = parseRuleFile(`---\n${rule('t', '  s:\n    a: b\n  condition: s\n')}---\n# nothing here\n---\n`, FILE);
    expect(result.errors).toEqual([]);
    expect(result.rules.map((r) => r.title)).toEqual(['t']);
  });

  it('accepts a search identifier named like an Object.prototype member', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const parsed = parseOne(rule('t', `  ${name}:\n    a: b\n  condition: ${name}\n`));
      expect(Object.keys(parsed.detection)).toEqual([name]);
      expect(field(parsed.detection[name]).field).toBe('a');
    }
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });
});

describe('parseRuleFile: located errors', () => {
  it('rejects a bad rule of a multi-document file alone, at file:line:column, while the good one loads', () => {
    const good = rule('Good', '  s:\n    a: b\n  condition: s\n');
    const bad = rule('Bad', "  selection:\n    Image|endswith: '\\x.exe'\n  condition: selection and filter\n");
    const source = `${good}---\n${bad}---\n${good.replace('Good', 'Good too')}`;
    const result = parseRuleFile(source, FILE);
    expect(result.rules.map((r) => r.title)).toEqual(['Good', 'Good too']);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error.code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
    expect(error.rule).toBe('Bad');
    expect(error.location).toEqual({ file: FILE, ...positionOf(source, 'selection and filter') });
    expect(error.location.line).toBe(17);
    expect(error.location.column).toBe(14);
    expect(result.rules[1].location).toEqual({ file: FILE, line: 19, column: 1 });
  });

  it('places a condition syntax error at the condition and names the column inside it', () => {
    const source = rule('t', '  a:\n    x: 1\n  condition: a and (a or\n');
    const error = parseError(source);
    expect(error.code).toBe('SIGMA_CONDITION_SYNTAX');
    expect(error.location).toEqual({ file: FILE, ...positionOf(source, 'a and (a') });
    // 'a and (a or' ends at column 12, where an expression was expected.
    expect(error.message).toContain('column 12');
  });

  it('locates an error in the second entry of a condition list', () => {
    const source = rule('t', '  a:\n    x: 1\n  condition:\n    - a\n    - a or b\n');
    const error = parseError(source);
    expect(error.code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
    expect(error.location).toEqual({ file: FILE, ...positionOf(source, 'a or b') });
  });

  it('missing title: SIGMA_MISSING_FIELD at the document', () => {
    const source = 'logsource:\n  product: windows\ndetection:\n  s:\n    a: b\n  condition: s\n';
    const error = parseError(source);
    expect(error.code).toBe('SIGMA_MISSING_FIELD');
    expect(error.message).toContain('title');
    expect(error.location).toEqual({ file: FILE, line: 1, column: 1 });
  });

  it('missing detection: SIGMA_MISSING_FIELD', () => {
    const error = parseError('title: t\nlogsource:\n  product: windows\n');
    expect(error.code).toBe('SIGMA_MISSING_FIELD');
    expect(error.message).toContain('detection');
    expect(error.rule).toBe('t');
  });

  it('missing condition: SIGMA_MISSING_CONDITION at the detection map', () => {
    const source = rule('t', '  s:\n    a: b\n');
    const error = parseError(source);
    expect(error.code).toBe('SIGMA_MISSING_CONDITION');
    expect(error.location).toEqual({ file: FILE, ...positionOf(source, 's:\n') });
  });

  it('missing logsource: SIGMA_MISSING_FIELD', () => {
    const error = parseError('title: t\ndetection:\n  s:\n    a: b\n  condition: s\n');
    expect(error.code).toBe('SIGMA_MISSING_FIELD');
    expect(error.message).toContain('logsource');
  });

  it('unknown modifier: SIGMA_UNKNOWN_MODIFIER at the field key, naming the modifier', () => {
    const source = rule('t', "  s:\n    a: b\n    Image|endswiths: '\\x.exe'\n  condition: s\n");
    const error = parseError(source);
    expect(error.code).toBe('SIGMA_UNKNOWN_MODIFIER');
    expect(error.message).toContain("'endswiths'");
    expect(error.location).toEqual({ file: FILE, ...positionOf(source, 'Image|endswiths') });
  });

  it('bad level: SIGMA_BAD_LEVEL at the level value', () => {
    const source = rule('t', '  s:\n    a: b\n  condition: s\n', 'level: severe\n');
    const error = parseError(source);
    expect(error.code).toBe('SIGMA_BAD_LEVEL');
    expect(error.message).toContain("'severe'");
    expect(error.location).toEqual({ file: FILE, line: 2, column: 8 });
  });

  it('YAML syntax error: SIGMA_YAML at its line, and the other documents still load', () => {
    const good = rule('Good', '  s:\n    a: b\n  condition: s\n');
    const source = `${good}---\ntitle: broken\ndetection:\n  s: [a, b\n  condition: s\n`;
    const result = parseRuleFile(source, FILE);
    expect(result.rules.map((r) => r.title)).toEqual(['Good']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].code).toBe('SIGMA_YAML');
    expect(result.errors[0].location.file).toBe(FILE);
    expect(result.errors[0].location.line).toBeGreaterThanOrEqual(positionOf(source, 's: [a, b').line);
  });

  it('duplicate keys are a YAML error', () => {
    const error = parseError(rule('t', '  s:\n    a: b\n    a: c\n  condition: s\n'));
    expect(error.code).toBe('SIGMA_YAML');
    expect(error.location.line).toBe(8);
  });

  it('a document that is not a map: SIGMA_NOT_A_RULE', () => {
    expect(parseError('- just\n- a list\n').code).toBe('SIGMA_NOT_A_RULE');
  });

  it('correlation rule: SIGMA_UNSUPPORTED_CORRELATION, by name, at the correlation key', () => {
    const source = [
      'title: Many failed logons',
      'correlation:',
      '  type: event_count',
      '  rules: [failed_logon]',
      '  group-by: [TargetUserName]',
      '  timespan: 5m',
      '  condition:',
      '    gte: 10',
      '',
    ].join('\n');
    const error = parseError(source);
    expect(error.code).toBe('SIGMA_UNSUPPORTED_CORRELATION');
    expect(error.rule).toBe('Many failed logons');
    expect(error.location).toEqual({ file: FILE, line: 3, column: 3 });
  });

  it('meta-filter: SIGMA_UNSUPPORTED_FILTER', () => {
    const source = 'title: f\nlogsource: {product: windows}\nfilter:\n  rules: [x]\n  selection:\n    User: admin\n  condition: not selection\n';
    expect(parseError(source).code).toBe('SIGMA_UNSUPPORTED_FILTER');
  });

  it.each([
    ["    a|re|contains: 'x'", 'SIGMA_MODIFIER_COMBINATION'],
    ["    a|i: 'x'", 'SIGMA_MODIFIER_COMBINATION'],
    ['    a|contains: null', 'SIGMA_NULL_WITH_MODIFIER'],
    ['    a|exists: yes please', 'SIGMA_EXISTS_VALUE'],
    ['    a|cidr: 10.0.0.0/33', 'SIGMA_BAD_CIDR'],
    ['    a|cidr: not-an-ip', 'SIGMA_BAD_CIDR'],
    ['    a|gt: ten', 'SIGMA_NOT_A_NUMBER'],
    ['    a: []', 'SIGMA_EMPTY_VALUE_LIST'],
    ["    a|base64: 'x*'", 'SIGMA_MODIFIER_COMBINATION'],
  ])('value problem %j: %s', (line, code) => {
    const source = rule('t', `  s:\n${line}\n  condition: s\n`);
    const error = parseError(source);
    expect(error.code).toBe(code);
    expect(error.location).toEqual({ file: FILE, line: 7, column: 5 });
  });

  it('a map as a field value: SIGMA_BAD_VALUE at the value', () => {
    const error = parseError(rule('t', '  s:\n    a: {b: c}\n  condition: s\n'));
    expect(error.code).toBe('SIGMA_BAD_VALUE');
    expect(error.location).toEqual({ file: FILE, line: 7, column: 8 });
  });

  it('never throws: garbage, binary and empty input give errors or nothing', () => {
    expect(parseRuleFile('', FILE)).toEqual({ rules: [], errors: [] });
    for (const input of ['\u0000\u0001\u0002', '{{{{', 'title: [', ': : :', '\t\ttitle: x', '%YAML 9.9\n---\na: b']) {
      expect(() => parseRuleFile(input, FILE)).not.toThrow();
    }
  });
});

describe('parseRuleFile: placeholders', () => {
  const expandRule = (value: string): string => rule('t', `  s:\n    User|expand: '${value}'\n  condition: s\n`);

  it('an undefined placeholder rejects the rule with SIGMA_PLACEHOLDER_UNDEFINED', () => {
    const source = expandRule('%Admins%');
    const error = parseError(source);
    expect(error.code).toBe('SIGMA_PLACEHOLDER_UNDEFINED');
    expect(error.message).toContain('%Admins%');
    expect(error.location).toEqual({ file: FILE, ...positionOf(source, 'User|expand') });
  });

  it('a placeholder named like an Object.prototype member is undefined too', () => {
    expect(parseError(expandRule('%constructor%')).code).toBe('SIGMA_PLACEHOLDER_UNDEFINED');
    expect(parseError(expandRule('%__proto__%'), { other: ['x'] }).code).toBe('SIGMA_PLACEHOLDER_UNDEFINED');
  });

  it('a defined placeholder expands into its values (OR)', () => {
    const parsed = parseOne(expandRule('%Admins%'), { Admins: ['root', 'adm*'] });
    expect(field(parsed.detection.s).tests).toEqual([
      { type: 'string', tokens: [text('root')], cased: false },
      { type: 'string', tokens: [text('adm'), { kind: 'star' }], cased: false },
    ]);
  });

  it('expands inside a longer string, and several placeholders as their cartesian product', () => {
    const parsed = parseOne(expandRule('%Domain%/%User%'), { Domain: ['CORP', 'LAB'], User: ['adm', 'root'] });
    expect(field(parsed.detection.s).tests.map((test) => (test.type === 'string' ? test.tokens : undefined))).toEqual([
      [text('CORP/adm')],
      [text('CORP/root')],
      [text('LAB/adm')],
      [text('LAB/root')],
    ]);
  });

  it('\\% keeps a literal percent sign: \\%plain%name% has %plain literal and %name% expanded', () => {
    const parsed = parseOne(expandRule('\\%plain%name%'), { name: ['X'] });
    expect(field(parsed.detection.s).tests).toEqual([{ type: 'string', tokens: [text('%plainX')], cased: false }]);
  });

  it('\\%x\\% is literal even when x is defined', () => {
    const parsed = parseOne(expandRule('\\%x\\%'), { x: ['never'] });
    expect(field(parsed.detection.s).tests).toEqual([{ type: 'string', tokens: [text('%x%')], cased: false }]);
  });

  it('without expand, %name% is a literal value', () => {
    const parsed = parseOne(rule('t', "  s:\n    User: '%Admins%'\n  condition: s\n"));
    expect(field(parsed.detection.s).tests).toEqual([{ type: 'string', tokens: [text('%Admins%')], cased: false }]);
  });

  it('expand combines with other modifiers applied after it', () => {
    const parsed = parseOne(rule('t', "  s:\n    Path|expand|endswith: '%Dir%'\n  condition: s\n"), { Dir: ['\\tmp'] });
    expect(field(parsed.detection.s).tests).toEqual([{ type: 'string', tokens: [{ kind: 'star' }, text('\\tmp')], cased: false }]);
  });
});
