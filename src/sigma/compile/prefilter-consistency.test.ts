// The anchor prefilter must never lose a match. With every SigmaHQ rule loaded, for each event of the
// SigmaHQ regression data (and the project's demo logs) the rules engine.match() reports are compared with
// the rules found by evaluating EVERY compiled rule of the event's log source directly, without the index.
// The corpus lives outside the repository (<root>/../shared/data/sigma) or at RAMPART_SIGMA_DIR.
//
// The events are read here rather than with src/logs: sigma/ may not import logs/ (DESIGN.md, enforced by
// scripts/check-dependency-direction.js). The regression files are evtx_dump JSON (pretty-printed objects
// one after another); the flattening below gives the Sigma field names the rules use. Both sides of the
// comparison see the same events, so what matters is that they are realistic, not that they are
// byte-for-byte what the real reader yields.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../parse/load-rules.js';
import type { RuleInfo } from '../parse/rule-types.js';
import { buildEngine } from '../engine/sigma-engine.js';
import { defaultMappingFiles, loadLogsourceMappings, type EventSelector } from '../mapping/logsource-mapping.js';
import { findPackageRoot } from '../../core/package-root.js';
import { EventView } from './event-view.js';

type Fields = Record<string, unknown>;

const root = findPackageRoot(import.meta.url) ?? process.cwd();
const sigmaDirectory = process.env.RAMPART_SIGMA_DIR ?? join(root, '..', 'shared', 'data', 'sigma');
const ruleFolders = ['rules', 'rules-emerging-threats', 'rules-threat-hunting'].map((folder) => join(sigmaDirectory, folder));
const regressionDirectory = join(sigmaDirectory, 'regression_data');
const present = existsSync(ruleFolders[0]) && existsSync(regressionDirectory);
if (!present) console.log(`skipped: SigmaHQ rules not found at ${sigmaDirectory} (set RAMPART_SIGMA_DIR)`);

function* filesUnder(directory: string, suffixes: readonly string[]): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path, suffixes);
    else if (suffixes.some((suffix) => entry.name.endsWith(suffix))) yield path;
  }
}

/** Top-level JSON values of a file: one document, NDJSON, or pretty-printed objects one after another. */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return values.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** evtx_dump's element shape: `#text` is the value, each `#attributes` entry becomes `<Element>_<Attribute>`. */
function flattenElement(into: Fields, name: string, value: unknown): void {
  if (!isObject(value)) {
    if (value !== null && value !== undefined && !(name in into)) into[name] = value;
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === '#attributes' && isObject(child)) {
      for (const [attribute, text] of Object.entries(child)) if (!attribute.startsWith('xmlns')) into[`${name}_${attribute}`] = text;
    } else if (key === '#text') into[name] = child;
    else flattenElement(into, key, child);
  }
}

/** A Windows event in Sigma's field names (System fields flattened, EventData / UserData by name); other objects as they are. */
function toFields(value: unknown): Fields | undefined {
  if (!isObject(value)) return undefined;
  const event = isObject(value.Event) ? value.Event : undefined;
  if (!event) return value;
  const fields: Fields = {};
  if (isObject(event.System)) for (const [key, child] of Object.entries(event.System)) flattenElement(fields, key, child);
  if (isObject(event.EventData)) {
    for (const [key, child] of Object.entries(event.EventData)) {
      if (key === '#attributes') continue;
      if (key === 'Data' && Array.isArray(child)) {
        for (const item of child) if (isObject(item) && isObject(item['#attributes'])) fields[String(item['#attributes'].Name)] = item['#text'] ?? null;
      } else if (!(key in fields)) fields[key] = isObject(child) && '#text' in child ? child['#text'] : child;
    }
  }
  if (isObject(event.UserData)) for (const child of Object.values(event.UserData)) if (isObject(child)) for (const [key, leaf] of Object.entries(child)) flattenElement(fields, key, leaf);
  return fields;
}

