// The one exception the EVTX parser throws internally: a structure that does not make sense at a
// given offset. The reader catches it per record (or per chunk) and turns it into a located warning,
// so it never escapes to the caller.

export class EvtxFormatError extends Error {
  /** Offset of the problem, relative to the buffer being parsed (the chunk, for Binary XML). */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = 'EvtxFormatError';
    this.offset = offset;
  }
}
