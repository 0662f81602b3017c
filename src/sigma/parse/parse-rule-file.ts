// One rule file (YAML, possibly several documents) into typed rules and located errors.
// Nothing here throws past this function: every problem becomes a RuleError for its own rule.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import { isLevel, type Level } from '../../core/level.js';
import type { ConditionExpr, Logsource, RuleError, RuleLoadResult, SigmaRule, SourceLocation } from './rule-types.js';
import { RuleProblem } from './rule-problem.js';
import { offsetOf, parseDetection } from './parse-detection.js';
import { ConditionSyntaxError, parseCondition } from './parse-condition.js';
import type { PlaceholderValues } from './placeholders.js';

export interface ParseOptions {
  readonly placeholders?: PlaceholderValues;
}

export function parseRuleFile(text: string, file: string, options: ParseOptions = {}): RuleLoadResult {
  const lineCounter = new LineCounter();
  const locate = (offset: number | undefined): SourceLocation => {
    const position = lineCounter.linePos(offset ?? 0);
    return { file, line: position.line, column: position.col };
  };
  const rules: SigmaRule[] = [];
  const errors: RuleError[] = [];
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
  } catch (error) {
    errors.push({ code: 'SIGMA_YAML', message: `YAML: ${(error as Error).message}`, location: locate(0) });
    return { rules, errors };
  }
  if (!Array.isArray(documents)) documents = [documents];
  for (const document of documents) {
    if (document.errors.length > 0) {
      const first = document.errors[0];
      errors.push({ code: 'SIGMA_YAML', message: `YAML: ${first.message.split('\n')[0]}`, location: locate(first.pos[0]) });
      continue;
    }
    const contents = document.contents as Node | null;
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    const title = isMap(contents) ? scalarString(contents, 'title') : undefined;
    try {
      // A copy, so that the rule keeps no slices of the file text or the YAML tree alive (these
      // held three quarters of the heap of a loaded SigmaHQ rule set).
      rules.push(structuredClone(parseRuleDocument(contents, locate, options)));
    } catch (error) {
      if (!(error instanceof RuleProblem)) throw error;
      errors.push({ code: error.code, message: error.message, location: locate(error.offset ?? offsetOf(contents)), rule: title });
    }
  }
  return { rules, errors };
}

function parseRuleDocument(contents: Node, locate: (offset: number | undefined) => SourceLocation, options: ParseOptions): SigmaRule {
  if (!isMap(contents)) throw new RuleProblem('SIGMA_NOT_A_RULE', 'a rule must be a YAML map', offsetOf(contents));
  if (contents.has('correlation')) throw new RuleProblem('SIGMA_UNSUPPORTED_CORRELATION', 'correlation rules are not supported yet', offsetOf(contents.get('correlation', true) as Node));
  if (contents.has('filter')) throw new RuleProblem('SIGMA_UNSUPPORTED_FILTER', 'Sigma filters (meta-filters) are not supported yet', offsetOf(contents.get('filter', true) as Node));
  const title = scalarString(contents, 'title');
  if (!title) throw new RuleProblem('SIGMA_MISSING_FIELD', "rule has no 'title'", offsetOf(contents));
  const level = parseLevel(contents);
  const logsource = parseLogsource(contents);
  const detectionNode = contents.get('detection', true) as Node | undefined;
  if (!isMap(detectionNode)) throw new RuleProblem('SIGMA_MISSING_FIELD', "rule has no 'detection' map", offsetOf(contents));
  const detection = parseDetection(detectionNode, options.placeholders ?? {});
  const names = Object.keys(detection.identifiers);
  const conditions: ConditionExpr[] = detection.conditions.map(({ text, offset }) => {
    try {
      return parseCondition(text, names);
    } catch (error) {
      if (error instanceof ConditionSyntaxError) throw new RuleProblem(error.code, error.message, offset);
      if (error instanceof RuleProblem) throw new RuleProblem(error.code, error.message, offset);
      throw error;
    }
  });
  const condition: ConditionExpr = conditions.length === 1 ? conditions[0] : { kind: 'or', items: conditions };
  return {
    id: scalarString(contents, 'id'),
    title,
    status: scalarString(contents, 'status'),
    level,
    description: scalarString(contents, 'description'),
    author: scalarString(contents, 'author'),
    date: scalarString(contents, 'date'),
    modified: scalarString(contents, 'modified'),
    references: stringList(contents, 'references'),
    tags: stringList(contents, 'tags'),
    falsepositives: stringList(contents, 'falsepositives'),
    fields: stringList(contents, 'fields'),
    logsource,
    detection: detection.identifiers,
    condition,
    location: locate(offsetOf(contents)),
  };
}

function parseLevel(contents: YAMLMap): Level {
  const level = scalarString(contents, 'level');
  if (level === undefined) return 'medium';
  const lower = level.toLowerCase();
  if (!isLevel(lower)) throw new RuleProblem('SIGMA_BAD_LEVEL', `unknown level '${level}' (informational, low, medium, high or critical)`, offsetOf(contents.get('level', true) as Node));
  return lower;
}

function parseLogsource(contents: YAMLMap): Logsource {
  const node = contents.get('logsource', true) as Node | undefined;
  if (!isMap(node)) throw new RuleProblem('SIGMA_MISSING_FIELD', "rule has no 'logsource' map", offsetOf(contents));
  const read = (key: string): string | undefined => scalarString(node, key)?.toLowerCase();
  const logsource = { product: read('product'), category: read('category'), service: read('service') };
  if (!logsource.product && !logsource.category && !logsource.service) {
    throw new RuleProblem('SIGMA_MISSING_FIELD', 'logsource names no product, category or service', offsetOf(node));
  }
  return logsource;
}

function scalarString(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

function stringList(map: YAMLMap, key: string): string[] {
  const node = map.get(key, true) as Node | undefined;
  if (isSeq(node)) return node.items.filter((item) => isScalar(item) && item.value !== null).map((item) => String((item as { value: unknown }).value));
  if (isScalar(node) && node.value !== null) return [String(node.value)];
  return [];
}
