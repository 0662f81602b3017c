// Every logsource that SigmaHQ's rules use must resolve with the built-in mappings; otherwise those rules
// would be rejected. Only each file's `logsource` block is parsed, so this stays independent of the rule
// parser. The corpus lives outside the repository (<root>/../shared/data/sigma) or at RAMPART_SIGMA_DIR.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Logsource } from '../parse/rule-types.js';
import { describeLogsource } from './logsource-key.js';
import { defaultMappingFiles, loadLogsourceMappings } from './logsource-mapping.js';
import { findPackageRoot } from '../../core/package-root.js';

const folders = ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-placeholder'];
const root = findPackageRoot(import.meta.url) ?? process.cwd();
const sigmaDirectory = process.env.RAMPART_SIGMA_DIR ?? join(root, '..', 'shared', 'data', 'sigma');
const present = folders.some((folder) => existsSync(join(sigmaDirectory, folder)));
if (!present) console.log(`skipped: SigmaHQ rules not found in ${sigmaDirectory} (set RAMPART_SIGMA_DIR)`);

// A top-level `logsource:` line and the indented (or blank) lines under it.
const logsourceBlock = /^logsource:[^\n]*\n(?:(?:[ \t][^\n]*)?\n)*/m;

function* ruleFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* ruleFiles(path);
    else if (entry.name.endsWith('.yml') || entry.name.endsWith('.yaml')) yield path;
  }
}

function readLogsource(file: string): Logsource | undefined {
  const block = logsourceBlock.exec(readFileSync(file, 'utf8'));
  if (!block) return undefined;
  const value = (parse(block[0]) as { logsource?: Record<string, unknown> } | null)?.logsource ?? {};
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  return { product: text('product'), category: text('category'), service: text('service') };
}

describe.skipIf(!present)('SigmaHQ rule coverage', () => {
  it('resolves the logsource of every rule', () => {
    const { mappings, errors } = loadLogsourceMappings(defaultMappingFiles());
    expect(errors).toEqual([]);
    const unresolved = new Map<string, string[]>();
    let rules = 0;
    for (const folder of folders) {
      const directory = join(sigmaDirectory, folder);
      if (!existsSync(directory)) continue;
      for (const file of ruleFiles(directory)) {
        const logsource = readLogsource(file);
        if (!logsource) continue;
        rules++;
        if (mappings.resolve(logsource)) continue;
        const label = describeLogsource(logsource);
        unresolved.set(label, [...(unresolved.get(label) ?? []), relative(sigmaDirectory, file)]);
      }
    }
    const report = [...unresolved].map(([label, files]) => `${label}: ${files.length} rule(s), e.g. ${files[0]}`).join('\n');
    expect(rules).toBeGreaterThan(1000);
    expect(report, `unresolved logsources:\n${report}`).toBe('');
  });
});
