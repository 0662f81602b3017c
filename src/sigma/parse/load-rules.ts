// Loads rules from files and folders: every `.yml` / `.yaml` below the given paths.
// Unreadable files and bad rules become RuleErrors; loading never throws for a rule's sake.
// Files are read synchronously: thousands of small rule files read one await at a time left the
// process idle a fifth of the load time (profiled on SigmaHQ's 3,777 rules).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleError, RuleLoadResult, SigmaRule } from './rule-types.js';
import { parseRuleFile, type ParseOptions } from './parse-rule-file.js';

const RULE_FILE = /\.ya?ml$/i;

/**
 * Parsed files remembered between runs (hunt/rule-cache.ts keeps them on disk). `get` answers only for
 * the same file with the same text; an answer must equal what parseRuleFile would return.
 */
export interface ParsedRuleCache {
  get(file: string, text: string): RuleLoadResult | undefined;
  /** `json`: the result as JSON, when the parser already made it (saves making it again). */
  set(file: string, text: string, result: RuleLoadResult, json?: string): void;
}

export interface RuleFileText {
  readonly file: string;
  readonly text: string;
}

export interface ParsedFile {
  /** What parseRuleFile returned for the file. */
  readonly result: RuleLoadResult;
  readonly json?: string;
}

/** Parses many files, in order: in this thread by default, in several by hunt/parse-in-parallel.ts. */
export type ParseFiles = (files: readonly RuleFileText[], options: ParseOptions) => Promise<ParsedFile[]>;

export interface LoadOptions extends ParseOptions {
  readonly cache?: ParsedRuleCache;
  readonly parseFiles?: ParseFiles;
}

export const parseFilesHere: ParseFiles = async (files, options) => files.map(({ file, text }) => ({ result: parseRuleFile(text, file, options) }));

export function listRuleFiles(path: string): string[] {
  const info = statSync(path);
  if (info.isFile()) return [path];
  const files: string[] = [];
  const entries = readdirSync(path, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...listRuleFiles(child));
    else if (entry.isFile() && RULE_FILE.test(entry.name)) files.push(child);
  }
  return files;
}

/** Loads every rule under the paths. A missing path is reported as an error of that path. */
export async function loadRules(paths: readonly string[], options: LoadOptions = {}): Promise<RuleLoadResult & { files: number }> {
  // Every file is read first, then what the cache does not hold is parsed in one batch (which
  // parseFiles may share out between threads); results are put back in file order.
  const results: (RuleLoadResult | undefined)[] = [];
  const misses: RuleFileText[] = [];
  const missAt: number[] = [];
  let files = 0;
  const unreadable = (file: string, message: string): void => {
    results.push({ rules: [], errors: [{ code: 'SIGMA_FILE_UNREADABLE', message, location: { file, line: 1, column: 1 } }] });
  };
  for (const path of paths) {
    let list: string[];
    try {
      list = listRuleFiles(path);
    } catch (error) {
      unreadable(path, `cannot read rules: ${(error as Error).message}`);
      continue;
    }
    for (const file of list) {
      files++;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        unreadable(file, `cannot read rule file: ${(error as Error).message}`);
        continue;
      }
      const cached = options.cache?.get(file, text);
      if (cached === undefined) {
        missAt.push(results.length);
        misses.push({ file, text });
      }
      results.push(cached);
    }
  }
  const parsed = misses.length > 0 ? await (options.parseFiles ?? parseFilesHere)(misses, options) : [];
  parsed.forEach(({ result, json }, index) => {
    const { file, text } = misses[index];
    options.cache?.set(file, text, result, json);
    results[missAt[index]] = result;
  });
  const rules: SigmaRule[] = [];
  const errors: RuleError[] = [];
  for (const result of results as RuleLoadResult[]) {
    rules.push(...result.rules);
    errors.push(...result.errors);
  }
  return { rules, errors, files };
}
