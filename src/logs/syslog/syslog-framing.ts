// Syslog over TCP (RFC 6587): a byte stream cut into messages, either by octet counting
// (`LEN SP MSG`, §3.4.1) or by a line feed after each message (non-transparent framing, §3.4.2).
// Which one a connection uses is decided once, at its start: digits then a space mean octet counting,
// anything else (normally `<`) line feeds. Not the first byte alone, as rsyslog does: a line-fed
// message without a priority may start with a digit (an ISO timestamp), and that must not be taken
// for a length.
//
// Memory is bounded whatever the peer sends: at most one frame of `maxFrameBytes` is held; a longer
// frame is reported and its bytes dropped as they arrive, never collected. Pure: the listener in
// src/server/ owns the socket and calls push() with what it reads.

/** A message, or a frame that could not be used (reported, then skipped). */
export type SyslogFrame = { readonly message: string } | { readonly problem: string };

export interface SyslogFramingOptions {
  /** Longest frame kept, in bytes (default 64 KiB, the parser's own limit). */
  readonly maxFrameBytes?: number;
}

export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024;

/** More digits than this cannot be a length we would accept anyway. */
const MAX_LENGTH_DIGITS = 10;

const LF = 10;
const CR = 13;
const SPACE = 32;

type Mode = 'unknown' | 'octet-counting' | 'line-feed';

/** One per connection: push() each chunk as it arrives, flush() when the connection closes. */
export class SyslogFramer {
  private mode: Mode = 'unknown';
  private readonly max: number;
  /** Bytes of the current frame (or of the length header), kept as pieces to copy them once. */
  private pieces: Buffer[] = [];
  private pieceBytes = 0;
  /** Octet counting: bytes of the current frame still to come, or -1 while reading its length. */
  private remaining = -1;
  /** Digits of the length read so far. */
  private lengthDigits = 0;
  private length = 0;
  /** Dropping the rest of a frame already reported: a count of bytes, or up to the next LF when -1. */
  private dropping: number | undefined;

