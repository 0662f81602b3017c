// Reads the parts of an Office Open XML file (.xlsx, .docx: a zip archive of XML parts) with limits, so a
// corrupt, encrypted or hostile archive becomes an error naming what is wrong instead of filling memory
// or the disk. Parts are inflated as streams and never written anywhere.
//
// Zip bombs: the bytes inflated from one archive, counted as they come out of the inflater (a lying
// header does not help: yauzl also checks each entry against its declared size), may not exceed
// EXPANSION_LIMIT times the archive's size (with a floor, so a small workbook's well-compressed XML is
// not refused) nor ABSOLUTE_INFLATE_LIMIT; the declared sizes are checked against the same budget before
// anything is inflated. A part read whole into memory (the shared-string table) has its own, lower cap.
import { TextDecoder } from 'node:util';
import yauzl from 'yauzl';

/** Inflated bytes allowed per byte of archive. Office XML compresses about 5–20×; a bomb by thousands. */
export const EXPANSION_LIMIT = 100;
/** Below this many inflated bytes the ratio is not applied: a 10 KB workbook may hold 2 MB of XML. */
export const EXPANSION_FLOOR = 16 * 1024 * 1024;
/** Inflated bytes per archive, whatever its size. */
export const ABSOLUTE_INFLATE_LIMIT = 4 * 1024 * 1024 * 1024;
/** Entries in one archive: a workbook has a few per sheet. */
export const MAX_ENTRIES = 50_000;

export interface ZipLimits {
  readonly expansion?: number;
  readonly floor?: number;
  readonly absolute?: number;
}

/** The archive is unusable as a whole (not a zip, encrypted, a bomb, a part missing or malformed). */
export class ArchiveError extends Error {}

export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
    /** Inflated bytes this archive may produce. */
    readonly budget: number,
    private readonly archiveBytes: number,
  ) {}

  static async open(path: string, archiveBytes: number, limits: ZipLimits = {}): Promise<ZipArchive> {
    const budget = Math.min(limits.absolute ?? ABSOLUTE_INFLATE_LIMIT, Math.max((limits.expansion ?? EXPANSION_LIMIT) * archiveBytes, limits.floor ?? EXPANSION_FLOOR));
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
    } catch (error) {
      throw new ArchiveError(`not a readable zip archive (${(error as Error).message})`);
    }
    const entries = new Map<string, yauzl.Entry>();
    try {
      if (zip.entryCount > MAX_ENTRIES) throw new ArchiveError(`${zip.entryCount} entries in the archive, more than the ${MAX_ENTRIES} allowed`);
      let declared = 0;
      for await (const entry of zip.eachEntry()) {
        if (entry.isEncrypted()) throw new ArchiveError(`encrypted zip entry ${entry.fileName}`);
        // Office part names are case-insensitive (ECMA-376 part 2); folders end in '/'.
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.toLowerCase(), entry);
        declared += entry.uncompressedSize;
      }
      if (declared > budget) throw new ArchiveError(bombMessage(declared, archiveBytes, budget, 'declares'));
    } catch (error) {
      zip.close();
      throw error instanceof ArchiveError ? error : new ArchiveError(`corrupt zip archive (${(error as Error).message})`);
    }
    return new ZipArchive(zip, entries, budget, archiveBytes);
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Part names (lower case), in archive order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** A part's text in chunks (UTF-8, or UTF-16 when it starts with a BOM), inflated as it is read. */
  async *readText(name: string): AsyncGenerator<string> {
    const entry = this.entries.get(name.toLowerCase());
    if (entry === undefined) throw new ArchiveError(`no part ${name} in the archive`);
    if (this.inflated + entry.uncompressedSize > this.budget) throw new ArchiveError(bombMessage(this.inflated + entry.uncompressedSize, this.archiveBytes, this.budget, 'declares'));
    let stream;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new ArchiveError(`${name}: ${(error as Error).message}`);
    }
    let decoder: TextDecoder | undefined;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > this.budget) throw new ArchiveError(bombMessage(this.inflated, this.archiveBytes, this.budget, 'inflates to'));
        if (decoder === undefined) decoder = new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8');
        yield decoder.decode(chunk, { stream: true });
      }
      if (decoder !== undefined) yield decoder.decode();
    } catch (error) {
      throw error instanceof ArchiveError ? error : new ArchiveError(`${name}: ${(error as Error).message}`);
    } finally {
      stream.destroy();
    }
  }

  /** A small part whole, refused above `maxChars` characters. */
  async readWhole(name: string, maxChars: number): Promise<string> {
    let text = '';
    for await (const chunk of this.readText(name)) {
      text += chunk;
      if (text.length > maxChars) throw new ArchiveError(`${name} is longer than the ${maxChars} characters read into memory`);
    }
    return text;
  }

  close(): void {
    this.zip.close();
  }
}

function bombMessage(bytes: number, archiveBytes: number, budget: number, verb: string): string {
  return `${verb} ${formatMiB(bytes)} from ${formatMiB(archiveBytes)}, above the ${formatMiB(budget)} allowed for it: a possible zip bomb`;
}

function formatMiB(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} B` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
