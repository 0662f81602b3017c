// The shapes the log-source mapping hands to the rest of the engine. Kept apart from the loader so the
// resolver and the selector arithmetic can share them without importing file-reading code.
import type { Logsource } from '../parse/rule-types.js';

/** Which events a mapping entry covers, and how Sigma field names translate for them. */
export interface EventSelector {
  /** Windows channel names (exact, as in the event's Channel field); ['*'] = any Windows channel; absent = the selector applies to events WITHOUT a Channel field (non-Windows). */
  readonly channels?: readonly string[];
  /** EventID values, any of; absent = any. */
  readonly eventIds?: readonly number[];
  /** Further equality conditions on event fields (field → allowed values, any of; compared case-insensitively as strings). */
  readonly conditions?: Readonly<Record<string, readonly (string | number)[]>>;
  /** Sigma field name → the event's field name for this source. */
  readonly fieldMap: Readonly<Record<string, string>>;
  /** Human-readable name of the mapping entry, for docs and errors. */
  readonly name: string;
}

export interface LogsourceMappings {
  /** The selectors whose events can satisfy this logsource, or undefined when the logsource is unknown. */
  resolve(logsource: Logsource): readonly EventSelector[] | undefined;
}

export interface MappingError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * What a rule whose product has no entry for its category or service gets: `reject` (undefined, so the
 * rule is rejected by name) or `unrouted` (tried on events without a Channel field).
 */
export type UnmappedPolicy = 'reject' | 'unrouted';

/** One validated entry of a mapping file. */
export interface MappingEntry {
  /** Lowercased `product|category|service`, empty parts for absent keys: the override key. */
  readonly key: string;
  readonly logsource: Logsource;
  readonly selectors: readonly EventSelector[];
}