  constructor(options: SyslogFramingOptions = {}) {
    this.max = Math.max(1, options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
  }

  /** The framing the connection uses, once its first byte has arrived. */
  get framing(): Mode {
    return this.mode;
  }

  /** The messages and problems completed by this chunk, in order. */
  push(chunk: Buffer): SyslogFrame[] {
    const out: SyslogFrame[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (this.dropping !== undefined) {
        at = this.drop(chunk, at);
        continue;
      }
      if (this.mode === 'unknown') at = this.detect(chunk, at);
      else at = this.mode === 'line-feed' ? this.pushLine(chunk, at, out) : this.pushCounted(chunk, at, out);
    }
    return out;
  }

  /** The end of the connection: a last line without its line feed is a message; a cut frame a problem. */
  flush(): SyslogFrame[] {
    const out: SyslogFrame[] = [];
    if (this.dropping === undefined) {
      if (this.mode !== 'octet-counting') {
        if (this.pieceBytes > 0) this.emitLine(out);
      } else if (this.remaining >= 0) {
        out.push({ problem: `connection closed inside a frame: ${this.pieceBytes} of ${this.length} bytes received` });
      } else if (this.lengthDigits > 0) {
        out.push({ problem: 'connection closed inside a frame length' });
      }
    }
    this.reset();
    this.dropping = undefined;
    return out;
  }

  /**
   * Reads the connection's first bytes until the framing is clear. Up to ten leading digits are held
   * (as the start of a line, should it be one) until the byte after them shows what they were.
   */
  private detect(chunk: Buffer, start: number): number {
    let at = start;
    while (at < chunk.length) {
      const byte = chunk[at];
      const digit = byte >= 0x30 && byte <= 0x39 && !(this.pieceBytes === 0 && byte === 0x30);
      if (digit && this.pieceBytes < MAX_LENGTH_DIGITS) {
        this.keep(chunk.subarray(at, at + 1));
        at++;
        continue;
      }
      if (byte === SPACE && this.pieceBytes > 0) {
        // A length: the held digits become the octet counter's, and the space is read by it.
        const digits = this.take();
        this.mode = 'octet-counting';
        this.length = Number(digits.toString('latin1'));
        this.lengthDigits = digits.length;
      } else {
        this.mode = 'line-feed';
      }
      return at;
    }
    return at;
  }

  private pushLine(chunk: Buffer, start: number, out: SyslogFrame[]): number {
    const end = chunk.indexOf(LF, start);
    const stop = end === -1 ? chunk.length : end;
    if (this.pieceBytes + (stop - start) > this.max) {
      out.push({ problem: `frame longer than the limit of ${this.max} bytes; skipped` });
      this.reset();
      this.dropping = -1;
      return start;
    }
    if (stop > start) this.keep(chunk.subarray(start, stop));
    if (end === -1) return chunk.length;
    this.emitLine(out);
    return end + 1;
  }

  private emitLine(out: SyslogFrame[]): void {
    let bytes = this.take();
    let length = bytes.length;
    while (length > 0 && (bytes[length - 1] === CR || bytes[length - 1] === 0)) length--;
    bytes = bytes.subarray(0, length);
    // Blank lines between messages are keep-alives or leftovers, not messages.
    if (bytes.some((byte) => byte !== SPACE && byte !== 9)) out.push({ message: bytes.toString('utf8') });
  }

  private pushCounted(chunk: Buffer, start: number, out: SyslogFrame[]): number {
    let at = start;
    if (this.remaining < 0) {
      // The length: digits up to a space. Line breaks between frames, which some senders add, are skipped.
      while (at < chunk.length) {
        const byte = chunk[at];
        if (this.lengthDigits === 0 && (byte === LF || byte === CR || byte === SPACE)) {
          at++;
        } else if (byte >= 0x30 && byte <= 0x39 && this.lengthDigits < MAX_LENGTH_DIGITS && !(this.lengthDigits === 0 && byte === 0x30)) {
          this.length = this.length * 10 + (byte - 0x30);
          this.lengthDigits++;
          at++;
        } else if (byte === SPACE && this.lengthDigits > 0) {
          at++;
          if (this.length > this.max) {
            out.push({ problem: `frame of ${this.length} bytes is longer than the limit of ${this.max} bytes; skipped` });
            this.dropping = this.length;
            this.reset();
            return at;
          }
          this.remaining = this.length;
          break;
        } else {
          // Framing is lost; the next line feed is the best guess at a new frame.
          out.push({ problem: 'octet-counted frame does not start with a length and a space; skipped to the next line feed' });
          this.reset();
          this.dropping = -1;
          return at;
        }
      }
      if (this.remaining < 0) return at;
    }
    const take = Math.min(this.remaining, chunk.length - at);
    if (take > 0) this.keep(chunk.subarray(at, at + take));
    this.remaining -= take;
    at += take;
    if (this.remaining === 0) {
      out.push({ message: this.take().toString('utf8') });
      this.reset();
    }
    return at;
  }

  /** Skips bytes of a frame already reported; returns where reading resumes. */
  private drop(chunk: Buffer, start: number): number {
    const dropping = this.dropping as number;
    if (dropping >= 0) {
      const skip = Math.min(dropping, chunk.length - start);
      this.dropping = dropping - skip === 0 ? undefined : dropping - skip;
      return start + skip;
    }
    const end = chunk.indexOf(LF, start);
    if (end === -1) return chunk.length;
    this.dropping = undefined;
    return end + 1;
  }

  private keep(piece: Buffer): void {
    // Copied: the caller may reuse its buffer once push() returns.
    this.pieces.push(Buffer.from(piece));
    this.pieceBytes += piece.length;
  }

  private take(): Buffer {
    const bytes = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces, this.pieceBytes);
    this.pieces = [];
    this.pieceBytes = 0;
    return bytes;
  }

  private reset(): void {
    this.pieces = [];
    this.pieceBytes = 0;
    this.remaining = -1;
    this.lengthDigits = 0;
    this.length = 0;
  }
}
