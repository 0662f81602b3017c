// The user's configuration file (`--config FILE`, YAML), validated once and frozen. Unknown keys are
// rejected and every error names the path of the bad key.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { rampartError } from './errors.js';

const stringList = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

export const configSchema = z
  .object({
    /** Rule files or folders hunted with when `--rules` is not given (default: the built-in pack). */
    rules: z.array(z.string()).optional(),
    /** Extra log-source mapping files, applied after the built-in ones. */
    mappings: z.array(z.string()).default([]),
    /** Values for `|expand` placeholders: name (without %) → one value or a list. */
    placeholders: z.record(z.string(), stringList).default({}),
  })
  .strict();

export type RampartConfig = Readonly<z.infer<typeof configSchema>>;

export const DEFAULT_CONFIG: RampartConfig = Object.freeze({ mappings: [], placeholders: {} });

/** Reads and validates a config file; relative paths in it are taken from the file's folder. */
export function loadConfig(file: string): RampartConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw rampartError('RAMPART_E_CONFIG_NOT_FOUND', { file });
  }
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    throw rampartError('RAMPART_E_CONFIG_INVALID', { file, key: '(document)', reason: (error as Error).message.split('\n')[0] });
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue.path.length > 0 ? issue.path.join('.') : '(document)';
    throw rampartError('RAMPART_E_CONFIG_INVALID', { file, key, reason: issue.message });
  }
  const base = dirname(resolve(file));
  const config = result.data;
  return Object.freeze({
    rules: config.rules?.map((path) => resolve(base, path)),
    mappings: config.mappings.map((path) => resolve(base, path)),
    placeholders: Object.freeze(config.placeholders),
  });
}

/** Reads a placeholder file: a YAML map of name → value or list of values. */
export function loadPlaceholderFile(file: string): Record<string, string[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw rampartError('RAMPART_E_CONFIG_NOT_FOUND', { file });
  }
  const result = z.record(z.string(), stringList).safeParse(parse(text) ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw rampartError('RAMPART_E_CONFIG_INVALID', { file, key: issue.path.join('.') || '(document)', reason: issue.message });
  }
  return result.data;
}
