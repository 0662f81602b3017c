// Everything a read of one file gives, kept for comparison: each record (chunk, identifier, event
// XML), each warning, and the exception if one escaped, from the reader or from rendering a record.
// The fuzzer compares a mutated file's outcome with the intact file's.

import { normaliseWindowsEvent } from '../../windows-event.js';
import { recordToJson } from '../evtx-json.js';
import { readEvtxRecords } from '../evtx-records.js';
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
    for await (const record of readEvtxRecords(file, { recover: mode === 'recover', onProblem: (problem) => problems.push(problem.message) })) {
      // What the hunt does with each record (readEvtxEvents), so an exception on that path is caught
      // here too; only the XML is compared, the JSON shape being a function of the same tree.
      normaliseWindowsEvent(recordToJson(record.xml));
      records.push({ chunk: record.chunk, offset: record.offset, recordId: record.recordId, recovered: record.recovered, xml: recordToXml(record.xml) });
    }
  } catch (error) {
    return { records, problems, thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  return { records, problems };
}
