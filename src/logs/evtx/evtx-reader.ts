// The EVTX log reader for the hunt: records → the same event shape the JSON reader gives. A record
// is read straight into its fields from its template instance (template-fields.ts); a record of
// another form is rendered in the JSON shape evtx_dump writes and normalised by the same code as a
// JSON file (windows-event.ts). Either way a rule cannot tell which kind of file an event came from.

import type { LogEvent } from '../../core/event.js';
import { normaliseWindowsEvent, type NormalisedWindowsEvent } from '../windows-event.js';
import { parseRecordInstance, parseRecordXml, type ChunkContext } from './binxml-parser.js';
import { recordToJson } from './evtx-json.js';
import { readEvtxFile, type EvtxReaderOptions } from './evtx-records.js';
import { templateInstanceFields } from './template-fields.js';

export type { EvtxReaderOptions } from './evtx-records.js';

/** Events from an EVTX file; damage goes to `options.onProblem`, never thrown. */
export function readEvtxEvents(file: string, options: EvtxReaderOptions = {}): AsyncIterable<LogEvent> {
  return readEvtxFile(file, options, (context, start, end, header): LogEvent => {
    const normalised = recordFields(context, start, end);
    const ref = { file, record: header.recordId };
    if (normalised === undefined) return { fields: {}, time: header.writtenTime, ref };
    return { fields: normalised.fields, time: normalised.time ?? header.writtenTime, ref };
  });
}

/** A record's normalised fields; undefined when it is not in the shape of a Windows event. */
export function recordFields(context: ChunkContext, start: number, end: number): NormalisedWindowsEvent | undefined {
  let instance;
  try {
    instance = parseRecordInstance(context, start, end);
  } catch {
    // Damaged: the generic path below reads it again, and says what is wrong with it.
    instance = undefined;
  }
  const fields = instance === undefined ? undefined : templateInstanceFields(instance);
  return fields ?? normaliseWindowsEvent(recordToJson(parseRecordXml(context, start, end)));
}
