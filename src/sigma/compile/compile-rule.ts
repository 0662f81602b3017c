// A typed rule, for one event source of its log source, into a matcher: identifiers compiled once,
// the condition into closures over them, the source's field names and extra conditions applied.
import type { ConditionExpr, RuleInfo, SearchExpr, SigmaRule } from '../parse/rule-types.js';
import type { EventSelector } from '../mapping/logsource-mapping.js';
import { compileFieldPredicate, compileKeywordPredicate, type Matcher } from './value-matchers.js';
import { conditionAnchors, type Anchor } from './anchors.js';
import { MISSING, NULL_VALUE, type FieldSlots } from './event-view.js';

export interface CompiledRule {
  /** The rule without its detection: what filters and detections read (see ruleInfo). */
  readonly rule: RuleInfo;
  readonly selector: EventSelector;
  readonly matches: Matcher;
  /** Necessary literals (see anchors.ts); null when the rule must be tried on every event of its source. */
  readonly anchors: readonly Anchor[] | null;
  /** Event field names to show with a detection: the rule's `fields`, else the fields its detection tests. */
  readonly displayFields: readonly string[];
}

/**
 * What a compiled rule keeps of the typed rule (RuleInfo). A compiled rule holds this rather than the
 * typed rule, so that once every event source of a rule is compiled, its parsed detection tree (about
 * a third of the heap of a hunt thread holding all of SigmaHQ) can be collected. Pass one object for
 * every event source of a rule: the engine tells rules apart by it.
 */
export function ruleInfo(rule: SigmaRule): RuleInfo {
  const { id, title, status, level, author, references, tags, location } = rule;
  return { id, title, status, level, author, references, tags, location };
}

/**
 * No closure made here outlives the call: a closure keeps its whole scope alive, and this scope
 * holds the typed rule. The matchers are built by the functions below, each closing over what it
 * needs alone.
 */
export function compileRule(rule: SigmaRule, selector: EventSelector, slots: FieldSlots, info: RuleInfo = ruleInfo(rule)): CompiledRule {
  const fieldName = fieldNamer(selector.fieldMap);
  const condition = compileCondition(rule.condition, identifierCompiler(rule.detection, fieldName, slots));
  const extra = compileSelectorConditions(selector, slots);
  return {
    rule: info,
    selector,
    matches: extra ? both(extra, condition) : condition,
    anchors: conditionAnchors(rule.condition, rule.detection, fieldName),
    displayFields: displayFields(rule, fieldName),
  };
}

function fieldNamer(fieldMap: Readonly<Record<string, string>>): (sigmaField: string) => string {
  return (sigmaField) => (Object.hasOwn(fieldMap, sigmaField) ? fieldMap[sigmaField] : sigmaField);
}

/** Each search identifier compiled once, however often the condition names it. */
function identifierCompiler(detection: SigmaRule['detection'], fieldName: (sigmaField: string) => string, slots: FieldSlots): (name: string) => Matcher {
  const identifiers = new Map<string, Matcher>();
  return (name) => {
    let matcher = identifiers.get(name);
    if (!matcher) {
      matcher = compileSearch(detection[name], fieldName, slots);
      identifiers.set(name, matcher);
    }
    return matcher;
  };
}

function both(first: Matcher, second: Matcher): Matcher {
  return (view) => first(view) && second(view);
}

function compileSearch(expr: SearchExpr, fieldName: (sigmaField: string) => string, slots: FieldSlots): Matcher {
  switch (expr.kind) {
    case 'field':
      return compileFieldPredicate(expr, fieldName, slots);
    case 'keyword':
      return compileKeywordPredicate(expr);
    case 'and': {
      const items = compileSearches(expr.items, fieldName, slots);
      if (items.length === 2) {
        const [first, second] = items;
        return (view) => first(view) && second(view);
      }
      return (view) => allMatch(items, view);
    }
    case 'or': {
      const items = compileSearches(expr.items, fieldName, slots);
      return (view) => anyMatches(items, view);
    }
  }
}

// The two below map lists apart from the switches that use them: an arrow in a switch that names
// `identifier` would put it in the scope every matcher made there keeps, and through it the rule.
function compileSearches(items: readonly SearchExpr[], fieldName: (sigmaField: string) => string, slots: FieldSlots): Matcher[] {
  return items.map((item) => compileSearch(item, fieldName, slots));
}

function compileConditions(items: readonly ConditionExpr[], identifier: (name: string) => Matcher): Matcher[] {
  return items.map((item) => compileCondition(item, identifier));
}

function compileCondition(expr: ConditionExpr, identifier: (name: string) => Matcher): Matcher {
  switch (expr.kind) {
    case 'ref':
      return identifier(expr.name);
    case 'not': {
      const inner = compileCondition(expr.expr, identifier);
      return (view) => !inner(view);
    }
    case 'and': {
      const items = compileConditions(expr.items, identifier);
      if (items.length === 2) {
        const [first, second] = items;
        return (view) => first(view) && second(view);
      }
      return (view) => allMatch(items, view);
    }
    case 'or': {
      const items = compileConditions(expr.items, identifier);
      return (view) => anyMatches(items, view);
    }
    case 'of': {
      const items = expr.names.map(identifier);
      if (expr.quantifier === 'all') return (view) => allMatch(items, view);
      const needed = expr.quantifier;
      if (needed === 1) return (view) => anyMatches(items, view);
      return (view) => {
        let count = 0;
        for (const item of items) if (item(view) && ++count >= needed) return true;
        return false;
      };
    }
  }
}

// Loops rather than `items.every((item) => item(view))`: that form allocates a closure on every
// evaluation, and rules are evaluated for every event (the heap profile showed them as garbage).
function allMatch(items: readonly Matcher[], view: Parameters<Matcher>[0]): boolean {
  for (let i = 0; i < items.length; i++) if (!items[i](view)) return false;
  return true;
}

function anyMatches(items: readonly Matcher[], view: Parameters<Matcher>[0]): boolean {
  for (let i = 0; i < items.length; i++) if (items[i](view)) return true;
  return false;
}

/** The mapping's extra conditions (e.g. EventType: CreateKey for registry_add). */
function compileSelectorConditions(selector: EventSelector, slots: FieldSlots): Matcher | undefined {
  const entries = Object.entries(selector.conditions ?? {});
  if (entries.length === 0) return undefined;
  const checks = entries.map(([field, allowed]) => {
    const slot = slots.slotOf(field);
    const values = new Set(allowed.map((value) => String(value).toLowerCase()));
    return (view: Parameters<Matcher>[0]): boolean => {
      const value = view.folded(slot);
      if (value === MISSING || value === NULL_VALUE) return false;
      return typeof value === 'string' ? values.has(value) : value.some((item) => values.has(item));
    };
  });
  return (view) => allMatch(checks, view);
}

function displayFields(rule: SigmaRule, fieldName: (sigmaField: string) => string): string[] {
  if (rule.fields.length > 0) return rule.fields.map(fieldName);
  const names = new Set<string>();
  const visit = (expr: SearchExpr): void => {
    if (expr.kind === 'field') names.add(fieldName(expr.field));
    else if (expr.kind === 'and' || expr.kind === 'or') expr.items.forEach(visit);
  };
  Object.values(rule.detection).forEach(visit);
  return [...names];
}
