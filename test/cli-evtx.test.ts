// `rampart evtx dump` and `rampart hunt` over .evtx files, end to end through the built command.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChunk, buildFile, fixChunkChecksums, value, windowsRecord } from './evtx-builder.js';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { sigmaCorpus, sigmaCorpusPresent } from './sigma-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-cli-evtx-'));
const records = Array.from({ length: 5 }, (_, i) => windowsRecord(100 + i, 4688, [['NewProcessName', value.string(`C:\\Windows\\System32\\p${i}.exe`)]]));

beforeAll(() => ensureBuilt());

describe('rampart evtx dump', () => {
  const file = join(dir, 'five.evtx');
  beforeAll(() => writeFileSync(file, buildFile([buildChunk(records)])));

  it('prints one evtx_dump-shaped JSON line per record', () => {
    const result = runCli(['evtx', 'dump', file]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0].Event.System.EventRecordID).toBe(100);
    expect(lines[0].Event.EventData).toEqual({ NewProcessName: 'C:\\Windows\\System32\\p0.exe' });
  });

  it('prints XML as Event Viewer does', () => {
    const result = runCli(['evtx', 'dump', '-f', 'xml', file]);
    expect(result.status).toBe(0);
    expect(result.stdout.match(/<Event xmlns=/g)).toHaveLength(5);
    expect(result.stdout).toContain('    <Data Name="NewProcessName">C:\\Windows\\System32\\p4.exe</Data>');
  });

  it('warns about a damaged record with file, chunk and offset, and dumps the rest', () => {
    const chunk = buildChunk(records);
    const third = chunk.indexOf(Buffer.from([0x2a, 0x2a, 0, 0]), 512 + chunk.readUInt32LE(516) + 1);
    const secondEnd = third;
    chunk[secondEnd - 40] ^= 0xff; // inside record 2's values: its Binary XML still parses or is skipped
    chunk[third + 28] = 0x7f; // record 3's template instance token
    fixChunkChecksums(chunk);
    const damaged = join(dir, 'damaged.evtx');
    writeFileSync(damaged, buildFile([chunk]));
    const result = runCli(['evtx', 'dump', damaged]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^warning: ${damaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: chunk 0, offset 0x[0-9a-f]+: record 102: .*; skipped$`, 'm'));
    expect(result.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('fails clearly on a missing file or an unknown format', () => {
    expect(runCli(['evtx', 'dump', join(dir, 'nope.evtx')])).toMatchObject({ status: 2, stderr: expect.stringContaining('Input not found') });
    expect(runCli(['evtx', 'dump', '-f', 'csv', file])).toMatchObject({ status: 2, stderr: expect.stringContaining("'csv' is not one of jsonl, xml") });
  });
});

describe('rampart hunt --recover', () => {
  it('carves the records after a damaged one, in one thread and on workers alike', () => {
    const chunk = buildChunk(records);
    const second = chunk.indexOf(Buffer.from([0x2a, 0x2a, 0, 0]), 513);
    chunk.writeUInt32LE(9, second + chunk.readUInt32LE(second + 4) - 4); // size copy no longer agrees
    fixChunkChecksums(chunk);
    const folder = mkdtempSync(join(dir, 'recover-'));
    for (const name of ['a.evtx', 'b.evtx']) writeFileSync(join(folder, name), buildFile([chunk]));
    const eventsRead = (args: string[]): number => {
      const result = runCli(['hunt', '-f', 'jsonl', ...args, folder]);
      expect(result.status).toBe(0);
      return Number(/events\s+([\d,]+) read/.exec(result.stderr)?.[1]);
    };
    expect(eventsRead(['--threads', '1'])).toBe(2);
    expect(eventsRead(['--threads', '1', '--recover'])).toBe(8);
    expect(eventsRead(['--threads', '2', '--recover'])).toBe(8);
  });
});

describe.skipIf(!sigmaCorpusPresent)('rampart hunt over .evtx', () => {
  it('finds the same detections in a regression case .evtx as in its dump and its .json', () => {
    const caseDir = join(sigmaCorpus, 'regression_data', 'rules', 'windows', 'process_creation', 'proc_creation_win_bitsadmin_download');
    const files = readdirSync(caseDir);
    const evtx = join(caseDir, files.find((name) => name.endsWith('.evtx')) as string);
    const json = join(caseDir, files.find((name) => name.endsWith('.json')) as string);
    const rule = join(sigmaCorpus, 'rules', 'windows', 'process_creation', 'proc_creation_win_bitsadmin_download.yml');
    const dumped = join(dir, 'dumped.jsonl');
    expect(runCli(['evtx', 'dump', evtx, '-o', dumped]).status).toBe(0);
    const hunt = (input: string): unknown[] => {
      const result = runCli(['hunt', '--rules', rule, '-f', 'jsonl', '--no-summary', input]);
      expect(result.status).toBe(0);
      return result.stdout
        .trim()
        .split('\n')
        .map((line) => {
          // The same detection, but read from another file: everything but the reference is equal.
          const detection = JSON.parse(line) as { event: { ref?: unknown } };
          delete detection.event.ref;
          return detection;
        });
    };
    const fromEvtx = hunt(evtx);
    expect(fromEvtx.length).toBeGreaterThan(0);
    expect(hunt(dumped)).toEqual(fromEvtx);
    expect(hunt(json).length).toBe(fromEvtx.length);
  });
});
