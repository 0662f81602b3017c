// The EVTX log reader for the hunt: records → the same event shape the JSON reader gives. Each record
// is rendered in the JSON shape evtx_dump writes and normalised by the same code as a JSON file
// (windows-event.ts), so a rule cannot tell which kind of file an event came from.

import type { LogEvent } from '../../core/event.js';
import { normaliseWindowsEvent } from '../windows-event.js';
import { recordToJson } from './evtx-json.js';
import { readEvtxRecords, type EvtxReaderOptions } from './evtx-records.js';

export type { EvtxReaderOptions } from './evtx-records.js';

/** Events from an EVTX file; damage goes to `options.onProblem`, never thrown. */
export async function* readEvtxEvents(file: string, options: EvtxReaderOptions = {}): AsyncIterable<LogEvent> {
  for await (const record of readEvtxRecords(file, options)) {
    const normalised = normaliseWindowsEvent(recordToJson(record.xml));
    const ref = { file, record: record.recordId };
    if (normalised === undefined) yield { fields: {}, time: record.writtenTime, ref };
    else yield { fields: normalised.fields, time: normalised.time ?? record.writtenTime, ref };
  }
}
