// Text chunks → numbered lines, holding at most one line of `maxChars`: a longer line is reported by
// its number and dropped as it streams past, so a 2 GB line costs no memory. Synchronous, a chunk at
// a time, so the reader pays for async iteration once per event and not per layer.

/** A line (without its line break; a CR before LF is dropped), or the number of a line too long to keep. */
export type NumberedLine = { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: true };

export class LineSplitter {
  // The start of the current line when it began in an earlier chunk, as pieces: joined once.
  private pending: string[] = [];
  private pendingLength = 0;
  private skipping = false;
  private line = 1;

  constructor(private readonly maxChars: number) {}

  push(chunk: string, out: NumberedLine[]): void {
    let start = 0;
    let end = chunk.indexOf('\n');
    while (end !== -1) {
      this.endLine(chunk.slice(start, end), out);
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.keep(start === 0 ? chunk : chunk.slice(start), out);
  }

  /** The end of the text: a last line without a line break is still a line. */
  finish(out: NumberedLine[]): void {
    if (!this.skipping && this.pendingLength > 0) this.endLine('', out);
    this.pending = [];
    this.pendingLength = 0;
  }

  private keep(piece: string, out: NumberedLine[]): void {
    if (this.skipping) return;
    if (this.pendingLength + piece.length > this.maxChars) {
      out.push({ line: this.line, tooLong: true });
      this.skipping = true;
      this.pending = [];
      this.pendingLength = 0;
      return;
    }
    this.pending.push(piece);
    this.pendingLength += piece.length;
  }

  private endLine(last: string, out: NumberedLine[]): void {
    if (this.skipping) {
      this.skipping = false;
    } else if (this.pendingLength + last.length > this.maxChars + 1) {
      out.push({ line: this.line, tooLong: true });
    } else {
      let text = this.pendingLength === 0 ? last : this.pending.join('') + last;
      if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
      if (text.length > this.maxChars) out.push({ line: this.line, tooLong: true });
      else out.push({ line: this.line, text });
    }
    this.pending = [];
    this.pendingLength = 0;
    this.line++;
  }
}
