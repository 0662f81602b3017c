// Loads one regulation file that has no override layer: read, validate against its schema, drop the
// alias-only `sources`, freeze. The first problem stops loading with a RampartError naming the file,
// the line and the key, as for the incident rules (read-regulation-document.ts).
import type { z } from 'zod';
import { deepFreeze, type DeepReadonly } from './deep-freeze.js';
import { readRegulationDocument, validateRegulation } from './read-regulation-document.js';

export type LoadedRegulation<T> = DeepReadonly<Omit<T, 'sources'>> & {
  /** The file the rules were read from. */
  readonly file: string;
};

export function loadRegulationFile<T extends z.ZodType>(schema: T, file: string, documentedIn: string): LoadedRegulation<z.output<T>> {
  const document = readRegulationDocument(file);
  const valid = validateRegulation(schema, document.value, document, documentedIn) as Record<string, unknown>;
  const { sources: _sources, ...rules } = valid;
  return deepFreeze({ ...rules, file }) as unknown as LoadedRegulation<z.output<T>>;
}
