import { describe, expect, it } from 'vitest';
import { LogsourceResolver } from './logsource-resolver.js';
import { readFileSync } from 'node:fs';
import { parseMappingText, parseMappingTextLocated } from './read-mapping-file.js';
import { defaultMappingFiles } from './logsource-mapping.js';
import { readFastYamlValue } from '../parse/fast-yaml.js';

const file = 'site.yaml';

describe('parseMappingText', () => {
  it('reports an invalid entry at its line and column, and loads the others', () => {
    const text = [
      'version: 1', //                                                  1
      'mappings:', //                                                   2
      '  - logsource: { product: windows, service: good-one }', //      3
      '    selectors:', //                                              4
      '      - channels: [Good/Operational]', //                        5
      '  - logsource: { product: windows, service: bad-one }', //       6
      '    selectors:', //                                              7
      '      - channels: [Bad/Operational]', //                         8
      '        eventIds: [four]', //                                    9
      '  - logsource: { product: windows, service: good-two }', //      10
      '    selectors:', //                                              11
      '      - { channels: [Good2/Operational], colour: red }', //      12
      '  - logsource: { product: windows, service: good-three }', //    13
      '    selectors: [{ unrouted: true, channels: [X] }]', //          14
      '  - logsource: { product: windows, service: good-four }', //     15
      '    selectors: [{ channels: [Y], conditions: { EventID: 4 } }]', // 16
      '',
    ].join('\n');
    const { entries, errors } = parseMappingText(text, file);
    expect(entries.map((entry) => entry.key)).toEqual(['windows||good-one']);
    expect(errors.map((error) => `${error.file}:${error.line}:${error.column}`)).toEqual([
      'site.yaml:9:19', // the bad value
      'site.yaml:12:42', // the unknown key
      'site.yaml:14:17', // the selector
      'site.yaml:16:57', // the condition's value
    ]);
    expect(errors[0].message).toMatch(/^mappings\[1\]\.selectors\[0\]\.eventIds: .*entry skipped$/);
    expect(errors[1].message).toMatch(/colour/);
    expect(errors[2].message).toMatch(/exactly one of `channels`/);
    expect(errors[3].message).toMatch(/use `eventIds`/);
  });

  it('skips the file on a YAML syntax error, with its position', () => {
    const { entries, errors } = parseMappingText('version: 1\nmappings:\n  - logsource: { product: windows\n', file);
    expect(entries).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBeGreaterThanOrEqual(3);
    expect(errors[0].message).toMatch(/^YAML syntax: .*file skipped$/);
  });

  it('rejects a file without the version and a duplicate entry in one file', () => {
    expect(parseMappingText('mappings: []\n', file).errors[0].message).toMatch(/version/);
    const duplicate = [
      'version: 1',
      'mappings:',
      '  - { logsource: { product: linux, service: a }, selectors: [{ unrouted: true }] }',
      '  - { logsource: { product: Linux, service: A }, selectors: [{ unrouted: true }] }',
    ].join('\n');
    const { entries, errors } = parseMappingText(duplicate, file);
    expect(entries).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4, column: 18 });
    expect(errors[0].message).toMatch(/already mapped by mappings\[0\]/);
  });

  it('accepts scalars for one channel, EventID or condition value, and follows YAML aliases', () => {
    const text = [
      'version: 1',
      'products: { windows: { unmapped: reject } }',
      'mappings:',
      '  - logsource: { product: windows, category: thing }',
      '    selectors:',
      '      - &thing { name: Thing, channels: Thing/Operational, eventIds: 7, conditions: { Kind: A } }',
      '  - logsource: { product: windows, category: thing_alias }',
      '    selectors: [*thing]',
    ].join('\n');
    const { entries, products, errors } = parseMappingText(text, file);
    expect(errors).toEqual([]);
    expect(products.get('windows')).toBe('reject');
    const resolver = new LogsourceResolver(entries, products);
    const [selector] = resolver.resolve({ product: 'windows', category: 'thing_alias' })!;
    expect(selector).toEqual({
      name: 'windows/thing_alias (Thing)',
      channels: ['Thing/Operational'],
      eventIds: [7],
      conditions: { Kind: ['A'] },
      fieldMap: {},
    });
    expect(Object.isFrozen(selector)).toBe(true);
  });
});

describe('parseMappingText: the fast reader', () => {
  // Wraps a mapping entry list into a file.
  const mappingFile = (entries: string): string => `version: 1\nmappings:\n${entries}`;

  it('reads the built-in mapping files as the located reader does', () => {
    for (const path of defaultMappingFiles()) {
      const text = readFileSync(path, 'utf8');
      expect(readFastYamlValue(text)).toBeDefined();
      const fast = parseMappingText(text, path);
      expect(fast.errors).toEqual([]);
      expect(fast).toEqual(parseMappingTextLocated(text, path));
    }
  });

  it.each([
    ['anchors and aliases', '  - logsource: { product: windows, service: a }\n    selectors:\n      - &s { channels: [A], eventIds: [1, 0x2] }\n  - logsource: { product: windows, service: b }\n    selectors: [*s]\n'],
    ['numbers in their YAML 1.2 forms', '  - logsource: { product: windows, service: a }\n    selectors: [{ channels: [A], eventIds: [0o17, 1_000, 7], conditions: { X: [1.50, true, 0b1] } }]\n'],
    ['an entry with a problem', '  - logsource: { product: windows, service: a }\n    selectors: [{ channels: [A], eventIds: [nope] }]\n'],
    ['a syntax error', "  - logsource: { product: windows, service: 'a }\n"],
    ['an alias expanding a lot', "  - logsource: { product: windows, service: a }\n    selectors: [{ channels: [A], conditions: { X: &x [a, a, a, a, a, a, a, a, a, a] } }]\n" + '  - {logsource: {product: windows, service: b}, selectors: [{channels: [B], conditions: {Y: [*x, *x, *x]}}]}\n'],
  ])('gives what the located reader gives: %s', (_name, entries) => {
    const text = mappingFile(entries);
    expect(parseMappingText(text, file)).toEqual(parseMappingTextLocated(text, file));
  });
});
