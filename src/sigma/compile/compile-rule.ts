// A typed rule, for one event source of its log source, into a matcher: identifiers compiled once,
// the condition into closures over them, the source's field names and extra conditions applied.
import type { ConditionExpr, SearchExpr, SigmaRule } from '../parse/rule-types.js';
import type { EventSelector } from '../mapping/logsource-mapping.js';
import { compileFieldPredicate, compileKeywordPredicate, type Matcher } from './value-matchers.js';
import { conditionAnchors, type Anchor } from './anchors.js';
import { MISSING, NULL_VALUE, type FieldSlots } from './event-view.js';

export interface CompiledRule {
  readonly rule: SigmaRule;
  readonly selector: EventSelector;
  readonly matches: Matcher;
  /** Necessary literals (see anchors.ts); null when the rule must be tried on every event of its source. */
  readonly anchors: readonly Anchor[] | null;
  /** Event field names to show with a detection: the rule's `fields`, else the fields its detection tests. */
  readonly displayFields: readonly string[];
}

export function compileRule(rule: SigmaRule, selector: EventSelector, slots: FieldSlots): CompiledRule {
  const fieldName = (sigmaField: string): string => (Object.hasOwn(selector.fieldMap, sigmaField) ? selector.fieldMap[sigmaField] : sigmaField);
  const identifiers = new Map<string, Matcher>();
  const identifier = (name: string): Matcher => {
    let matcher = identifiers.get(name);
    if (!matcher) {
      matcher = compileSearch(rule.detection[name], fieldName, slots);
      identifiers.set(name, matcher);
    }
    return matcher;
  };
  const condition = compileCondition(rule.condition, identifier);
  const extra = compileSelectorConditions(selector, slots);
  const matches: Matcher = extra ? (view) => extra(view) && condition(view) : condition;
  return {
    rule,
    selector,
    matches,
    anchors: conditionAnchors(rule.condition, rule.detection, fieldName),
    displayFields: displayFields(rule, fieldName),
  };
}

function compileSearch(expr: SearchExpr, fieldName: (sigmaField: string) => string, slots: FieldSlots): Matcher {
  switch (expr.kind) {
    case 'field':
      return compileFieldPredicate(expr, fieldName, slots);
    case 'keyword':
      return compileKeywordPredicate(expr);
    case 'and': {
      const items = expr.items.map((item) => compileSearch(item, fieldName, slots));
      if (items.length === 2) {
        const [first, second] = items;
        return (view) => first(view) && second(view);
      }
      return (view) => allMatch(items, view);
    }
    case 'or': {
      const items = expr.items.map((item) => compileSearch(item, fieldName, slots));
      return (view) => anyMatches(items, view);
    }
  }
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
      const items = expr.items.map((item) => compileCondition(item, identifier));
      if (items.length === 2) {
        const [first, second] = items;
        return (view) => first(view) && second(view);
      }
      return (view) => allMatch(items, view);
    }
    case 'or': {
      const items = expr.items.map((item) => compileCondition(item, identifier));
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
