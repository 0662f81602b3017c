// `rampart hunt` and `rampart rules check` end to end, through the built command, on the demo data
// and on broken input, as a user runs them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { repositoryRoot } from './sigma-corpus.js';

interface ExpectedDetection {
  readonly title: string;
  readonly file: string;
  readonly line: number;
}

const GOLDEN = join(repositoryRoot, 'test', 'golden', 'demo-timeline.txt');

describe('rampart hunt on the demo data', () => {
  let expected: ExpectedDetection[];

  beforeAll(() => {
    ensureBuilt();
    const printed = execFileSync(process.execPath, [join(repositoryRoot, 'scripts', 'make-demo-data.js'), '--expected'], { encoding: 'utf8' });
    expected = (JSON.parse(printed) as { detections: ExpectedDetection[] }).detections;
  });

  it('prints the timeline recorded in the golden file (regenerate on purpose with UPDATE_GOLDEN=1)', () => {
    const result = runCli(['hunt', '--sort', 'time', '--no-summary', 'data/demo']);
    expect(result.status).toBe(0);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, result.stdout);
    expect(result.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('raises exactly the detections the demo story expects, and nothing on the benign events', () => {
    const result = runCli(['hunt', '-f', 'jsonl', '--no-summary', 'data/demo']);
    expect(result.status).toBe(0);
    const found = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { rule: { title: string; author: string; references: string[] }; event: { ref: { file: string; line: number } } });
    const key = (title: string, file: string, line: number): string => `${title} @ ${file.split('/').pop()}:${line}`;
    expect(found.map((d) => key(d.rule.title, d.event.ref.file, d.event.ref.line)).sort()).toEqual(expected.map((d) => key(d.title, d.file, d.line)).sort());
    for (const detection of found) {
      expect(detection.rule.author).toBe('Rampart project');
      expect(detection.rule.references.length).toBeGreaterThan(0);
    }
  });

  it('prints a summary with counts and speed on stderr', () => {
    const result = runCli(['hunt', 'data/demo']);
    expect(result.stderr).toMatch(/events\s+257 read, 0 bad record\(s\) skipped/);
    expect(result.stderr).toMatch(/rules\s+14 loaded, 0 rejected/);
    expect(result.stderr).toMatch(new RegExp(`detections\\s+${expected.length}:`));
    expect(result.stderr).toMatch(/events\/s/);
  });

  it('filters by level and status', () => {
    const high = runCli(['hunt', '-f', 'jsonl', '--no-summary', '--min-level', 'high', 'data/demo']);
    const levels = high.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { rule: { level: string } }).rule.level);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((level) => level === 'high' || level === 'critical')).toBe(true);
    const stable = runCli(['hunt', '-f', 'jsonl', '--no-summary', '--status', 'stable', 'data/demo']);
    expect(stable.stdout).toBe('');
  });

  it('writes CSV with a header and one row per detection, to a file that appears only when complete', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rampart-csv-'));
    const output = join(directory, 'detections.csv');
    const result = runCli(['hunt', '-f', 'csv', '-o', output, '--no-summary', 'data/demo']);
    expect(result.status).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('time,computer,channel,event_id,level,rule_title,rule_id,attack,details,source,rule_author,rule_file');
    expect(lines.length).toBe(expected.length + 1);
    expect(readdirSync(directory)).toEqual(['detections.csv']);
  });

  it('writes to a device such as /dev/null directly, never renaming over it', () => {
    const result = runCli(['hunt', '-f', 'jsonl', '-o', '/dev/null', '--no-summary', 'data/demo']);
    expect(result.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('exits 1 with --fail-on-detection when something is found', () => {
    expect(runCli(['hunt', '--fail-on-detection', '--no-summary', 'data/demo']).status).toBe(1);
  });
});

describe('rampart hunt on bad input', () => {
  beforeAll(ensureBuilt);

  it('reports a bad record with file and line, skips it and reads the rest', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rampart-bad-'));
    const good = readFileSync(join(repositoryRoot, 'data', 'demo', 'security.jsonl'), 'utf8').trim().split('\n');
    writeFileSync(join(directory, 'mixed.jsonl'), [good[0], '{"Event": {"System": truncated', good[1], 'not json at all', good[2]].join('\n') + '\n');
    const result = runCli(['hunt', directory]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`${join(directory, 'mixed.jsonl')}:2:`);
    expect(result.stderr).toContain(`${join(directory, 'mixed.jsonl')}:4:`);
    expect(result.stderr).toMatch(/events\s+3 read, 2 bad record\(s\) skipped/);
  });

  it('names a missing input and exits 2', () => {
    const result = runCli(['hunt', 'no/such/logs']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Input not found: no/such/logs');
    expect(result.stderr).toContain('RAMPART_E_INPUT_NOT_FOUND');
  });

  it('rejects an unknown format or level with exit 2', () => {
    expect(runCli(['hunt', '-f', 'xml', 'data/demo']).status).toBe(2);
    expect(runCli(['hunt', '--min-level', 'severe', 'data/demo']).status).toBe(2);
  });

  it('does not leave a partial output file when the output cannot be written', () => {
    const result = runCli(['hunt', '-o', join(tmpdir(), 'no-such-dir-rampart', 'out.txt'), 'data/demo']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('RAMPART_E_OUTPUT_UNWRITABLE');
    expect(existsSync(join(tmpdir(), 'no-such-dir-rampart'))).toBe(false);
  });
});

describe('rampart rules check', () => {
  beforeAll(ensureBuilt);

  it('lists a bad rule with file:line:column and loads the others', () => {
    const directory = mkdtempSync(join(tmpdir(), 'rampart-rules-'));
    const good = readFileSync(join(repositoryRoot, 'data', 'rules', 'windows', 'builtin', 'security', 'win_security_audit_log_cleared.yml'), 'utf8');
    writeFileSync(join(directory, 'good.yml'), good);
    writeFileSync(
      join(directory, 'bad.yml'),
      ['title: Broken', 'logsource:', '  product: windows', '  service: security', 'detection:', '  selection:', '    EventID|containz: 4720', '  condition: selection', 'level: high', ''].join('\n'),
    );
    const result = runCli(['rules', 'check', directory]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/bad\.yml:7:5: SIGMA_UNKNOWN_MODIFIER: .*containz/);
    expect(result.stdout).toContain('2 rule(s): 1 loaded, 1 rejected (50.00 %)');
  });

  it('passes the built-in pack', () => {
    const result = runCli(['rules', 'check', 'data/rules']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('14 rule(s): 14 loaded, 0 rejected');
  });
});
