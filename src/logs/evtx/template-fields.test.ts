// The hunt reads a record's fields straight from its template instance (template-fields.ts). Those
// fields must be exactly what the generic path gives (XML tree → evtx_dump JSON → normalised), in
// the same order: checked on every record of the EVTX attack samples and on built records whose
// shapes the shortcut refuses or must tell apart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChunk, buildFile, value, type ElementSpec, type RecordSpec, type ValueSpec } from '../../../test/evtx-builder.js';
import { evtxSampleFiles, evtxSamplesDirectory, evtxSamplesPresent } from '../../../test/evtx-corpus.js';
import { normaliseWindowsEvent, type NormalisedWindowsEvent } from '../windows-event.js';
import { parseRecordInstance, parseRecordXml } from './binxml-parser.js';
import { recordToJson } from './evtx-json.js';
import { readEvtxFile } from './evtx-records.js';
import { templateInstanceFields } from './template-fields.js';

interface Compared {
  readonly recordId: number;
  /** Undefined when the shortcut did not apply. */
  readonly shortcut: NormalisedWindowsEvent | undefined;
  readonly generic: NormalisedWindowsEvent | undefined;
}

async function compareRecords(file: string): Promise<Compared[]> {
  const compared: Compared[] = [];
  const records = readEvtxFile(file, {}, (context, start, end, header) => {
    const instance = parseRecordInstance(context, start, end);
    return {
      recordId: header.recordId,
      shortcut: instance === undefined ? undefined : templateInstanceFields(instance),
      generic: normaliseWindowsEvent(recordToJson(parseRecordXml(context, start, end))),
    };
  });
  for await (const record of records) compared.push(record);
  return compared;
}

/** Fields as ordered entries, so a difference in order fails too. */
const inOrder = (event: NormalisedWindowsEvent | undefined): unknown => event && { entries: Object.entries(event.fields), time: event.time };

