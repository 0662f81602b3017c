// One rule document (as a RuleNode tree, from either YAML reader) into a typed rule. A problem throws
// a RuleProblem with the offset of the node at fault, when the reader kept offsets.
import { isLevel, type Level } from '../../core/level.js';
import type { ConditionExpr, Logsource, SigmaRule, SourceLocation } from './rule-types.js';
import { RuleProblem } from './rule-problem.js';
import { parseDetection } from './parse-detection.js';
import { ConditionSyntaxError, parseCondition } from './parse-condition.js';
import type { PlaceholderValues } from './placeholders.js';
import { isMapNode, isScalarNode, isSeqNode, mapGet, mapHas, offsetOf, type MapNode, type RuleNode } from './rule-node.js';

export function parseRuleDocument(contents: RuleNode, placeholders: PlaceholderValues, location: SourceLocation): SigmaRule {
  if (!isMapNode(contents)) throw new RuleProblem('SIGMA_NOT_A_RULE', 'a rule must be a YAML map', offsetOf(contents));
  if (mapHas(contents, 'correlation')) throw new RuleProblem('SIGMA_UNSUPPORTED_CORRELATION', 'correlation rules are not supported yet', offsetOf(mapGet(contents, 'correlation')));
  if (mapHas(contents, 'filter')) throw new RuleProblem('SIGMA_UNSUPPORTED_FILTER', 'Sigma filters (meta-filters) are not supported yet', offsetOf(mapGet(contents, 'filter')));
  const title = scalarString(contents, 'title');
  if (!title) throw new RuleProblem('SIGMA_MISSING_FIELD', "rule has no 'title'", offsetOf(contents));
  const level = parseLevel(contents);
  const logsource = parseLogsource(contents);
  const detectionNode = mapGet(contents, 'detection');
  if (!isMapNode(detectionNode)) throw new RuleProblem('SIGMA_MISSING_FIELD', "rule has no 'detection' map", offsetOf(contents));
  const detection = parseDetection(detectionNode, placeholders);
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
    location,
  };
}

function parseLevel(contents: MapNode): Level {
  const level = scalarString(contents, 'level');
  if (level === undefined) return 'medium';
  const lower = level.toLowerCase();
  if (!isLevel(lower)) throw new RuleProblem('SIGMA_BAD_LEVEL', `unknown level '${level}' (informational, low, medium, high or critical)`, offsetOf(mapGet(contents, 'level')));
  return lower;
}

function parseLogsource(contents: MapNode): Logsource {
  const node = mapGet(contents, 'logsource');
  if (!isMapNode(node)) throw new RuleProblem('SIGMA_MISSING_FIELD', "rule has no 'logsource' map", offsetOf(contents));
  const read = (key: string): string | undefined => scalarString(node, key)?.toLowerCase();
  const logsource = { product: read('product'), category: read('category'), service: read('service') };
  if (!logsource.product && !logsource.category && !logsource.service) {
    throw new RuleProblem('SIGMA_MISSING_FIELD', 'logsource names no product, category or service', offsetOf(node));
  }
  return logsource;
}

/** A scalar entry of the map as a string; undefined when absent, null or not a scalar. */
export function scalarString(map: MapNode, key: string): string | undefined {
  const node = mapGet(map, key);
  if (!isScalarNode(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

function stringList(map: MapNode, key: string): string[] {
  const node = mapGet(map, key);
  if (isSeqNode(node)) return node.items.filter((item) => isScalarNode(item) && item.value !== null).map((item) => String((item as { value: unknown }).value));
  if (isScalarNode(node) && node.value !== null) return [String(node.value)];
  return [];
}
