// How much structure one record's Binary XML may build, beyond the nesting of elements inside one
// template (MAX_DEPTH in binxml-parser.ts). Both limits stop hostile records that are small on
// disk but huge or deep once expanded; a record over either is skipped with a located warning.

import { EvtxFormatError } from './evtx-format-error.js';

/**
 * Templates and Binary XML values inside one another. Each level may nest elements MAX_DEPTH deep,
 * so the record's tree can be MAX_DEPTH times this deep, and renderers that recurse over it
 * (recordToXml, recordToJson) must stay far from the end of the stack: at 64 levels a 2 KB record
 * overflowed it. Real records nest two deep (the attack samples: 2 at most).
 */
export const MAX_NESTING = 16;

/**
 * Elements one record may expand to. A template repeats an element per array item and may use one
 * Binary XML value in several places, so nesting either makes a few hundred hostile bytes expand
 * as 2^depth: a parse or a render that never ends, or ends the process. Real records hold tens of
 * elements (59 at most in the attack samples). The limit also bounds the cost of a file packed with
 * hostile records: at most about a second per 64 KiB chunk here, against a tenth for real records.
 */
const MAX_ELEMENTS_PER_RECORD = 10_000;

/** What is left of a record's MAX_ELEMENTS_PER_RECORD; shared by every parser working on the record. */
export class ElementBudget {
  private left = MAX_ELEMENTS_PER_RECORD;
  constructor(private readonly recordStart: number) {}

  charge(elements: number): void {
    this.left -= elements;
    if (this.left < 0) throw new EvtxFormatError(`record expands to more than ${MAX_ELEMENTS_PER_RECORD} elements`, this.recordStart);
  }

  get spent(): number {
    return MAX_ELEMENTS_PER_RECORD - this.left;
  }
}
