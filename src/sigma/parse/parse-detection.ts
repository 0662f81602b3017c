// A rule's `detection` section: search identifiers (maps = AND, lists = OR, plain lists = keywords)
// into SearchExpr trees, with every value run through its modifiers.
import type { SearchExpr, ValueTest } from './rule-types.js';
import { RuleProblem } from './rule-problem.js';
import { applyModifiers, type ModifiedValues, type RawValue } from './modifiers.js';
import type { PlaceholderValues } from './placeholders.js';
import { isMapNode, isScalarNode, isSeqNode, offsetOf, type MapNode, type NodePair, type RuleNode, type ScalarNode } from './rule-node.js';

const NON_IDENTIFIER_KEYS = new Set(['condition', 'timeframe']);

export interface ParsedDetection {
  readonly identifiers: Record<string, SearchExpr>;
  /** The condition strings (a condition list gives several) with their node, for located errors. */
  readonly conditions: { readonly text: string; readonly offset: number | undefined }[];
}

export function parseDetection(node: MapNode, placeholders: PlaceholderValues): ParsedDetection {
  const identifiers: Record<string, SearchExpr> = Object.create(null);
  const conditions: { text: string; offset: number | undefined }[] = [];
  for (const pair of node.pairs) {
    const name = keyText(pair);
    if (name === 'condition') {
      conditions.push(...conditionTexts(pair.value));
      continue;
    }
    if (NON_IDENTIFIER_KEYS.has(name)) continue;
    try {
      identifiers[name] = parseSearch(pair.value, placeholders);
    } catch (error) {
      if (error instanceof RuleProblem) throw new RuleProblem(error.code, `detection '${name}': ${error.message}`, error.offset ?? offsetOf(pair.value) ?? offsetOf(pair.key));
      throw error;
    }
  }
  if (conditions.length === 0) throw new RuleProblem('SIGMA_MISSING_CONDITION', 'detection has no condition', offsetOf(node));
  return { identifiers, conditions };
}

function conditionTexts(node: RuleNode | null): { text: string; offset: number | undefined }[] {
  if (isScalarNode(node) && typeof node.value === 'string') return [{ text: node.value, offset: offsetOf(node) }];
  if (isSeqNode(node)) {
    return node.items.map((item) => {
      if (isScalarNode(item) && typeof item.value === 'string') return { text: item.value, offset: offsetOf(item) };
      throw new RuleProblem('SIGMA_CONDITION_SYNTAX', 'condition list items must be strings', offsetOf(item));
    });
  }
  throw new RuleProblem('SIGMA_CONDITION_SYNTAX', 'condition must be a string or a list of strings', offsetOf(node));
}

function parseSearch(node: RuleNode | null, placeholders: PlaceholderValues): SearchExpr {
  if (isMapNode(node)) return parseFieldMap(node, placeholders);
  if (isSeqNode(node)) {
    const items = node.items;
    if (items.length === 0) throw new RuleProblem('SIGMA_EMPTY_SEARCH', 'empty list', offsetOf(node));
    if (items.every((item) => isScalarNode(item))) {
      const modified = applyModifiers([], items.map((item) => rawValue(item as ScalarNode)), placeholders, true);
      return { kind: 'keyword', match: 'any', tests: modified.groups.flat() };
    }
    return { kind: 'or', items: items.map((item) => parseSearch(item, placeholders)) };
  }
  if (isScalarNode(node) && node.value !== null) {
    const modified = applyModifiers([], [rawValue(node)], placeholders, true);
    return { kind: 'keyword', match: 'any', tests: modified.groups.flat() };
  }
  throw new RuleProblem('SIGMA_EMPTY_SEARCH', 'a search identifier must be a map, a list or a keyword', offsetOf(node));
}

function parseFieldMap(node: MapNode, placeholders: PlaceholderValues): SearchExpr {
  const items: SearchExpr[] = [];
  for (const pair of node.pairs) {
    const key = keyText(pair);
    const [field, ...modifiers] = key.split('|');
    const values = valuesOf(pair.value);
    try {
      const modified = applyModifiers(modifiers, values, placeholders, field === '');
      items.push(predicateFor(field, modified));
    } catch (error) {
      if (error instanceof RuleProblem) throw new RuleProblem(error.code, `'${key}': ${error.message}`, error.offset ?? offsetOf(pair.key));
      throw error;
    }
  }
  if (items.length === 0) throw new RuleProblem('SIGMA_EMPTY_SEARCH', 'empty map', offsetOf(node));
  return items.length === 1 ? items[0] : { kind: 'and', items };
}

/**
 * The predicate for one `field|modifiers: values` entry. With `all`, each written value must hold, and
 * a value that expanded into several tests (windash, base64offset, ...) holds when any of them does:
 * an AND of per-value ORs.
 */
function predicateFor(field: string, modified: ModifiedValues): SearchExpr {
  const { groups, match, negate } = modified;
  const single = (tests: ValueTest[], groupMatch: 'any' | 'all'): SearchExpr =>
    field === '' ? { kind: 'keyword', match: groupMatch, tests } : { kind: 'field', field, match: groupMatch, tests, negate };
  if (match === 'any' || groups.every((group) => group.length === 1)) return single(groups.flat(), match);
  return { kind: 'and', items: groups.map((group) => single(group, 'any')) };
}

function valuesOf(node: RuleNode | null): RawValue[] {
  if (node === null || node === undefined) return [{ value: null, text: '' }];
  if (isScalarNode(node)) return [rawValue(node)];
  if (isSeqNode(node)) {
    return node.items.map((item) => {
      if (item === null || isScalarNode(item)) return item === null ? { value: null, text: '' } : rawValue(item);
      throw new RuleProblem('SIGMA_BAD_VALUE', 'a value list may hold only plain values', offsetOf(item));
    });
  }
  throw new RuleProblem('SIGMA_BAD_VALUE', 'a field value must be a plain value or a list of them', offsetOf(node));
}

function rawValue(node: ScalarNode): RawValue {
  const value = node.value;
  if (value === null || value === undefined) return { value: null, text: '' };
  if (typeof value === 'string') return { value, text: value };
  if (typeof value === 'number' || typeof value === 'boolean') {
    const text = node.source ?? String(value);
    return { value, text };
  }
  throw new RuleProblem('SIGMA_BAD_VALUE', `unsupported value ${String(value)}`, offsetOf(node));
}

function keyText(pair: NodePair): string {
  const key = pair.key;
  if (isScalarNode(key)) return String(key.value ?? '');
  throw new RuleProblem('SIGMA_BAD_KEY', 'keys must be plain strings', offsetOf(key));
}
