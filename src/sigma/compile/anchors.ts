// Anchors: for each compiled rule, a set of literal strings such that the rule can only match an
// event in which at least one of them occurs (in its field, or anywhere for keywords). The anchor
// index uses them to pick the few rules worth evaluating for an event; a rule with no such set
// (only `not`, regexes, numbers, ...) is evaluated on every event of its log source.
import type { ConditionExpr, SearchExpr, ValueTest } from '../parse/rule-types.js';
import { requiredLiteral } from './regex-literal.js';

export interface Anchor {
  /** The event field (after field mapping), or KEYWORD_FIELD for any value of the event. */
  readonly field: string;
  /** 'equals': the whole folded value; 'substring': somewhere in the folded value. */
  readonly kind: 'equals' | 'substring';
  /** Lower-cased literal. */
  readonly text: string;
}

export const KEYWORD_FIELD = '\u0000keyword';

/**
 * Literals nearly every Windows event holds somewhere (paths, the vendor, the system account): a
 * rule anchored on one of them would be evaluated on most events, so any other necessary literal of
 * the rule is preferred. Measured on the benchmark corpus (docs/performance.md); order is irrelevant.
 */
const COMMON_LITERALS = new Set([
  '.exe', '.dll', 'exe', 'c:\\', '\\windows\\', 'c:\\windows\\', '\\system32\\', 'c:\\windows\\system32\\',
  '\\syswow64\\', 'c:\\windows\\syswow64\\', '\\system32', 'system32', 'microsoft corporation', 'microsoft',
  'microsoft windows', '\\svchost.exe', 'svchost.exe', 'c:\\windows\\system32\\svchost.exe', '\\program files',
  'c:\\program files', '\\program files\\', '\\users\\', 'c:\\users\\', '\\appdata\\', 'authori', 'autori',
  'nt authority', 'nt authority\\system', 'system', 'medium', 'high', 'microsoft® windows® operating system',
]);

/** Single characters rare enough in log values to anchor a regex on (e.g. PowerShell's backtick). */
const RARE_SINGLE_CHARACTERS = '`^~|<>{}';

/** Fields that events are routed by, or that take few values: poor anchors, since nearly every event of a group has them. */
const LOW_SELECTIVITY_FIELDS = new Set(['EventID', 'Channel', 'Provider_Name', 'Level', 'Task', 'Opcode', 'Version', 'EventType']);

type AnchorSet = Anchor[] | null;

export function conditionAnchors(condition: ConditionExpr, detection: Readonly<Record<string, SearchExpr>>, fieldName: (sigmaField: string) => string): AnchorSet {
  const memo = new Map<string, AnchorSet>();
  const ofIdentifier = (name: string): AnchorSet => {
    if (!memo.has(name)) memo.set(name, searchAnchors(detection[name], fieldName));
    return memo.get(name) ?? null;
  };
  const visit = (expr: ConditionExpr): AnchorSet => {
    switch (expr.kind) {
      case 'ref':
        return ofIdentifier(expr.name);
      case 'not':
        return null;
      case 'and':
        return best(expr.items.map(visit));
      case 'or':
        return union(expr.items.map(visit));
      case 'of': {
        const sets = expr.names.map(ofIdentifier);
        return expr.quantifier === 'all' ? best(sets) : union(sets);
      }
    }
  };
  return visit(condition);
}

function searchAnchors(expr: SearchExpr, fieldName: (sigmaField: string) => string): AnchorSet {
  switch (expr.kind) {
    case 'and':
      return best(expr.items.map((item) => searchAnchors(item, fieldName)));
    case 'or':
      return union(expr.items.map((item) => searchAnchors(item, fieldName)));
    case 'field': {
      if (expr.negate) return null;
      const field = fieldName(expr.field);
      const sets = expr.tests.map((test) => testAnchors(test, field));
      return expr.match === 'all' ? best(sets) : union(sets);
    }
    case 'keyword': {
      const sets = expr.tests.map((test) => testAnchors(test, KEYWORD_FIELD));
      return expr.match === 'all' ? best(sets) : union(sets);
    }
  }
}

function testAnchors(test: ValueTest, field: string): AnchorSet {
  if (test.type === 'regex') {
    // ASCII only: folding then treats the literal and the value alike (no Greek final sigma surprises).
    const literal = requiredLiteral(test.source);
    const usable = literal !== undefined && /^[\x00-\x7f]+$/.test(literal) && (literal.length >= 2 || RARE_SINGLE_CHARACTERS.includes(literal));
    return usable ? [{ field, kind: 'substring', text: (literal as string).toLowerCase() }] : null;
  }
  if (test.type !== 'string') return null;
  const tokens = test.tokens;
  if (tokens.length === 0) return field === KEYWORD_FIELD ? null : [{ field, kind: 'equals', text: '' }];
  if (tokens.length === 1 && tokens[0].kind === 'text') {
    const text = tokens[0].text.toLowerCase();
    return field === KEYWORD_FIELD ? [{ field, kind: 'substring', text }] : [{ field, kind: 'equals', text }];
  }
  // Any text piece of the glob must occur; take the one least likely to occur by chance.
  let chosen: Anchor | undefined;
  for (const token of tokens) {
    if (token.kind !== 'text') continue;
    const anchor: Anchor = { field, kind: 'substring', text: token.text.toLowerCase() };
    if (!chosen || anchorChance(anchor) < anchorChance(chosen)) chosen = anchor;
  }
  return chosen ? [chosen] : null;
}

function union(sets: AnchorSet[]): AnchorSet {
  const result: Anchor[] = [];
  for (const set of sets) {
    if (set === null) return null;
    result.push(...set);
  }
  return result;
}

/** Of alternatives that are each necessary, the one least likely to occur by chance. */
function best(sets: AnchorSet[]): AnchorSet {
  let chosen: AnchorSet = null;
  let chosenCost = Infinity;
  for (const set of sets) {
    if (set === null) continue;
    const cost = setCost(set);
    if (cost < chosenCost) {
      chosen = set;
      chosenCost = cost;
    }
  }
  return chosen;
}

/** Rough chance that some anchor of the set occurs in an unrelated event: short literals are common. */
function setCost(set: readonly Anchor[]): number {
  let cost = 0;
  for (const anchor of set) cost += anchorChance(anchor);
  return cost;
}

function anchorChance(anchor: Anchor): number {
  if (LOW_SELECTIVITY_FIELDS.has(anchor.field) || COMMON_LITERALS.has(anchor.text)) return 1;
  const length = anchor.text.length;
  let chance = 1 / ((1 + length) * (1 + length));
  if (anchor.kind === 'equals') chance *= 0.5;
  if (anchor.field === KEYWORD_FIELD) chance *= 3;
  return chance;
}
