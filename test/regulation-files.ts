// For the tests of regulation-data loaders: the built-in file with one edit, written to a folder, loaded,
// and the error the loader must throw, with the line of the edited file it names.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { RampartError } from '../src/core/errors.js';

export interface FileEdit {
  readonly from: string;
  readonly to: string;
  /** The key the error must name; also the file's name. */
  readonly key: string;
}

/** The error `load` throws for `original` with the edit made; fails the test when the text to edit is absent or nothing is thrown. */
export function errorOfEditedFile(load: (file: string) => unknown, original: string, folder: string, edit: FileEdit): { error: RampartError; file: string; namedLine: string } {
  expect(original).toContain(edit.from);
  const changed = original.replace(edit.from, edit.to);
  const file = join(folder, `${edit.key}.yaml`);
  writeFileSync(file, changed);
  try {
    load(file);
  } catch (error) {
    expect(error).toBeInstanceOf(RampartError);
    const rampartError = error as RampartError;
    expect(rampartError.params).toMatchObject({ file, key: edit.key });
    return { error: rampartError, file, namedLine: changed.split('\n')[Number(rampartError.params.line) - 1] ?? '' };
  }
  return expect.unreachable(`${edit.key}: no error`);
}
