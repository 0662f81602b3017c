// End-to-end matching on the compiled engine: tiny rules and events, the real built-in log-source
// mappings. Every modifier and condition form is checked on both sides, a matching event and one that
// must not match, including null / missing fields (missing is not false).
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../parse/parse-rule-file.js';
import type { PlaceholderValues } from '../parse/placeholders.js';
import { buildEngine } from '../engine/sigma-engine.js';
import { defaultMappingFiles, loadLogsourceMappings } from '../mapping/logsource-mapping.js';

type Fields = Record<string, unknown>;

const builtIn = loadLogsourceMappings(defaultMappingFiles());

const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
const SYSMON = '{product: windows, service: sysmon}';
const SECURITY = '{product: windows, service: security}';
const PROCESS_CREATION = '{product: windows, category: process_creation}';
const LINUX = '{product: linux, service: auth}';

/** A Sysmon process-creation event (EventID 1) with the given fields. */
const sysmon = (fields: Fields): Fields => ({ Channel: SYSMON_CHANNEL, EventID: 1, ...fields });

/** Strips the indentation common to all non-blank lines, so rules can be written inline. */
function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** A rule document: a logsource (YAML flow map) and a detection body written at any indentation. */
function ruleText(logsource: string, detection: string): string {
  const body = dedent(detection)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return `title: test rule\nlogsource: ${logsource}\ndetection:\n${body}\n`;
}

/** For each event, whether the one rule in `text` matched it. The rule must load and compile cleanly. */
function matching(text: string, events: readonly Fields[], placeholders?: PlaceholderValues): boolean[] {
  expect(builtIn.errors).toEqual([]);
  const parsed = parseRuleFile(text, 'test.yml', placeholders ? { placeholders } : {});
  expect(parsed.errors).toEqual([]);
  expect(parsed.rules).toHaveLength(1);
  const { engine, errors } = buildEngine(parsed.rules, builtIn.mappings);
  expect(errors).toEqual([]);
  return events.map((fields, index) => {
    const matched = engine.match({ fields, ref: { file: 'events.json', record: index + 1 } });
    expect(matched.length).toBeLessThanOrEqual(1);
    return matched.length === 1;
  });
}

/** Shorthand: a Sysmon rule over Sysmon process events built from plain field objects. */
function sysmonMatching(detection: string, events: readonly Fields[], placeholders?: PlaceholderValues): boolean[] {
  return matching(ruleText(SYSMON, detection), events.map(sysmon), placeholders);
}

