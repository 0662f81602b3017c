// Routing: which rules an event is tried against, and the order its detections come in.
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../parse/parse-rule-file.js';
import { defaultMappingFiles, loadLogsourceMappings } from '../mapping/logsource-mapping.js';
import { buildEngine } from './sigma-engine.js';

const builtIn = loadLogsourceMappings(defaultMappingFiles());

function engineOf(...rules: [title: string, logsource: string, selection: string][]) {
  const text = rules.map(([title, logsource, selection]) => `title: ${title}\nlogsource: ${logsource}\ndetection:\n  selection: ${selection}\n  condition: selection\n`).join('---\n');
  const parsed = parseRuleFile(text, 'rules.yml');
  expect(parsed.errors).toEqual([]);
  const { engine, errors } = buildEngine(parsed.rules, builtIn.mappings);
  expect(errors).toEqual([]);
  return engine;
}

const titles = (matched: readonly { rule: { title: string } }[]): string[] => matched.map((compiled) => compiled.rule.title);

describe('routing by channel and event id', () => {
  const engine = engineOf(
    ['security wide, first', '{product: windows, service: security}', '{NewProcessName|endswith: "\\\\evil.exe"}'],
    ['process creation, second', '{product: windows, category: process_creation}', '{Image|endswith: "\\\\evil.exe"}'],
    ['security wide, third', '{product: windows, service: security}', '{SubjectUserName: admin}'],
  );

  it('reports the channel-wide and the event-id rules of one event in load order', () => {
    const event = { Channel: 'Security', EventID: 4688, NewProcessName: 'C:\\evil.exe', SubjectUserName: 'admin' };
    expect(titles(engine.match({ fields: event, ref: { file: 'x' } }))).toEqual(['security wide, first', 'process creation, second', 'security wide, third']);
  });

  it('tries channel-wide rules on every event id of the channel, and event-id rules only on theirs', () => {
    const other = { Channel: 'Security', EventID: 4624, NewProcessName: 'C:\\evil.exe', SubjectUserName: 'admin' };
    expect(titles(engine.match({ fields: other, ref: { file: 'x' } }))).toEqual(['security wide, first', 'security wide, third']);
    const sysmon = { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Image: 'C:\\evil.exe', SubjectUserName: 'admin' };
    expect(titles(engine.match({ fields: sysmon, ref: { file: 'x' } }))).toEqual(['process creation, second']);
  });
});

describe('memory', () => {
  it('lets go of a rule\'s parsed detection once every event source of it is compiled, and keeps it until then', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    // A rule with two event sources (Sysmon 1 and Security 4688), with `and`, `or` and `1 of`
    // conditions: matchers made for them once kept the whole detection alive.
    const text = 'title: two sources\nlogsource: {product: windows, category: process_creation}\ndetection:\n  a: {Image|endswith: ["\\\\x.exe", "\\\\y.exe"]}\n  b: {CommandLine|contains|all: [" -k", " -p"]}\n  c: {User: admin}\n  condition: (a and b) or (1 of c* and not b)\n';
    const built = (() => {
      const parsed = parseRuleFile(text, 'rules.yml');
      const detection = new WeakRef(parsed.rules[0].detection);
      return { engine: buildEngine(parsed.rules, builtIn.mappings).engine, detection };
    })();
    const { engine, detection } = built;
    const sysmon = { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Image: 'C:\\x.exe', CommandLine: 'svc -k -p' };
    expect(titles(engine.match({ fields: sysmon, ref: { file: 'x' } }))).toEqual(['two sources']);
    collect();
    expect(detection.deref()).toBeDefined();
    const security = { Channel: 'Security', EventID: 4688, NewProcessName: 'C:\\y.exe', CommandLine: 'svc -k -p' };
    expect(titles(engine.match({ fields: security, ref: { file: 'x' } }))).toEqual(['two sources']);
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    expect(detection.deref()).toBeUndefined();
    expect(titles(engine.match({ fields: sysmon, ref: { file: 'x' } }))).toEqual(['two sources']);
  });
});

describe('detections', () => {
  it('share one attribution object per rule, as the worker threads\' rule numbering needs', async () => {
    const { toDetection } = await import('./to-detection.js');
    const engine = engineOf(['one rule', '{product: windows, category: process_creation}', '{Image|endswith: "\\\\evil.exe"}']);
    const detectionsOf = (line: number) => {
      const event = { fields: { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Image: 'C:\\evil.exe' }, ref: { file: 'x', line } };
      return engine.match(event).map((compiled) => toDetection(compiled, event));
    };
    const [first] = detectionsOf(1);
    const [second] = detectionsOf(2);
    expect(second.rule).toBe(first.rule);
    expect(first.rule).toEqual({ id: undefined, title: 'one rule', level: 'medium', status: undefined, tags: [], author: undefined, references: [], file: 'rules.yml' });
    expect(second.event.ref).toEqual({ file: 'x', line: 2 });
  });
});