describe('fields from template instances', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rampart-template-fields-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let files = 0;
  const fileOf = (records: RecordSpec[]): string => {
    const file = join(folder, `${files++}.evtx`);
    writeFileSync(file, buildFile([buildChunk(records)]));
    return file;
  };
  const system = (children: (ElementSpec | { sub: number; optional?: boolean })[]): ElementSpec => ({
    name: 'Event',
    children: [
      { name: 'System', children: [{ name: 'EventID', children: [{ sub: 0 }] }, { name: 'Channel', children: [{ text: 'Security' }] }] },
      { name: 'EventData', children },
    ],
  });
  const data = (name: string, ...content: ({ text: string } | { sub: number; optional?: boolean })[]): ElementSpec => ({ name: 'Data', attributes: [['Name', { text: name }]], children: content });
  const record = (id: number, template: ElementSpec, values: ValueSpec[]): RecordSpec => ({ id, template, values });

  it.runIf(evtxSamplesPresent)('gives the generic path\'s fields, in its order, for every record of the attack samples', async () => {
    let records = 0;
    let shortcuts = 0;
    for (const file of evtxSampleFiles()) {
      for (const { recordId, shortcut, generic } of await compareRecords(file)) {
        records++;
        if (shortcut === undefined) continue;
        shortcuts++;
        expect(inOrder(shortcut), `${file.slice(evtxSamplesDirectory.length + 1)} record ${recordId}`).toEqual(inOrder(generic));
      }
    }
    console.log(`template fields: ${shortcuts} of ${records} sample records read by the shortcut, all equal to the generic path`);
    // The point of the shortcut: nearly every real record takes it.
    expect(shortcuts / records).toBeGreaterThan(0.99);
  });

  it('keeps a template\'s record values apart from its constants, record after record', async () => {
    const template = system([data('User', { sub: 1 }), data('Fixed', { text: 'always' }), data('Empty')]);
    const compared = await compareRecords(fileOf([record(1, template, [value.uint16(4624), value.string('alice')]), record(2, template, [value.uint16(4625), value.string('bob')])]));
    expect(compared.map((c) => c.shortcut?.fields)).toEqual([
      { User: 'alice', Fixed: 'always', Empty: null, EventID: 4624, Channel: 'Security' },
      { User: 'bob', Fixed: 'always', Empty: null, EventID: 4625, Channel: 'Security' },
    ]);
    for (const c of compared) expect(inOrder(c.shortcut)).toEqual(inOrder(c.generic));
  });

  it('plans a missing optional value apart from a present one: the element goes', async () => {
    const template = system([data('A', { sub: 1, optional: true }), data('B', { sub: 2 })]);
    const compared = await compareRecords(
      fileOf([
        record(1, template, [value.uint16(1), value.string('x'), value.string('y')]),
        record(2, template, [value.uint16(1), value.raw(0x00, []), value.string('y')]),
        record(3, template, [value.uint16(1), value.raw(0x01, []), value.raw(0x08, [])]),
      ]),
    );
    expect(compared.map((c) => c.generic?.fields)).toEqual([
      { A: 'x', B: 'y', EventID: 1, Channel: 'Security' },
      { B: 'y', EventID: 1, Channel: 'Security' },
      { A: '', B: null, EventID: 1, Channel: 'Security' },
    ]);
    for (const c of compared) expect(inOrder(c.shortcut)).toEqual(inOrder(c.generic));
  });

  it('repeats an element per array item, planned per array length', async () => {
    const ports = (...numbers: number[]): ValueSpec => value.raw(0x86, numbers.flatMap((n) => [n & 0xff, n >> 8]));
    const template = system([data('Ports', { sub: 1 }), data('Host', { sub: 2 })]);
    const compared = await compareRecords(
      fileOf([
        record(1, template, [value.uint16(1), ports(80, 443), value.string('a')]),
        record(2, template, [value.uint16(1), ports(22), value.string('b')]),
        record(3, template, [value.uint16(1), ports(), value.string('c')]),
      ]),
    );
    expect(compared.map((c) => c.shortcut?.fields)).toEqual([
      { Ports: [80, 443], Host: 'a', EventID: 1, Channel: 'Security' },
      { Ports: 22, Host: 'b', EventID: 1, Channel: 'Security' },
      { Ports: null, Host: 'c', EventID: 1, Channel: 'Security' },
    ]);
    for (const c of compared) expect(inOrder(c.shortcut)).toEqual(inOrder(c.generic));
  });

  it('leaves to the generic path a field named by a value, a value joined with text, and a long array', async () => {
    const namedByValue = system([{ name: 'Data', attributes: [['Name', { sub: 1 }]], children: [{ sub: 2 }] }]);
    const joined = system([data('Path', { text: 'C:\\' }, { sub: 1 })]);
    const compared = await compareRecords(
      fileOf([
        record(1, namedByValue, [value.uint16(1), value.string('Chosen'), value.string('v')]),
        record(2, joined, [value.uint16(1), value.string('x.exe')]),
        record(3, system([data('Ports', { sub: 1 })]), [value.uint16(1), value.raw(0x86, Array.from({ length: 65 * 2 }, (_, i) => (i % 2 === 0 ? i / 2 : 0)))]),
      ]),
    );
    expect(compared.map((c) => c.shortcut)).toEqual([undefined, undefined, undefined]);
    expect(compared.map((c) => c.generic?.fields)).toEqual([
      { Chosen: 'v', EventID: 1, Channel: 'Security' },
      { Path: 'C:\\x.exe', EventID: 1, Channel: 'Security' },
      { Ports: Array.from({ length: 65 }, (_, i) => i), EventID: 1, Channel: 'Security' },
    ]);
  });

  it('tells apart templates that share a GUID but not a structure', async () => {
    // The builder gives every template the same GUID, as a careless or hostile writer may.
    const compared = await compareRecords(
      fileOf([
        record(1, system([data('User', { sub: 1 })]), [value.uint16(1), value.string('alice')]),
        record(2, system([data('Host', { sub: 1 })]), [value.uint16(1), value.string('pc1')]),
        record(3, system([data('User', { sub: 1 })]), [value.uint16(1), value.string('bob')]),
      ]),
    );
    expect(compared.map((c) => c.shortcut?.fields)).toEqual([
      { User: 'alice', EventID: 1, Channel: 'Security' },
      { Host: 'pc1', EventID: 1, Channel: 'Security' },
      { User: 'bob', EventID: 1, Channel: 'Security' },
    ]);
  });

  it('takes a constant that looks like a stand-in marker as the text it is', async () => {
    const template = system([data('Odd', { text: '\uE000abc:0\uE001' }), data('V', { sub: 1 })]);
    const [compared] = await compareRecords(fileOf([record(1, template, [value.uint16(7), value.string('v')])]));
    expect(compared.shortcut?.fields).toEqual({ Odd: '\uE000abc:0\uE001', V: 'v', EventID: 7, Channel: 'Security' });
  });
});
