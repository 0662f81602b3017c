// End to end for syslog: a file read by readEvents (as `rampart hunt` does), its events through an
// engine built from SigmaHQ-style Linux rules and the built-in log-source mappings.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../src/core/event.js';
import { readEvents } from '../src/logs/read-events.js';
import type { ReadProblem } from '../src/logs/read-problem.js';
import { isSyslogProblem, parseSyslogMessage } from '../src/logs/syslog/parse-syslog.js';
import { syslogEvent } from '../src/logs/syslog/syslog-event.js';
import { SyslogFramer } from '../src/logs/syslog/syslog-framing.js';
import { defaultMappingFiles, loadLogsourceMappings } from '../src/sigma/mapping/logsource-mapping.js';
import { parseRuleFile } from '../src/sigma/parse/parse-rule-file.js';
import { buildEngine } from '../src/sigma/engine/sigma-engine.js';

const fixtures = join(resolve(dirname(fileURLToPath(import.meta.url))), 'fixtures', 'syslog');

function engine() {
  const file = join(fixtures, 'sudo-auth-failure.yml');
  const parsed = parseRuleFile(readFileSync(file, 'utf8'), file);
  expect(parsed.errors).toEqual([]);
  const mappings = loadLogsourceMappings(defaultMappingFiles());
  expect(mappings.errors).toEqual([]);
  const built = buildEngine(parsed.rules, mappings.mappings);
  expect(built.errors).toEqual([]);
  return built.engine;
}

describe('syslog through the Sigma engine', () => {
  it('matches the keyword and field rules on the lines they describe, and nothing else', async () => {
    const sigma = engine();
    const file = join(fixtures, 'auth.syslog');
    const events: LogEvent[] = [];
    const problems: ReadProblem[] = [];
    for await (const event of readEvents(file, { onProblem: (problem) => problems.push(problem), syslogYear: 2024 })) events.push(event);
    expect(problems.map((problem) => problem.line)).toEqual([5]);
    expect(events).toHaveLength(7);

    const matches = events.flatMap((event) => sigma.match(event).map((compiled) => [event.ref.line, compiled.rule.title]));
    expect(matches).toEqual([
      [1, 'SSH Password Failure for an Invalid User (test fixture)'],
      [2, 'Sudo Authentication Failure (test fixture)'],
      [3, 'Sudo Authentication Failure (test fixture)'],
    ]);
  });

  it('matches a message that came over TCP, framed, parsed and turned into an event as a listener would', () => {
    const sigma = engine();
    const message = '<85>1 2025-01-01T00:00:03Z web01 sudo - - - pam_unix(sudo:auth): authentication failure; logname=alice uid=1000';
    const [frame] = new SyslogFramer().push(Buffer.from(`${Buffer.byteLength(message)} ${message}`));
    expect(frame).toEqual({ message });
    const parsed = parseSyslogMessage('message' in frame ? frame.message : '', { receivedAt: new Date('2025-01-01T00:00:04Z') });
    if (isSyslogProblem(parsed)) throw new Error(parsed.problem);
    const event = syslogEvent(parsed, { file: 'tcp://198.51.100.20:601' });
    expect(sigma.match(event).map((compiled) => compiled.rule.title)).toEqual(['Sudo Authentication Failure (test fixture)']);
  });
});
