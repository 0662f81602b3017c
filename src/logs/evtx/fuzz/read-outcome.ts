// Everything a read of one file gives, kept for comparison: each record (chunk, identifier, event
// XML), each warning, and the exception if one escaped, from the reader or from rendering a record.
// The fuzzer compares a mutated file's outcome with the intact file's.

import { normaliseWindowsEvent, type NormalisedWindowsEvent } from '../../windows-event.js';
import { parseRecordXml } from '../binxml-parser.js';
import { recordToJson } from '../evtx-json.js';
import { recordFields } from '../evtx-reader.js';
import { readEvtxFile } from '../evtx-records.js';
import { recordToXml } from '../evtx-xml.js';

export type ReadMode = 'plain' | 'recover';
export const READ_MODES: readonly ReadMode[] = ['plain', 'recover'];

export interface ReadRecord {
  readonly chunk: number;
  /** Offset of the record in the file. */
  readonly offset: number;
  readonly recordId: number;
  readonly recovered: boolean;
  readonly xml: string;
  /** False when the hunt's fields (read from the template instance) differ from the XML tree's. */
  readonly sameFields: boolean;
}

export interface ReadOutcome {
  readonly records: readonly ReadRecord[];
  readonly problems: readonly string[];
  /** The exception that escaped the reader, if any (it never should). */
  readonly thrown?: string;
}

export async function readOutcome(file: string, mode: ReadMode): Promise<ReadOutcome> {
  const records: ReadRecord[] = [];
  const problems: string[] = [];
  try {
    // What the hunt does with each record (readEvtxEvents), so an exception on that path is caught
    // here too, and the fields it reads beside those of the XML tree that is compared.
    const read = readEvtxFile(file, { recover: mode === 'recover', onProblem: (problem) => problems.push(problem.message) }, (context, start, end, header): ReadRecord => {
      const xml = parseRecordXml(context, start, end);
      const sameFields = sameEvent(recordFields(context, start, end), normaliseWindowsEvent(recordToJson(xml)));
      return { chunk: header.chunk, offset: header.offset, recordId: header.recordId, recovered: header.recovered, xml: recordToXml(xml), sameFields };
    });
    for await (const record of read) records.push(record);
  } catch (error) {
    return { records, problems, thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  return { records, problems };
}

function sameEvent(a: NormalisedWindowsEvent | undefined, b: NormalisedWindowsEvent | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.time === b.time && JSON.stringify(Object.entries(a.fields)) === JSON.stringify(Object.entries(b.fields));
}
