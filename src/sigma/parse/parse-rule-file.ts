// One rule file (YAML, possibly several documents) into typed rules and located errors.
// Nothing here throws: every problem becomes a RuleError for its own rule.
//
// Two readers, one parser (parse-rule-document.ts). The fast reader (js-yaml) reads the usual file,
// one plain rule document, but keeps no offsets; the located reader (yaml) keeps them. A file the fast
// reader declines, and a file whose rule has any problem, is read again by the located reader, so
// every error carries the same file:line:column as if only the located reader existed.
import type { RuleError, RuleLoadResult, SigmaRule, SourceLocation } from './rule-types.js';
import { RuleProblem } from './rule-problem.js';
import type { PlaceholderValues } from './placeholders.js';
import { readFastYaml } from './fast-yaml.js';
import { readLocatedYaml } from './located-yaml.js';
import { isMapNode, offsetOf } from './rule-node.js';
import { parseRuleDocument, scalarString } from './parse-rule-document.js';

export interface ParseOptions {
  readonly placeholders?: PlaceholderValues;
}

export function parseRuleFile(text: string, file: string, options: ParseOptions = {}): RuleLoadResult {
  const fast = readFastYaml(text);
  if (fast !== undefined) {
    try {
      const rule = parseRuleDocument(fast.contents, options.placeholders ?? {}, { file, line: fast.line, column: fast.column });
      return { rules: [rule], errors: [] };
    } catch (error) {
      if (!(error instanceof RuleProblem)) throw error;
      // Read again below, for the problem's place.
    }
  }
  return parseRuleFileLocated(text, file, options);
}

/** The same, with the located reader only: slower, and the reference the fast reader is tested against. */
export function parseRuleFileLocated(text: string, file: string, options: ParseOptions = {}): RuleLoadResult {
  const { documents, lineColumn } = readLocatedYaml(text);
  const locate = (offset: number | undefined): SourceLocation => ({ file, ...lineColumn(offset ?? 0) });
  const rules: SigmaRule[] = [];
  const errors: RuleError[] = [];
  for (const document of documents) {
    if ('yamlError' in document) {
      errors.push({ code: 'SIGMA_YAML', message: `YAML: ${document.yamlError.message}`, location: locate(document.yamlError.offset) });
      continue;
    }
    const contents = document.contents;
    if (contents === null || (contents.kind === 'scalar' && contents.value === null)) continue;
    const title = isMapNode(contents) ? scalarString(contents, 'title') : undefined;
    try {
      // A copy, so that the rule keeps no slices of the file text alive.
      rules.push(structuredClone(parseRuleDocument(contents, options.placeholders ?? {}, locate(offsetOf(contents)))));
    } catch (error) {
      if (!(error instanceof RuleProblem)) throw error;
      errors.push({ code: error.code, message: error.message, location: locate(error.offset ?? offsetOf(contents)), rule: title });
    }
  }
  return { rules, errors };
}