function readEventFiles(): { file: string; fields: Fields }[] {
  const files = [...filesUnder(regressionDirectory, ['.json'])];
  const demo = join(root, 'data', 'demo');
  if (existsSync(demo)) files.push(...filesUnder(demo, ['.json', '.jsonl']));
  return files.flatMap((file) =>
    jsonValues(readFileSync(file, 'utf8'))
      .map(toFields)
      .filter((fields): fields is Fields => fields !== undefined)
      .map((fields) => ({ file, fields })),
  );
}

/** Whether an event is one the selector's log source covers: its Channel and EventID (or no Channel at all). */
function selectorAccepts(selector: EventSelector, fields: Fields): boolean {
  const channel = fields.Channel;
  if (typeof channel !== 'string') return selector.channels === undefined;
  if (selector.channels === undefined) return false;
  const folded = channel.toLowerCase();
  if (!selector.channels.includes('*') && !selector.channels.some((name) => name.toLowerCase() === folded)) return false;
  return selector.eventIds === undefined || selector.eventIds.includes(Number(fields.EventID));
}

/** A copy of the fields with every string value (nested ones too) transformed; Channel is kept for routing. */
function mapStrings(fields: Fields, transform: (text: string) => string): Fields {
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return transform(value);
    if (Array.isArray(value)) return value.map(visit);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, visit(child)]));
    return value;
  };
  const copy = visit(fields) as Fields;
  copy.Channel = fields.Channel;
  return copy;
}

const ruleName = (rule: RuleInfo): string => `${rule.title} (${rule.location.file}:${rule.location.line})`;

describe.skipIf(!present)('anchor prefilter consistency on the SigmaHQ corpus', () => {
  it('engine.match finds exactly the rules that direct evaluation of every rule of the log source finds', async () => {
    const { rules, errors: parseErrors } = await loadRules(ruleFolders);
    const mappings = loadLogsourceMappings(defaultMappingFiles());
    expect(mappings.errors).toEqual([]);
    const { engine } = buildEngine(rules, mappings.mappings);
    expect(engine.ruleCount).toBeGreaterThan(3000);
    expect(parseErrors.length).toBeLessThan(rules.length / 100);

    const originals = readEventFiles();
    expect(originals.length).toBeGreaterThan(150);
    // Each event also with its text upper- and lower-cased: anchors are folded once at build time and
    // values once per event, and the two must agree (cased and regex rules see the difference too).
    const events = originals.flatMap((event) => [
      event,
      { file: `${event.file} (upper-cased)`, fields: mapStrings(event.fields, (text) => text.toUpperCase()) },
      { file: `${event.file} (lower-cased)`, fields: mapStrings(event.fields, (text) => text.toLowerCase()) },
    ]);
    // The slots the rules were compiled against; a second view over them evaluates rules without the index.
    const view = new EventView(engine['slots']);
    const differences: string[] = [];
    let matches = 0;
    for (const { file, fields } of events) {
      const indexed = new Set(engine.match({ fields, ref: { file } }).map((compiled) => compiled.rule));
      const direct = new Set<RuleInfo>();
      view.reset(fields);
      for (const compiled of engine.compiled) {
        if (selectorAccepts(compiled.selector, fields) && compiled.matches(view)) direct.add(compiled.rule);
      }
      matches += direct.size;
      const lost = [...direct].filter((rule) => !indexed.has(rule));
      const extra = [...indexed].filter((rule) => !direct.has(rule));
      if (lost.length > 0) differences.push(`${file}: prefilter lost ${lost.map(ruleName).join(', ')}`);
      if (extra.length > 0) differences.push(`${file}: engine reported rules direct evaluation does not: ${extra.map(ruleName).join(', ')}`);
    }
    console.log(`prefilter consistency: ${events.length} events (${originals.length} read, each also upper- and lower-cased), ${engine.compiled.length} compiled rules (${engine.ruleCount} rules), ${matches} matches compared`);
    expect(differences).toEqual([]);
    expect(matches).toBeGreaterThan(originals.length / 2);
  });
});
