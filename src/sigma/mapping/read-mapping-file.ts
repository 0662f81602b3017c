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
import { locatePath, offsetToLineColumn, type LineColumn } from '../../core/yaml-location.js';
import { readFastYamlValue } from '../parse/fast-yaml.js';

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
  // The fast reader first (js-yaml: a tenth of the time of \`yaml\` on a cold start, which was most of
  // loading the built-in mappings). Any problem at all, and the file is read again with places.
  const fast = readFastYamlValue(text);
  if (fast !== undefined) {
    const content = mappingContent(fast.value, file, () => ({ line: 1, column: 1 }));
    if (content.errors.length === 0) return content;
  }
  return parseMappingTextLocated(text, file);
}

/** The same with `yaml` only, every problem at its place: the reference the fast reader is tested against. */
export function parseMappingTextLocated(text: string, file: string): MappingFileContent {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  if (document.errors.length > 0) {
    const errors = document.errors.map((error): MappingError => {
      const at = offsetToLineColumn(lineCounter, error.pos[0]);
      return { file, ...at, message: `YAML syntax: ${firstLine(error.message)}; file skipped` };
    });
    return { entries: [], products: new Map(), errors };
  }
  return mappingContent(document.toJS(), file, (path, atKey) => locatePath(document, lineCounter, path, atKey));
}

/** The validated content of a mapping file's values; `locate` places a problem found at a path. */
function mappingContent(raw: unknown, file: string, locate: (path: readonly PropertyKey[], atKey?: boolean) => LineColumn): MappingFileContent {
  const entries: MappingEntry[] = [];
  const products = new Map<string, UnmappedPolicy>();
  const errors: MappingError[] = [];
  const report = (issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[], skipped: string): void => {
    for (const issue of issues) {
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const path = unknownKey === undefined ? [...base, ...issue.path] : [...base, ...issue.path, unknownKey];
      const at = locate(path, unknownKey !== undefined);
      errors.push({ file, ...at, message: `${describePath(path)}: ${issue.message}; ${skipped}` });
    }
  };

  const outline = fileSchema.safeParse(raw);
  if (!outline.success) {
    report(outline.error.issues, [], 'file skipped');
    return { entries, products, errors };
  }

  for (const [product, policyInput] of Object.entries(outline.data.products ?? {})) {
    const policy = productPolicySchema.safeParse(policyInput);
    if (policy.success) products.set(product.trim().toLowerCase(), policy.data.unmapped);
    else report(policy.error.issues, ['products', product], 'product setting skipped');
  }

  const seen = new Map<string, number>();
  (outline.data.mappings ?? []).forEach((entryInput, index) => {
    const parsed = entrySchema.safeParse(entryInput);
    if (!parsed.success) {
      report(parsed.error.issues, ['mappings', index], 'entry skipped');
      return;
    }
    const entry = toEntry(parsed.data);
    const earlier = seen.get(entry.key);
    if (earlier !== undefined) {
      errors.push({
        file,
        ...locate(['mappings', index, 'logsource']),
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
