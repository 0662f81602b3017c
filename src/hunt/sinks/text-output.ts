// Text destinations for the sinks: standard output (respecting back-pressure and a closed pipe, as
// in `rampart hunt … | head`) or a file written to a temporary name and renamed when complete, so an
// interrupted hunt never leaves a half-written output file under the requested name.
import { once } from 'node:events';
import { createWriteStream, openSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { rampartError } from '../../core/errors.js';
import type { TextOutput } from './detection-sink.js';

const BUFFER_LIMIT = 64 * 1024;

class BufferedOutput implements TextOutput {
  private buffer: string[] = [];
  private size = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly finish: () => Promise<void>,
  ) {}

  write(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= BUFFER_LIMIT) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    this.stream.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  async drained(): Promise<void> {
    const stream = this.stream as Writable;
    if (stream.writableNeedDrain && !stream.destroyed) await once(stream, 'drain');
  }

  async end(): Promise<void> {
    this.flush();
    await this.finish();
  }
}

export function stdoutOutput(): TextOutput {
  return new BufferedOutput(process.stdout, () => new Promise((resolve) => process.stdout.write('', () => resolve())));
}

export function fileOutput(path: string): TextOutput {
  // A device or pipe (/dev/null, a FIFO) is written to directly: renaming over it would replace it.
  if (isSpecialFile(path)) return directOutput(path);
  const temporary = `${path}.partial-${process.pid}`;
  const stream = openStream(temporary, 'wx', path);
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const cleanUp = (): void => rmSync(temporary, { force: true });
  process.once('exit', cleanUp);
  return new BufferedOutput(stream, async () => {
    await new Promise<void>((resolve) => stream.end(() => resolve()));
    process.removeListener('exit', cleanUp);
    if (failure) {
      cleanUp();
      throw rampartError('RAMPART_E_OUTPUT_UNWRITABLE', { path, reason: failure.message });
    }
    renameSync(temporary, path);
  });
}

function isSpecialFile(path: string): boolean {
  try {
    const info = statSync(path);
    return !info.isFile() && !info.isDirectory();
  } catch {
    return false;
  }
}

function directOutput(path: string): TextOutput {
  const stream = openStream(path, 'w', path);
  return new BufferedOutput(stream, () => new Promise<void>((resolve) => stream.end(() => resolve())));
}

/** Opens synchronously, so a bad path fails here with the user's path named, not later in a stream event. */
function openStream(file: string, flags: string, userPath: string): WriteStream {
  try {
    return createWriteStream(file, { fd: openSync(file, flags) });
  } catch (error) {
    throw rampartError('RAMPART_E_OUTPUT_UNWRITABLE', { path: userPath, reason: (error as Error).message });
  }
}
