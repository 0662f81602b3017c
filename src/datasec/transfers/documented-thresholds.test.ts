// docs/data-governance.md's tables are written by hand from cross-border-transfers.yaml; this keeps the
// two in step, so the page a compliance officer reads cannot drift from what Rampart applies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTransferRules } from './load-transfer-rules.js';
import { EXEMPTION_IDS, THRESHOLD_IDS } from './transfer-vocabulary.js';

const DOC = readFileSync(new URL('../../../docs/data-governance.md', import.meta.url), 'utf8');
const rules = loadTransferRules();

function section(from: string, to: string): string {
  const start = DOC.indexOf(from);
  const end = DOC.indexOf(to, start);
  expect(start, from).toBeGreaterThanOrEqual(0);
  expect(end, to).toBeGreaterThan(start);
  return DOC.slice(start, end);
}

/** Body rows of the section's tables whose cell `keyCell` holds an id in backticks: id → cells. */
function rows(text: string, keyCell: number): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let inBody = false; // the header row names the column's key, not a record
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      inBody = false;
      continue;
    }
    if (line.startsWith('|---')) {
      inBody = true;
      continue;
    }
    if (!inBody) continue;
    const cells = line.slice(1, -1).split('|').map((cell) => cell.trim());
    const id = /`([\w-]+)`/.exec(cells[keyCell] ?? '')?.[1];
    if (id !== undefined) found.set(id, cells);
  }
  return found;
}

const number = (cell: string): number => Number((/[\d,]+/.exec(cell)?.[0] ?? 'NaN').replace(/,/g, ''));

describe('docs/data-governance.md', () => {
  it('quotes every threshold with its number, source and mark', () => {
    const table = rows(section('### Thresholds', '### The decision procedure'), 0);
    expect([...table.keys()].sort()).toEqual([...THRESHOLD_IDS].sort());
    for (const id of THRESHOLD_IDS) {
      const threshold = rules.thresholds[id];
      const [, counts, atLeast, route, source, mark] = table.get(id) ?? [];
      expect(number(atLeast), id).toBe(threshold.atLeast);
      expect(counts, id).toBe(threshold.counts === 'individuals' ? 'individuals' : 'sensitive individuals');
      expect(route, id).toBe(threshold.route === 'security-assessment' ? 'security assessment' : 'standard contract or certification');
      expect(source, id).toBe(`${threshold.source.short} ${threshold.source.article}`);
      expect(mark, id).toBe(threshold.confidence);
    }
  });

  it('quotes the warning share', () => {
    expect(section('### Thresholds', '### The decision procedure')).toContain(`**${Math.round(rules.warningShare.value * 100)} %** (\`warningShare\``);
  });

  it('quotes every exemption with its article and mark', () => {
    const table = rows(section('### Exemptions', '## Obligations'), 0);
    expect([...table.keys()].sort()).toEqual([...EXEMPTION_IDS].sort());
    for (const id of EXEMPTION_IDS) {
      const exemption = rules.exemptions[id];
      const [, article, mark, , counted] = table.get(id) ?? [];
      expect(article, id).toBe(`${exemption.source.short} ${exemption.source.article}`);
      expect(mark, id).toBe(exemption.confidence);
      if (id !== 'no-personal-or-important-data') expect(counted.startsWith(exemption.countsTowardThresholds.value ? 'yes' : 'no'), id).toBe(true);
    }
  });

  it('quotes every obligation with its period, source and mark', () => {
    const table = rows(section('## Obligations and working days', '**Working days.**'), 0);
    const periods = {
      assessmentValidity: rules.obligations.assessmentValidity.years,
      assessmentRenewal: rules.obligations.assessmentRenewal.workingDaysBeforeExpiry,
      standardContractFiling: rules.obligations.standardContractFiling.workingDaysAfterEffect,
      pipiaRetention: rules.obligations.pipiaRetention.years,
    };
    expect([...table.keys()].sort()).toEqual(Object.keys(periods).sort());
    for (const [id, period] of Object.entries(periods)) {
      const record = rules.obligations[id as keyof typeof periods];
      const [, , duration, source, mark] = table.get(id) ?? [];
      expect(number(duration), id).toBe(period);
      expect(duration, id).toMatch('workingDaysBeforeExpiry' in record || 'workingDaysAfterEffect' in record ? /working days/ : /years/);
      expect(source, id).toBe(`${record.source.short} ${record.source.article}`);
      expect(mark, id).toBe(record.confidence);
    }
  });
});
