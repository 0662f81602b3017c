// Entry point of the log-source mapping: loads the mapping files in order (built-in data first, then a
// user's `--mapping FILE`), later entries replacing earlier ones with the same logsource key, and returns
// the resolver with every problem found. Nothing here throws past the loader.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LogsourceResolver } from './logsource-resolver.js';
import type { LogsourceMappings, MappingEntry, MappingError, UnmappedPolicy } from './mapping-types.js';
import { findPackageRoot } from '../../core/package-root.js';
import { readMappingFile } from './read-mapping-file.js';

export type { EventSelector, LogsourceMappings, MappingError } from './mapping-types.js';

export function loadLogsourceMappings(files: readonly string[]): { mappings: LogsourceMappings; errors: MappingError[] } {
  const entries = new Map<string, MappingEntry>();
  const policies = new Map<string, UnmappedPolicy>();
  const errors: MappingError[] = [];
  for (const file of files) {
    const content = readMappingFile(file);
    errors.push(...content.errors);
    // Map.set keeps the first insertion's position, which does not matter: lookups are by key.
    for (const entry of content.entries) entries.set(entry.key, entry);
    for (const [product, policy] of content.products) policies.set(product, policy);
  }
  return { mappings: new LogsourceResolver([...entries.values()], policies), errors };
}

/**
 * Absolute paths of the built-in data/mappings/*.yaml, in name order. Found from this module's location,
 * not the working directory, so it works from src/ and dist/ alike.
 */
export function defaultMappingFiles(): string[] {
  const root = findPackageRoot(import.meta.url);
  if (!root) return [];
  const directory = join(root, 'data', 'mappings');
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(directory, name));
}
