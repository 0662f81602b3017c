// Reads one regulation YAML file and validates it against a schema. Unlike rule files, a regulation
// file is all-or-nothing: a grade computed from half a rule set would look right and be wrong, so the
// first problem stops loading with a RampartError that names the file, the line and the key.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { rampartError, type RampartError } from '../errors.js';
import { locatePath, offsetToLineColumn } from '../yaml-location.js';

export interface RegulationDocument {
  readonly file: string;
  /** The document's plain value (aliases resolved). */
  readonly value: unknown;
  /** The error for a problem found at `path` in this document. */
  readonly problemAt: (path: readonly PropertyKey[], reason: string, atKey?: boolean) => RampartError;
}

export function readRegulationDocument(file: string): RegulationDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw rampartError('RAMPART_E_REGULATION_NOT_FOUND', { file });
  }
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, prettyErrors: true });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const { line } = offsetToLineColumn(lineCounter, error.pos[0]);
    throw rampartError('RAMPART_E_REGULATION_INVALID', { file, line, key: '(YAML syntax)', reason: firstLine(error.message) });
  }
  const problemAt = (path: readonly PropertyKey[], reason: string, atKey = false): RampartError => {
    const { line } = locatePath(document, lineCounter, path, atKey);
    return rampartError('RAMPART_E_REGULATION_INVALID', { file, line, key: describePath(path), reason });
  };
  return { file, value: document.toJS({ maxAliasCount: 1000 }) ?? {}, problemAt };
}

/**
 * The value parsed by `schema`, or the error for its first issue, placed in `document`. `documentedIn`
 * is the page describing the file's keys, named when a key is unknown.
 */
export function validateRegulation<T extends z.ZodType>(schema: T, value: unknown, document: RegulationDocument, documentedIn: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
  const reason = unknownKey === undefined ? issue.message : `unknown key "${unknownKey}" (check its spelling against ${documentedIn})`;
  throw document.problemAt(path, reason, unknownKey !== undefined);
}

export function describePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : `${text ? '.' : ''}${String(segment)}`;
  return text || '(document)';
}

/** yaml's messages repeat the position and a code excerpt after the first line. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
