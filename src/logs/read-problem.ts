// What every log reader shares with its caller: how it reports a bad record and how far it has read.
// Readers never throw for bad input; they report here and carry on, so one broken record or file
// does not stop a hunt over thousands.

/** A record or file a reader could not use, named precisely enough for a person to go and look. */
export interface ReadProblem {
  /** The file, as the caller gave it. */
  readonly file: string;
  /** 1-based line where the bad record starts, when the format is line-oriented. */
  readonly line?: number;
  readonly message: string;
}

/** Callbacks every reader accepts. */
export interface ReaderOptions {
  /** Called once per bad record or unreadable file; the reader then goes on with the next record. */
  readonly onProblem?: (problem: ReadProblem) => void;
  /**
   * Called with the cumulative number of bytes read from disk (compressed bytes for gzip), once per
   * chunk rather than per event, so a progress bar costs nothing on the hot path.
   */
  readonly onBytes?: (bytesRead: number) => void;
}
