// Turns the paths a user gave into the list of log files to read: files as given, folders walked
// for the formats Rampart reads, in a stable (sorted) order so output is deterministic.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSupportedLogFile } from '../logs/read-events.js';
import { rampartError } from '../core/errors.js';

export interface InputFile {
  readonly path: string;
  readonly bytes: number;
}

export async function collectInputs(paths: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw rampartError('RAMPART_E_INPUT_NOT_FOUND', { path });
    }
    if (info.isFile()) files.push({ path, bytes: info.size });
    else if (info.isDirectory()) files.push(...(await walk(path)));
  }
  return files;
}

async function walk(directory: string): Promise<InputFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: InputFile[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && isSupportedLogFile(path)) files.push({ path, bytes: (await stat(path)).size });
  }
  return files;
}
