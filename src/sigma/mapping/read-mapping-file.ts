// Reads one mapping file into validated entries and product policies. A YAML syntax error skips the
// file (a half-parsed document could yield wrong entries that still validate); a schema error skips only
// its entry. Nothing here throws: every problem becomes a MappingError at file:line:column.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Logsource } from '../parse/rule-types.js';
import { describeLogsource, logsourceKey } from './logsource-key.js';
import { entrySchema, fileSchema, productPolicySchema, type EntryInput, type SelectorInput } from './mapping-schema.js';
import type { EventSelector, MappingEntry, MappingError, UnmappedPolicy } from './mapping-types.js';
import { locatePath, offsetToLineColumn } from './yaml-location.js';

export interface MappingFileContent {
  readonly entries: MappingEntry[];
  /** Product (lowercased) → what its unmapped categories and services mean. */
  readonly products: Map<string, UnmappedPolicy>;
  readonly errors: MappingError[];
}

export function readMappingFile(file: string): MappingFileContent {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { entries: [], products: new Map(), errors: [{ file, line: 1, column: 1, message: `cannot read mapping file: ${reason}` }] };
  }
  return parseMappingText(text, file);
}

export function parseMappingText(text: string, file: string): MappingFileContent {
  const entries: MappingEntry[] = [];
  const products = new Map<string, UnmappedPolicy>();
  const errors: MappingError[] = [];
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const at = offsetToLineColumn(lineCounter, error.pos[0]);
      errors.push({ file, ...at, message: `YAML syntax: ${firstLine(error.message)}; file skipped` });
    }
    return { entries, products, errors };
  }

  const report = (issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[], skipped: string): void => {
    for (const issue of issues) {
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const path = unknownKey === undefined ? [...base, ...issue.path] : [...base, ...issue.path, unknownKey];
      const at = locatePath(document, lineCounter, path, unknownKey !== undefined);
      errors.push({ file, ...at, message: `${describePath(path)}: ${issue.message}; ${skipped}` });
    }
  };

  const outline = fileSchema.safeParse(document.toJS());
  if (!outline.success) {
    report(outline.error.issues, [], 'file skipped');
    return { entries, products, errors };
  }

  for (const [product, raw] of Object.entries(outline.data.products ?? {})) {
    const policy = productPolicySchema.safeParse(raw);
    if (policy.success) products.set(product.trim().toLowerCase(), policy.data.unmapped);
    else report(policy.error.issues, ['products', product], 'product setting skipped');
  }

  const seen = new Map<string, number>();
  (outline.data.mappings ?? []).forEach((raw, index) => {
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      report(parsed.error.issues, ['mappings', index], 'entry skipped');
      return;
    }
    const entry = toEntry(parsed.data);
    const earlier = seen.get(entry.key);
    if (earlier !== undefined) {
      const at = locatePath(document, lineCounter, ['mappings', index, 'logsource']);
      errors.push({
        file,
        ...at,
        message: `mappings[${index}]: logsource ${describeLogsource(entry.logsource)} is already mapped by mappings[${earlier}] in this file; entry skipped`,
      });
      return;
    }
    seen.set(entry.key, index);
    entries.push(entry);
  });
  return { entries, products, errors };
}

function toEntry(input: EntryInput): MappingEntry {
  const logsource: Logsource = dropUndefined({
    product: input.logsource.product,
    category: input.logsource.category,
    service: input.logsource.service,
  });
  const label = describeLogsource(logsource);
  return {
    key: logsourceKey(logsource),
    logsource: Object.freeze(logsource),
    selectors: Object.freeze(input.selectors.map((selector) => toSelector(selector, label))),
  };
}

function toSelector(input: SelectorInput, label: string): EventSelector {
  const selector: EventSelector = dropUndefined({
    name: input.name ? `${label} (${input.name})` : label,
    channels: input.channels ? Object.freeze([...input.channels]) : undefined,
    eventIds: input.eventIds ? Object.freeze([...input.eventIds]) : undefined,
    conditions: input.conditions ? freezeConditions(input.conditions) : undefined,
    fieldMap: Object.freeze({ ...(input.fieldMap ?? {}) }),
  });
  return Object.freeze(selector);
}

function freezeConditions(conditions: Record<string, (string | number)[]>): Readonly<Record<string, readonly (string | number)[]>> {
  const frozen: Record<string, readonly (string | number)[]> = {};
  for (const [field, values] of Object.entries(conditions)) frozen[field] = Object.freeze([...values]);
  return Object.freeze(frozen);
}

/** Optional properties stay absent rather than present-and-undefined, so `'channels' in s` means something. */
function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function describePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : `${text ? '.' : ''}${String(segment)}`;
  return text || '(file)';
}

/** yaml's messages repeat the position and a code excerpt after the first line. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
