// Everything needed before events flow: rules parsed, log-source mappings loaded, the engine
// compiled. Shared by `rampart hunt` and `rampart rules check`, so both judge rules the same way.
import { existsSync } from 'node:fs';
import type { RuleError } from '../sigma/parse/rule-types.js';
import { loadRules } from '../sigma/parse/load-rules.js';
import { defaultMappingFiles, loadLogsourceMappings } from '../sigma/mapping/logsource-mapping.js';
import { buildEngine, type SigmaEngine } from '../sigma/engine/sigma-engine.js';
import type { PlaceholderValues } from '../sigma/parse/placeholders.js';
import { rampartError } from '../core/errors.js';
import { RuleCache, ruleCacheDirectory } from './rule-cache.js';
import { parallelParser, parseThreads } from './parse-in-parallel.js';

export interface RuleSetOptions {
  readonly rulePaths: readonly string[];
  readonly mappingFiles?: readonly string[];
  readonly placeholders?: PlaceholderValues;
  /**
   * Where parsed rules are kept between runs (rule-cache.ts); null for no cache. Default: from the
   * environment (RAMPART_CACHE_DIR, XDG_CACHE_HOME, ~/.cache; RAMPART_CACHE=off disables it).
   */
  readonly cacheDirectory?: string | null;
}

export interface RuleSet {
  readonly engine: SigmaEngine;
  /** Rule files read. */
  readonly files: number;
  /** Rules parsed, before compile-time rejections. */
  readonly parsed: number;
  /** Every rejected rule with its reason: parse errors, then compile errors. */
  readonly rejected: readonly RuleError[];
  readonly loadMilliseconds: number;
  /** Where loadMilliseconds went: log-source mappings, rule files (read, cached or parsed), engine. */
  readonly stageMilliseconds?: { readonly mappings: number; readonly rules: number; readonly engine: number };
}

export async function loadRuleSet(options: RuleSetOptions): Promise<RuleSet> {
  const started = performance.now();
  for (const path of options.rulePaths) {
    if (!existsSync(path)) throw rampartError('RAMPART_E_RULES_NOT_FOUND', { path });
  }
  const { mappings, errors: mappingErrors } = loadLogsourceMappings([...defaultMappingFiles(), ...(options.mappingFiles ?? [])]);
  if (mappingErrors.length > 0) {
    const first = mappingErrors[0];
    throw rampartError('RAMPART_E_MAPPING_INVALID', { file: first.file, location: `${first.line}:${first.column}`, reason: first.message });
  }
  const mapped = performance.now();
  const placeholders = options.placeholders ?? {};
  const directory = options.cacheDirectory === undefined ? ruleCacheDirectory() : options.cacheDirectory;
  const cache = directory === null ? undefined : new RuleCache(directory, options.rulePaths, placeholders);
  const loaded = await loadRules(options.rulePaths, { placeholders, cache, parseFiles: parallelParser(parseThreads()) });
  cache?.save();
  const read = performance.now();
  const { engine, errors } = buildEngine(loaded.rules, mappings);
  const built = performance.now();
  return {
    engine,
    files: loaded.files,
    parsed: loaded.rules.length,
    rejected: [...loaded.errors, ...errors],
    loadMilliseconds: built - started,
    stageMilliseconds: { mappings: mapped - started, rules: read - mapped, engine: built - read },
  };
}
