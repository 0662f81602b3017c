// The typed Sigma rule: what the parser produces from YAML and the compiler consumes.
// Values are fully resolved here (modifiers applied, placeholders expanded, wildcards tokenised),
// so the compiler never re-reads rule text.
import type { Level } from '../../core/level.js';

export interface SourceLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface Logsource {
  readonly product?: string;
  readonly category?: string;
  readonly service?: string;
}

/** One piece of a Sigma string value: literal text or a wildcard. */
export type GlobToken = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'star' } | { readonly kind: 'one' };

export type NumberOperator = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';
export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/**
 * One value test against one field value (or, for keywords, against any value of the event).
 * Rule numbers and booleans compare as their YAML source text (`EventID: 4688`, `0x17`), since
 * events carry them as either numbers or strings; only lt/lte/gt/gte compare numerically.
 */
export type ValueTest =
  /** Sigma string with wildcards; case-insensitive unless `cased`. contains/startswith/endswith add stars. */
  | { readonly type: 'string'; readonly tokens: readonly GlobToken[]; readonly cased: boolean }
  | { readonly type: 'regex'; readonly source: string; readonly flags: string }
  | { readonly type: 'number'; readonly op: NumberOperator; readonly value: number }
  /** `field: null`: the field is absent or empty-null. */
  | { readonly type: 'null' }
  | { readonly type: 'exists'; readonly expected: boolean }
  | { readonly type: 'cidr'; readonly network: string }
  /** `field|fieldref: other`: the value equals the value of another field. */
  | { readonly type: 'fieldref'; readonly field: string; readonly cased: boolean }
  | { readonly type: 'time'; readonly part: TimePart; readonly op: NumberOperator; readonly value: number };

/** A search identifier's body, as a tree of AND / OR over field and keyword predicates. */
export type SearchExpr =
  | { readonly kind: 'and'; readonly items: readonly SearchExpr[] }
  | { readonly kind: 'or'; readonly items: readonly SearchExpr[] }
  | FieldPredicate
  | KeywordPredicate;

export interface FieldPredicate {
  readonly kind: 'field';
  readonly field: string;
  /** 'any': one value test must hold (Sigma's default list OR); 'all': every test must hold (`|all`). */
  readonly match: 'any' | 'all';
  readonly tests: readonly ValueTest[];
  /** `neq`: the predicate holds when the field is present and none of the tests hold. */
  readonly negate: boolean;
}

/** A keyword search: the tests are applied to every value of the event. */
export interface KeywordPredicate {
  readonly kind: 'keyword';
  readonly match: 'any' | 'all';
  readonly tests: readonly ValueTest[];
}

/** The condition, with `x of pattern` already resolved to identifier names. */
export type ConditionExpr =
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'not'; readonly expr: ConditionExpr }
  | { readonly kind: 'and'; readonly items: readonly ConditionExpr[] }
  | { readonly kind: 'or'; readonly items: readonly ConditionExpr[] }
  /** `1 of x*` (quantifier 1: at least one), `all of them` ('all'). */
  | { readonly kind: 'of'; readonly quantifier: 'all' | number; readonly names: readonly string[] };

export interface SigmaRule {
  readonly id?: string;
  readonly title: string;
  readonly status?: string;
  readonly level: Level;
  readonly description?: string;
  readonly author?: string;
  readonly date?: string;
  readonly modified?: string;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly falsepositives: readonly string[];
  /** The rule's `fields`: what an analyst should see. */
  readonly fields: readonly string[];
  readonly logsource: Logsource;
  readonly detection: Readonly<Record<string, SearchExpr>>;
  /** The condition; a condition list is folded into one OR. */
  readonly condition: ConditionExpr;
  readonly location: SourceLocation;
}

/**
 * What is read of a rule once it is compiled: what a detection carries (attribution, level, the
 * rule's file) and what filters and suppressions ask. Not its detection, nor its description and the
 * other text only `rules` commands show: every hunt thread holds one of these per rule.
 */
export type RuleInfo = Pick<SigmaRule, 'id' | 'title' | 'status' | 'level' | 'author' | 'references' | 'tags' | 'location'>;

/** A problem with one rule (or one rule file): the rule is rejected alone. */
export interface RuleError {
  /** Stable code, e.g. `SIGMA_CONDITION_SYNTAX`. */
  readonly code: string;
  readonly message: string;
  readonly location: SourceLocation;
  /** Title or id of the rule, when it got that far. */
  readonly rule?: string;
}

export interface RuleLoadResult {
  readonly rules: SigmaRule[];
  readonly errors: RuleError[];
}
