// A log file as a stream of decoded text chunks, whatever its compression: gzip is recognised by its
// magic bytes (not the extension, since `.log`, `.json` and `.gz` all lie), a UTF-8 byte order mark
// is dropped, and UTF-16LE (what Windows PowerShell writes by default) is decoded too. Chunks are
// large so per-chunk costs vanish next to parsing, and memory stays one chunk no matter the file size.

import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Bytes read from disk at a time; large enough that the per-chunk overhead does not show. */
export const CHUNK_BYTES = 1024 * 1024;

const BYTE_ORDER_MARK = 0xfeff;

/**
 * Yields the file's text in chunks. I/O and decompression errors are thrown to the caller, which
 * reports them; stopping the iteration early closes the file.
 */
export async function* readTextChunks(
  file: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<string, void, undefined> {
  const handle = await open(file, 'r');
  const streams: Readable[] = [];
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    const gzip = bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    const utf16 = bytesRead === 2 && magic[0] === 0xff && magic[1] === 0xfe;

    const raw = handle.createReadStream({ start: 0, highWaterMark: CHUNK_BYTES });
    streams.push(raw);
    // pipeline, not pipe: a read error on the file must reach the consumer of the gunzip stream.
    const decoded: Readable = gzip
      ? pipeline(raw, createGunzip({ chunkSize: CHUNK_BYTES }), () => undefined)
      : raw;
    if (decoded !== raw) streams.push(decoded);
    // TextDecoder rather than the stream's own setEncoding: on 1 MiB chunks it decodes about three
    // times faster here, which the NDJSON path would otherwise pay on every byte. `stream: true`
    // carries a character split across chunks over to the next one.
    const decoder = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { ignoreBOM: true });

    let first = true;
    for await (const bytes of decoded as AsyncIterable<Buffer>) {
      let text = decoder.decode(bytes, { stream: true });
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
      }
      onBytes?.(raw.bytesRead);
      if (text.length > 0) yield text;
    }
    // An incomplete character at the very end becomes U+FFFD, as anywhere else in the file.
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
    onBytes?.(raw.bytesRead);
  } finally {
    // The read stream owns the handle once it exists and closes it when destroyed.
    if (streams.length === 0) await handle.close();
    for (const stream of streams) stream.destroy();
  }
}