describe('plain values', () => {
  it('equals, case-insensitively, the whole value', () => {
    const detection = String.raw`
      selection:
        Image: 'C:\Windows\System32\cmd.exe'
      condition: selection`;
    expect(
      sysmonMatching(detection, [
        { Image: 'c:\\windows\\system32\\CMD.EXE' },
        { Image: 'C:\\Windows\\System32\\cmd.exe.bak' },
        { Image: 'x C:\\Windows\\System32\\cmd.exe' },
        {},
      ]),
    ).toEqual([true, false, false, false]);
  });

  it('a list of values is an OR', () => {
    const detection = String.raw`
      selection:
        Image|endswith: ['\a.exe', '\b.exe']
      condition: selection`;
    expect(sysmonMatching(detection, [{ Image: 'C:\\b.exe' }, { Image: 'C:\\a.exe' }, { Image: 'C:\\c.exe' }])).toEqual([true, true, false]);
  });

  it('a map is an AND of its fields', () => {
    const detection = `
      selection:
        Image|endswith: '\\cmd.exe'
        CommandLine|contains: whoami
      condition: selection`;
    expect(
      sysmonMatching(detection, [
        { Image: 'C:\\cmd.exe', CommandLine: 'cmd /c whoami' },
        { Image: 'C:\\cmd.exe', CommandLine: 'cmd /c dir' },
        { Image: 'C:\\pwsh.exe', CommandLine: 'whoami' },
      ]),
    ).toEqual([true, false, false]);
  });

  it('a rule number matches an event number or its text (EventID: 4688 vs "4688")', () => {
    const text = ruleText(SECURITY, 'selection:\n  EventID: 4688\ncondition: selection');
    const events = [
      { Channel: 'Security', EventID: 4688 },
      { Channel: 'Security', EventID: '4688' },
      { Channel: 'Security', EventID: 4689 },
      { Channel: 'Security', EventID: '46880' },
    ];
    expect(matching(text, events)).toEqual([true, true, false, false]);
    const quoted = ruleText(SECURITY, "selection:\n  EventID: '4688'\ncondition: selection");
    expect(matching(quoted, events)).toEqual([true, true, false, false]);
  });

  it('numbers in other fields compare the same way', () => {
    expect(sysmonMatching('selection:\n  ProcessId: 1234\ncondition: selection', [{ ProcessId: 1234 }, { ProcessId: '1234' }, { ProcessId: 12345 }])).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('0x17 is kept as written, not read as the number 23', () => {
    const detection = 'selection:\n  TicketEncryptionType: 0x17\ncondition: selection';
    expect(
      sysmonMatching(detection, [{ TicketEncryptionType: '0x17' }, { TicketEncryptionType: '0X17' }, { TicketEncryptionType: 23 }, { TicketEncryptionType: '23' }]),
    ).toEqual([true, true, false, false]);
  });

  it('booleans compare as their text', () => {
    expect(sysmonMatching('selection:\n  Signed: false\ncondition: selection', [{ Signed: false }, { Signed: 'false' }, { Signed: true }])).toEqual([true, true, false]);
  });

  it("an empty string value matches the empty value only (a missing field is not '')", () => {
    const detection = "selection:\n  OriginalFileName: ''\ncondition: selection";
    expect(sysmonMatching(detection, [{ OriginalFileName: '' }, { OriginalFileName: 'x.exe' }, {}])).toEqual([true, false, false]);
  });
});

describe('contains, startswith, endswith, all', () => {
  it('contains', () => {
    const detection = 'selection:\n  CommandLine|contains: mimikatz\ncondition: selection';
    expect(sysmonMatching(detection, [{ CommandLine: 'run MimiKatz.exe now' }, { CommandLine: 'mimi katz' }, {}])).toEqual([true, false, false]);
  });

  it('startswith', () => {
    const detection = 'selection:\n  CommandLine|startswith: powershell\ncondition: selection';
    expect(sysmonMatching(detection, [{ CommandLine: 'PowerShell.exe -nop' }, { CommandLine: 'C:\\powershell.exe' }])).toEqual([true, false]);
  });

  it('endswith', () => {
    const detection = String.raw`
      selection:
        Image|endswith: '\cmd.exe'
      condition: selection`;
    expect(sysmonMatching(detection, [{ Image: 'C:\\x\\CMD.exe' }, { Image: 'C:\\x\\cmd.exe ' }, { Image: 'cmd.exe' }])).toEqual([true, false, false]);
  });

  it('all: every value of the list must be found (AND)', () => {
    const detection = `
      selection:
        CommandLine|contains|all:
          - ' -nop '
          - hidden
      condition: selection`;
    expect(sysmonMatching(detection, [{ CommandLine: 'powershell -nop -w Hidden' }, { CommandLine: 'powershell -nop -w normal' }, { CommandLine: 'hidden' }])).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('keywords', () => {
  it('a keyword list matches when any keyword occurs in any value (OR)', () => {
    const detection = `
      keywords:
        - 'event::clear'
        - 'event::drop'
      condition: keywords`;
    expect(
      sysmonMatching(detection, [{ Message: 'mimikatz # EVENT::Clear' }, { Other: 'x event::drop x' }, { Message: 'event clear' }, { 'event::clear': 'a field name' }]),
    ).toEqual([true, true, false, false]);
  });

  it("'|all' keywords must all occur, in any fields", () => {
    const detection = `
      keywords:
        '|all':
          - 'OabVirtualDirectory'
          - ' -ExternalUrl '
      condition: keywords`;
    expect(
      sysmonMatching(detection, [
        { CommandLine: 'Set-OabVirtualDirectory -ExternalUrl http://x' },
        { A: 'oabvirtualdirectory', B: 'x -externalurl y' },
        { CommandLine: 'Set-OabVirtualDirectory' },
      ]),
    ).toEqual([true, true, false]);
  });

  it('a keyword holding a wildcard', () => {
    const detection = "keywords:\n  - 'evil*tool'\ncondition: keywords";
    expect(sysmonMatching(detection, [{ Message: 'an EVIL little TOOL here' }, { Message: 'a tool that is evil' }])).toEqual([true, false]);
  });

  it('keywords also search numbers and nested values', () => {
    const text = ruleText(LINUX, "keywords:\n  - 'root'\n  - '31337'\ncondition: keywords");
    expect(matching(text, [{ user: { name: 'Root' } }, { port: 31337 }, { user: { name: 'bob' }, port: 22 }])).toEqual([true, true, false]);
  });
});

describe('wildcards and escaping', () => {
  it('* in the middle matches any run of characters (written \\\\* after a backslash)', () => {
    const detection = String.raw`
      selection:
        Image: 'C:\Users\\*\AppData\\*.exe'
      condition: selection`;
    expect(sysmonMatching(detection, [{ Image: 'C:\\Users\\bob\\AppData\\Local\\x.exe' }, { Image: 'C:\\Users\\bob\\Desktop\\x.exe' }])).toEqual([true, false]);
  });

  it('? matches exactly one character', () => {
    const detection = String.raw`
      selection:
        Image: '*\svch?st.exe'
      condition: selection`;
    expect(
      sysmonMatching(detection, [{ Image: 'C:\\svchost.exe' }, { Image: 'C:\\svch0st.exe' }, { Image: 'C:\\svchst.exe' }, { Image: 'C:\\svchoost.exe' }]),
    ).toEqual([true, true, false, false]);
  });

  it('\\* matches a literal star only', () => {
    const detection = String.raw`
      selection:
        CommandLine: 'echo \*'
      condition: selection`;
    expect(sysmonMatching(detection, [{ CommandLine: 'echo *' }, { CommandLine: 'echo x' }, { CommandLine: 'echo xyz' }])).toEqual([true, false, false]);
  });

  it('\\? matches a literal question mark only', () => {
    const detection = String.raw`
      selection:
        CommandLine|contains: 'what\?'
      condition: selection`;
    expect(sysmonMatching(detection, [{ CommandLine: 'say what?' }, { CommandLine: 'say whatx' }])).toEqual([true, false]);
  });

  it('\\\\* is a backslash and then a wildcard', () => {
    const detection = String.raw`
      selection:
        Path: 'C:\Temp\\*'
      condition: selection`;
    expect(sysmonMatching(detection, [{ Path: 'C:\\Temp\\anything' }, { Path: 'C:\\Temp\\' }, { Path: 'C:\\Temp' }, { Path: 'C:\\Tempx' }])).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('\\\\\\* is a backslash and a literal star', () => {
    const detection = String.raw`
      selection:
        Path: 'C:\Temp\\\*'
      condition: selection`;
    expect(sysmonMatching(detection, [{ Path: 'C:\\Temp\\*' }, { Path: 'C:\\Temp\\x' }])).toEqual([true, false]);
  });

  it('a plain backslash written single or double means one backslash', () => {
    const single = String.raw`
      selection:
        Image: 'C:\Windows\x.exe'
      condition: selection`;
    const double = String.raw`
      selection:
        Image: 'C:\\Windows\\x.exe'
      condition: selection`;
    const events = [{ Image: 'C:\\Windows\\x.exe' }, { Image: 'C:\\\\Windows\\\\x.exe' }];
    expect(sysmonMatching(single, events)).toEqual([true, false]);
    expect(sysmonMatching(double, events)).toEqual([true, false]);
  });
});

describe('exists, null, missing', () => {
  it('exists: true holds for any present field, even empty or null', () => {
    const detection = 'selection:\n  User|exists: true\ncondition: selection';
    expect(sysmonMatching(detection, [{ User: 'x' }, { User: '' }, { User: null }, {}])).toEqual([true, true, true, false]);
  });

  it('exists: false holds only for an absent field', () => {
    const detection = 'selection:\n  User|exists: false\ncondition: selection';
    expect(sysmonMatching(detection, [{}, { User: '' }, { User: 'x' }])).toEqual([true, false, false]);
  });

  it('null matches a missing field, an empty value and a null value, not a present value', () => {
    const detection = 'selection:\n  CommandLine: null\ncondition: selection';
    expect(sysmonMatching(detection, [{}, { CommandLine: '' }, { CommandLine: null }, { CommandLine: 'x' }])).toEqual([true, true, true, false]);
  });

  it('one case-insensitive literal of each shape on a list value (any item), a null value (the empty text) and a missing field', () => {
    const events = [{ Image: ['X', 'C:\\Tools\\EVIL.exe'] }, { Image: ['x', 'y'] }, { Image: null }, {}];
    const shapes: [string, boolean[]][] = [
      ["Image: 'c:\\tools\\evil.exe'", [true, false, false, false]],
      ["Image|endswith: '\\evil.exe'", [true, false, false, false]],
      ["Image|startswith: 'c:\\tools'", [true, false, false, false]],
      ["Image|contains: 'tools'", [true, false, false, false]],
      ["Image: ''", [false, false, true, false]],
      ["Image: '*'", [true, true, true, false]],
    ];
    for (const [selection, expected] of shapes) {
      expect(sysmonMatching(`selection:\n  ${selection}\ncondition: selection`, events), selection).toEqual(expected);
    }
  });

  it('not null (a negated null selection) matches a present value only', () => {
    const detection = `
      selection:
        EventID: 1
      filter:
        CommandLine: null
      condition: selection and not filter`;
    expect(sysmonMatching(detection, [{ CommandLine: 'x' }, {}, { CommandLine: '' }])).toEqual([true, false, false]);
  });

  it('not over a selection whose field is missing matches: missing is not false', () => {
    const detection = String.raw`
      selection:
        Image|endswith: '\cmd.exe'
      filter:
        ParentImage|endswith: '\explorer.exe'
      condition: selection and not filter`;
    expect(
      sysmonMatching(detection, [
        { Image: 'C:\\cmd.exe' },
        { Image: 'C:\\cmd.exe', ParentImage: 'C:\\explorer.exe' },
        { Image: 'C:\\cmd.exe', ParentImage: 'C:\\services.exe' },
      ]),
    ).toEqual([true, false, true]);
  });

  it('a missing field fails contains, startswith, re, numbers and cidr alike', () => {
    const detection = `
      a:
        X|contains: ''
      b:
        X|startswith: ''
      c:
        X|re: '.*'
      d:
        X|gte: 0
      e:
        X|cidr: 0.0.0.0/0
      condition: 1 of them`;
    expect(sysmonMatching(detection, [{}, { Y: 'x' }])).toEqual([false, false]);
  });
});

describe('cased, neq', () => {
  it('cased compares case-sensitively', () => {
    const detection = 'selection:\n  CommandLine|cased: Evil\ncondition: selection';
    expect(sysmonMatching(detection, [{ CommandLine: 'Evil' }, { CommandLine: 'evil' }, { CommandLine: 'EVIL' }])).toEqual([true, false, false]);
  });

  it('contains|cased', () => {
    const detection = 'selection:\n  CommandLine|contains|cased: Evil\ncondition: selection';
    expect(sysmonMatching(detection, [{ CommandLine: 'xEvilx' }, { CommandLine: 'xEVILx' }])).toEqual([true, false]);
  });

  it('neq: present and different; equal (in any case) or missing does not match', () => {
    const detection = 'selection:\n  User|neq: SYSTEM\ncondition: selection';
    expect(sysmonMatching(detection, [{ User: 'admin' }, { User: 'system' }, { User: 'SYSTEM' }, {}, { User: null }, { User: '' }])).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('neq with a list: different from every value', () => {
    const detection = 'selection:\n  User|neq: [SYSTEM, admin]\ncondition: selection';
    expect(sysmonMatching(detection, [{ User: 'bob' }, { User: 'Admin' }, { User: 'system' }])).toEqual([true, false, false]);
  });

  it('neq with a number', () => {
    const detection = 'selection:\n  ProcessId|neq: 4\ncondition: selection';
    expect(sysmonMatching(detection, [{ ProcessId: 5 }, { ProcessId: 4 }, { ProcessId: '4' }])).toEqual([true, false, false]);
  });
});

describe('windash', () => {
  const dashes = ['-', '/', '\u2013', '\u2014', '\u2015'];

  it.each(dashes)('a rule written with - matches the flag written with %s', (dash) => {
    const detection = "selection:\n  CommandLine|windash|contains: ' -enc '\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: `powershell ${dash}enc AAAA` }, { CommandLine: 'powershell enc AAAA' }])).toEqual([true, false]);
  });

  it.each(dashes)('a rule written with / (contains|windash order) matches %s', (dash) => {
    const detection = "selection:\n  CommandLine|contains|windash: '/s'\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: `rundll32 ${dash}s x` }, { CommandLine: 'rundll32 s x' }])).toEqual([true, false]);
  });

  it('leaves a dash inside a word alone (Set-Item is not Set/Item)', () => {
    const detection = "selection:\n  CommandLine|windash|contains: 'Set-Item'\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: 'Set-Item x' }, { CommandLine: 'Set/Item x' }])).toEqual([true, false]);
  });

  it('windash with all: each written value must occur, in any of its dash forms', () => {
    const detection = "selection:\n  CommandLine|windash|contains|all: ['-a', '-b']\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: 'x /a -b' }, { CommandLine: 'x -a' }])).toEqual([true, false]);
  });
});

describe('re', () => {
  it('is case-sensitive and unanchored by default', () => {
    const detection = "selection:\n  CommandLine|re: 'ab+c'\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: 'xxabbbcxx' }, { CommandLine: 'ABBC' }, { CommandLine: 'ac' }])).toEqual([true, false, false]);
  });

  it('a bare run length (.{N,}, .{N}) matches a run of N characters, not a shorter value or a run cut by a line break', () => {
    const atLeast = "selection:\n  CommandLine|re: '.{5,}'\ncondition: selection";
    expect(sysmonMatching(atLeast, [{ CommandLine: 'abcde' }, { CommandLine: 'abcd' }, { CommandLine: 'ab\ncde' }, { CommandLine: 'ab\nabcdef' }])).toEqual([true, false, false, true]);
    const exactly = "selection:\n  CommandLine|re: '.{3}'\ncondition: selection";
    expect(sysmonMatching(exactly, [{ CommandLine: 'abcdef' }, { CommandLine: 'ab' }])).toEqual([true, false]);
  });

  it('i: case-insensitive', () => {
    const detection = "selection:\n  CommandLine|re|i: 'ab+c'\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: 'ABBC' }, { CommandLine: 'AC' }])).toEqual([true, false]);
  });

  it('(?i) at the start of the pattern: case-insensitive', () => {
    const detection = "selection:\n  CommandLine|re: '(?i)^cmd\\.exe'\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: 'CMD.EXE /c' }, { CommandLine: 'xcmd.exe' }, { CommandLine: 'cmdxexe' }])).toEqual([true, false, false]);
  });

  it('m: ^ and $ match at line breaks, only with m', () => {
    const withM = "selection:\n  Message|re|m: '^foo$'\ncondition: selection";
    const withoutM = "selection:\n  Message|re: '^foo$'\ncondition: selection";
    const events = [{ Message: 'x\nfoo\ny' }, { Message: 'x\nfoox\ny' }];
    expect(sysmonMatching(withM, events)).toEqual([true, false]);
    expect(sysmonMatching(withoutM, events)).toEqual([false, false]);
  });

  it('s: . matches a line break, only with s', () => {
    const withS = "selection:\n  Message|re|s: '^a.b$'\ncondition: selection";
    const withoutS = "selection:\n  Message|re: '^a.b$'\ncondition: selection";
    const events = [{ Message: 'a\nb' }, { Message: 'a\n\nb' }];
    expect(sysmonMatching(withS, events)).toEqual([true, false]);
    expect(sysmonMatching(withoutS, events)).toEqual([false, false]);
  });

  it('i, m and s combined', () => {
    const detection = "selection:\n  Message|re|i|m|s: '^start.+END$'\ncondition: selection";
    expect(sysmonMatching(detection, [{ Message: 'x\nSTART\nmiddle\nend' }, { Message: 'x start end' }])).toEqual([true, false]);
  });

  it('runs on the text of a number', () => {
    const detection = "selection:\n  ProcessId|re: '^12'\ncondition: selection";
    expect(sysmonMatching(detection, [{ ProcessId: 1234 }, { ProcessId: 4123 }])).toEqual([true, false]);
  });
});

describe('base64 and base64offset', () => {
  const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64');

  it('base64: the value encoded exactly', () => {
    const detection = "selection:\n  Data|base64: hello\ncondition: selection";
    expect(sysmonMatching(detection, [{ Data: b64('hello') }, { Data: b64('hello').replace(/=+$/, '') }, { Data: b64('Hello') }])).toEqual([true, false, false]);
  });

  it('base64|contains: the encoded value inside a longer value', () => {
    const detection = "selection:\n  CommandLine|base64|contains: 'http://'\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: `-e ${b64('http://')}` }, { CommandLine: `-e ${b64('https://')}` }])).toEqual([true, false]);
  });

  it('base64offset|contains finds the value at byte offsets 0 to 5 of a real encoding', () => {
    const detection = "selection:\n  CommandLine|base64offset|contains: 'Invoke-Mimikatz'\ncondition: selection";
    const events: Fields[] = [];
    for (const prefix of ['', 'A', 'AB', 'ABC', 'ABCD', 'ABCDE']) {
      for (const suffix of ['', 'x', 'xy', ' -DumpCreds']) events.push({ CommandLine: `powershell -enc ${b64(prefix + 'Invoke-Mimikatz' + suffix)}` });
    }
    expect(sysmonMatching(detection, events)).toEqual(events.map(() => true));
    expect(sysmonMatching(detection, [{ CommandLine: `powershell -enc ${b64('Invoke-Expression')}` }, { CommandLine: 'Invoke-Mimikatz' }])).toEqual([false, false]);
  });

  const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

  it.each(['utf16le', 'wide'])('%s|base64offset|contains finds UTF-16LE text at every byte offset', (modifier) => {
    const detection = `selection:\n  CommandLine|${modifier}|base64offset|contains: 'Invoke-Mimikatz'\ncondition: selection`;
    // A UTF-16 prefix of 0, 1, 2 characters puts the value at byte offsets 0, 2 and 4, i.e. 0, 2, 1 (mod 3).
    const events = ['', 'A', 'AB', 'ABC'].map((prefix) => ({ CommandLine: `-enc ${b64(utf16le(`${prefix}Invoke-Mimikatz -x`))}` }));
    expect(sysmonMatching(detection, events)).toEqual([true, true, true, true]);
    const others = [{ CommandLine: `-enc ${b64('Invoke-Mimikatz')}` }, { CommandLine: `-enc ${b64(utf16be('Invoke-Mimikatz'))}` }];
    expect(sysmonMatching(detection, others)).toEqual([false, false]);
  });

  it('utf16be|base64offset|contains finds UTF-16BE text, not UTF-16LE', () => {
    const detection = "selection:\n  CommandLine|utf16be|base64offset|contains: 'Invoke-Mimikatz'\ncondition: selection";
    const events = ['', 'A', 'AB'].map((prefix) => ({ CommandLine: b64(utf16be(`${prefix}Invoke-Mimikatz!`)) }));
    expect(sysmonMatching(detection, events)).toEqual([true, true, true]);
    expect(sysmonMatching(detection, [{ CommandLine: b64(utf16le('Invoke-Mimikatz')) }])).toEqual([false]);
  });

  it('utf16|base64offset|contains finds text encoded with a byte order mark', () => {
    const detection = "selection:\n  CommandLine|utf16|base64offset|contains: 'Invoke-Mimikatz'\ncondition: selection";
    const bom = Buffer.from([0xff, 0xfe]);
    const events = [
      { CommandLine: b64(Buffer.concat([bom, utf16le('Invoke-Mimikatz -x')])) },
      { CommandLine: b64(Buffer.concat([Buffer.from('A'), bom, utf16le('Invoke-Mimikatz')])) },
      { CommandLine: b64(utf16le('Invoke-Mimikatz -x')) },
    ];
    expect(sysmonMatching(detection, events)).toEqual([true, true, false]);
  });

  it('utf16le|base64: exact encoding of the UTF-16LE bytes', () => {
    const detection = "selection:\n  Data|utf16le|base64: cmd\ncondition: selection";
    expect(sysmonMatching(detection, [{ Data: b64(utf16le('cmd')) }, { Data: b64('cmd') }])).toEqual([true, false]);
  });

  it('base64offset|contains|all: each written value, at any offset', () => {
    const detection = "selection:\n  CommandLine|base64offset|contains|all: ['hello', 'world']\ncondition: selection";
    expect(sysmonMatching(detection, [{ CommandLine: b64('xx hello world') }, { CommandLine: b64('xx hello') }])).toEqual([true, false]);
  });
});

describe('numbers: lt, lte, gt, gte', () => {
  const events = [{ Size: 99 }, { Size: 100 }, { Size: '101' }, { Size: 'abc' }, {}, { Size: '' }];

  it('lt', () => {
    expect(sysmonMatching('selection:\n  Size|lt: 100\ncondition: selection', events)).toEqual([true, false, false, false, false, false]);
  });

  it('lte', () => {
    expect(sysmonMatching('selection:\n  Size|lte: 100\ncondition: selection', events)).toEqual([true, true, false, false, false, false]);
  });

  it('gt', () => {
    expect(sysmonMatching('selection:\n  Size|gt: 100\ncondition: selection', events)).toEqual([false, false, true, false, false, false]);
  });

  it('gte', () => {
    expect(sysmonMatching('selection:\n  Size|gte: 100\ncondition: selection', events)).toEqual([false, true, true, false, false, false]);
  });

  it('compares numerically, not as text, with decimals and negatives', () => {
    expect(sysmonMatching('selection:\n  Size|gt: 9\ncondition: selection', [{ Size: '10' }, { Size: '8.5' }])).toEqual([true, false]);
    expect(sysmonMatching('selection:\n  Size|lt: -1.5\ncondition: selection', [{ Size: -2 }, { Size: '-1' }])).toEqual([true, false]);
  });
});

describe('time parts', () => {
  // Tuesday 2024-03-05, 03:27:45 UTC: ISO week 10.
  const at = { UtcTime: '2024-03-05 03:27:45.123' };
  const cases: [string, number, Fields][] = [
    ['minute', 27, { UtcTime: '2024-03-05 03:28:45.123' }],
    ['hour', 3, { UtcTime: '2024-03-05 04:27:45.123' }],
    ['day', 5, { UtcTime: '2024-03-06 03:27:45.123' }],
    ['week', 10, { UtcTime: '2024-03-12 03:27:45.123' }],
    ['month', 3, { UtcTime: '2024-04-05 03:27:45.123' }],
    ['year', 2024, { UtcTime: '2025-03-05 03:27:45.123' }],
  ];

  it.each(cases)('%s: %d', (part, value, other) => {
    const detection = `selection:\n  UtcTime|${part}: ${value}\ncondition: selection`;
    expect(sysmonMatching(detection, [at, other, { UtcTime: 'not a date' }, {}])).toEqual([true, false, false, false]);
  });

  it('reads ISO 8601 with a Z too', () => {
    expect(sysmonMatching('selection:\n  UtcTime|hour: 3\ncondition: selection', [{ UtcTime: '2024-03-05T03:27:45Z' }, { UtcTime: '2024-03-05T13:27:45Z' }])).toEqual([true, false]);
  });

  it('combines with a comparison: hour|gte', () => {
    const detection = 'selection:\n  UtcTime|hour|gte: 22\ncondition: selection';
    expect(sysmonMatching(detection, [{ UtcTime: '2024-03-05 23:00:00' }, { UtcTime: '2024-03-05 03:00:00' }])).toEqual([true, false]);
  });

  it('week at the turn of the year follows ISO 8601 (2021-01-03 is in week 53 of 2020)', () => {
    const detection = 'selection:\n  UtcTime|week: 53\ncondition: selection';
    expect(sysmonMatching(detection, [{ UtcTime: '2021-01-03 12:00:00' }, { UtcTime: '2021-01-04 12:00:00' }])).toEqual([true, false]);
  });
});

describe('cidr', () => {
  it('IPv4 range', () => {
    const detection = 'selection:\n  DestinationIp|cidr: 10.0.0.0/8\ncondition: selection';
    expect(sysmonMatching(detection, [{ DestinationIp: '10.1.2.3' }, { DestinationIp: '11.0.0.1' }, { DestinationIp: 'not an ip' }, { DestinationIp: '10.1.2' }, {}])).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('an IPv4-mapped IPv6 address counts as its IPv4 address', () => {
    const detection = 'selection:\n  DestinationIp|cidr: 10.0.0.0/8\ncondition: selection';
    expect(sysmonMatching(detection, [{ DestinationIp: '::ffff:10.1.2.3' }, { DestinationIp: '::ffff:11.1.2.3' }])).toEqual([true, false]);
  });

  it('IPv6 range', () => {
    const detection = "selection:\n  DestinationIp|cidr: '2001:db8::/32'\ncondition: selection";
    expect(
      sysmonMatching(detection, [{ DestinationIp: '2001:db8:1::5' }, { DestinationIp: '2001:DB8::1' }, { DestinationIp: '2001:db9::1' }, { DestinationIp: '10.1.2.3' }]),
    ).toEqual([true, true, false, false]);
  });

  it('a list of ranges is an OR; prefixes that do not fall on a byte boundary', () => {
    const detection = "selection:\n  DestinationIp|cidr: [192.168.0.0/16, 'fe80::/10', 172.16.0.0/12]\ncondition: selection";
    expect(
      sysmonMatching(detection, [
        { DestinationIp: 'fe80::1' },
        { DestinationIp: 'febf::1' },
        { DestinationIp: 'fec0::1' },
        { DestinationIp: '192.168.1.1' },
        { DestinationIp: '172.31.255.255' },
        { DestinationIp: '172.32.0.0' },
        { DestinationIp: '8.8.8.8' },
      ]),
    ).toEqual([true, true, false, true, true, false, false]);
  });
});

describe('expand, fieldref', () => {
  it('expand: a placeholder stands for its values', () => {
    const detection = "selection:\n  User|expand: '%Admins%'\ncondition: selection";
    expect(sysmonMatching(detection, [{ User: 'root' }, { User: 'Administrator' }, { User: 'guest' }], { Admins: ['root', 'adm*'] })).toEqual([true, true, false]);
  });

  it('fieldref: equal to another field of the same event, case-insensitively', () => {
    const detection = 'selection:\n  TargetUserName|fieldref: SubjectUserName\ncondition: selection';
    expect(
      sysmonMatching(detection, [
        { TargetUserName: 'bob', SubjectUserName: 'BOB' },
        { TargetUserName: 'bob', SubjectUserName: 'alice' },
        { TargetUserName: 'bob' },
        { SubjectUserName: 'bob' },
        {},
      ]),
    ).toEqual([true, false, false, false, false]);
  });

  it('fieldref|cased', () => {
    const detection = 'selection:\n  TargetUserName|fieldref|cased: SubjectUserName\ncondition: selection';
    expect(sysmonMatching(detection, [{ TargetUserName: 'bob', SubjectUserName: 'bob' }, { TargetUserName: 'bob', SubjectUserName: 'BOB' }])).toEqual([true, false]);
  });

  it('fieldref|neq: different from another field', () => {
    const detection = 'selection:\n  TargetUserName|fieldref|neq: SubjectUserName\ncondition: selection';
    expect(
      sysmonMatching(detection, [{ TargetUserName: 'bob', SubjectUserName: 'alice' }, { TargetUserName: 'bob', SubjectUserName: 'Bob' }, { SubjectUserName: 'bob' }]),
    ).toEqual([true, false, false]);
  });

  it('fieldref follows the field mapping of the event source (4688: Image is NewProcessName)', () => {
    const text = ruleText(PROCESS_CREATION, 'selection:\n  Image|fieldref: ParentImage\ncondition: selection');
    const security = (fields: Fields): Fields => ({ Channel: 'Security', EventID: 4688, ...fields });
    expect(
      matching(text, [
        security({ NewProcessName: 'C:\\a.exe', ParentProcessName: 'C:\\A.exe' }),
        security({ NewProcessName: 'C:\\a.exe', ParentProcessName: 'C:\\b.exe' }),
        sysmon({ Image: 'C:\\a.exe', ParentImage: 'C:\\a.exe' }),
      ]),
    ).toEqual([true, false, true]);
  });
});

describe('event shapes', () => {
  it('array-valued fields match when any element matches', () => {
    const text = ruleText(LINUX, 'selection:\n  tags: admin\ncondition: selection');
    expect(matching(text, [{ tags: ['user', 'Admin'] }, { tags: ['user'] }, { tags: [] }])).toEqual([true, false, false]);
    const contains = ruleText(LINUX, 'selection:\n  tags|contains: dmi\ncondition: selection');
    expect(matching(contains, [{ tags: ['user', 'admin'] }, { tags: ['user'] }])).toEqual([true, false]);
    const numbers = ruleText(LINUX, 'selection:\n  ports: 22\ncondition: selection');
    expect(matching(numbers, [{ ports: [80, 22] }, { ports: [80, 443] }])).toEqual([true, false]);
  });

  it('nested JSON fields are reached by dotted path (non-Windows events)', () => {
    const text = ruleText(LINUX, "selection:\n  process.executable|endswith: '/bash'\ncondition: selection");
    expect(
      matching(text, [
        { process: { executable: '/bin/bash' } },
        { process: { executable: '/bin/sh' } },
        { 'process.executable': '/usr/bin/bash' },
        { process: 'bash' },
        { process: { name: 'bash' } },
      ]),
    ).toEqual([true, false, true, false, false]);
  });

  it('deeper paths and a missing middle', () => {
    const text = ruleText(LINUX, 'selection:\n  a.b.c: x\ncondition: selection');
    expect(matching(text, [{ a: { b: { c: 'X' } } }, { a: { b: null } }, { a: { c: 'x' } }])).toEqual([true, false, false]);
  });
});

describe('log-source routing and field mapping', () => {
  const processCreation = String.raw`
    selection:
      Image|endswith: '\cmd.exe'
      ParentImage|endswith: '\winword.exe'
    condition: selection`;

  it('a process_creation rule matches Security 4688 through NewProcessName → Image, and Sysmon 1', () => {
    const security = (fields: Fields): Fields => ({ Channel: 'Security', EventID: 4688, ...fields });
    expect(
      matching(ruleText(PROCESS_CREATION, processCreation), [
        security({ NewProcessName: 'C:\\Windows\\System32\\cmd.exe', ParentProcessName: 'C:\\Office\\WINWORD.EXE' }),
        sysmon({ Image: 'C:\\Windows\\System32\\cmd.exe', ParentImage: 'C:\\Office\\WINWORD.EXE' }),
        security({ Image: 'C:\\Windows\\System32\\cmd.exe', ParentImage: 'C:\\Office\\WINWORD.EXE' }),
        { Channel: 'Security', EventID: 4689, NewProcessName: 'C:\\Windows\\System32\\cmd.exe', ParentProcessName: 'C:\\Office\\WINWORD.EXE' },
        { Channel: SYSMON_CHANNEL, EventID: 3, Image: 'C:\\Windows\\System32\\cmd.exe', ParentImage: 'C:\\Office\\WINWORD.EXE' },
      ]),
    ).toEqual([true, true, false, false, false]);
  });

  it('registry_add requires EventType CreateKey on Sysmon 12', () => {
    const text = ruleText('{product: windows, category: registry_add}', "selection:\n  TargetObject|contains: '\\CurrentVersion\\Run'\ncondition: selection");
    const key = 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\evil';
    expect(
      matching(text, [
        { Channel: SYSMON_CHANNEL, EventID: 12, EventType: 'CreateKey', TargetObject: key },
        { Channel: SYSMON_CHANNEL, EventID: 12, EventType: 'createkey', TargetObject: key },
        { Channel: SYSMON_CHANNEL, EventID: 12, EventType: 'SetValue', TargetObject: key },
        { Channel: SYSMON_CHANNEL, EventID: 12, EventType: 'DeleteKey', TargetObject: key },
        { Channel: SYSMON_CHANNEL, EventID: 12, TargetObject: key },
        { Channel: SYSMON_CHANNEL, EventID: 13, EventType: 'CreateKey', TargetObject: key },
      ]),
    ).toEqual([true, true, false, false, false, false]);
  });

  it('a rule is never tried on an event of another log source', () => {
    const text = ruleText(SYSMON, "selection:\n  Image|endswith: '\\cmd.exe'\ncondition: selection");
    const fields = { Image: 'C:\\Windows\\System32\\cmd.exe' };
    expect(
      matching(text, [
        { Channel: SYSMON_CHANNEL, EventID: 1, ...fields },
        { Channel: 'Security', EventID: 1, ...fields },
        { Channel: 'Security', EventID: 4688, ...fields },
        { EventID: 1, ...fields },
      ]),
    ).toEqual([true, false, false, false]);
  });

  it('channel names are compared case-insensitively', () => {
    const text = ruleText(SYSMON, "selection:\n  Image|endswith: '\\cmd.exe'\ncondition: selection");
    expect(matching(text, [{ Channel: SYSMON_CHANNEL.toLowerCase(), EventID: 1, Image: 'C:\\cmd.exe' }])).toEqual([true]);
  });

  it('a linux rule runs on events without a Channel, never on Windows events', () => {
    const text = ruleText(LINUX, "keywords:\n  - 'Failed password for root'\ncondition: keywords");
    expect(
      matching(text, [
        { message: 'sshd[1]: Failed password for root from 10.0.0.1' },
        { message: 'sshd[1]: Accepted password for root from 10.0.0.1' },
        { Channel: 'Security', EventID: 4625, message: 'Failed password for root' },
      ]),
    ).toEqual([true, false, false]);
  });

  it('a product-less rule that maps to several sources reports one match per event', () => {
    const text = ruleText('{category: process_creation}', "selection:\n  CommandLine|contains: whoami\ncondition: selection");
    expect(matching(text, [sysmon({ CommandLine: 'whoami /all' }), { CommandLine: 'whoami' }, sysmon({ CommandLine: 'dir' })])).toEqual([true, true, false]);
  });
});

describe('conditions', () => {
  const detection = `
    sel_a:
      A: x
    sel_b:
      B: x
    filter:
      F: x
    _helper:
      H: x`;
  const events: Fields[] = [{ A: 'x' }, { B: 'x' }, { A: 'x', B: 'x' }, { A: 'x', F: 'x' }, { H: 'x' }, {}];
  const run = (condition: string): boolean[] => sysmonMatching(`${dedent(detection)}\ncondition: ${condition}`, events);

  it('1 of sel_*', () => {
    expect(run('1 of sel_*')).toEqual([true, true, true, true, false, false]);
  });

  it('all of sel_*', () => {
    expect(run('all of sel_*')).toEqual([false, false, true, false, false, false]);
  });

  it('1 of them ignores _helper', () => {
    expect(run('1 of them')).toEqual([true, true, true, true, false, false]);
  });

  it('all of them ignores _helper', () => {
    expect(run('all of them')).toEqual([false, false, false, false, false, false]);
    expect(sysmonMatching(`${dedent(detection)}\ncondition: all of them`, [{ A: 'x', B: 'x', F: 'x' }])).toEqual([true]);
  });

  it('an _ identifier can still be named explicitly', () => {
    expect(run('_helper')).toEqual([false, false, false, false, true, false]);
  });

  it('and / or / not with precedence: sel_a or sel_b and not filter', () => {
    expect(run('sel_a or sel_b and not filter')).toEqual([true, true, true, true, false, false]);
  });

  it('parentheses: (sel_a or sel_b) and not filter', () => {
    expect(run('(sel_a or sel_b) and not filter')).toEqual([true, true, true, false, false, false]);
  });

  it('not (a or b)', () => {
    expect(run('not (sel_a or sel_b)')).toEqual([false, false, false, false, true, true]);
  });

  it('1 of sel_* and not 1 of filter*', () => {
    expect(run('1 of sel_* and not 1 of filter*')).toEqual([true, true, true, false, false, false]);
  });

  it('2 of: at least two', () => {
    expect(run('2 of sel_*')).toEqual([false, false, true, false, false, false]);
  });

  it('a condition list is an OR of its conditions', () => {
    const text = ruleText(SYSMON, `${dedent(detection)}\ncondition:\n  - sel_a and filter\n  - sel_b`);
    expect(matching(text, events.map(sysmon))).toEqual([false, true, true, true, false, false]);
  });

  it('a list of maps is an OR of the maps', () => {
    const listOfMaps = `
      selection:
        - Image|endswith: '\\example.exe'
        - Description|contains: 'Test executable'
      condition: selection`;
    expect(sysmonMatching(listOfMaps, [{ Image: 'C:\\example.exe' }, { Description: 'a test executable' }, { Image: 'C:\\other.exe', Description: 'x' }])).toEqual([
      true,
      true,
      false,
    ]);
  });
});
