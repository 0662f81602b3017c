// docs/incidents.md's threshold table is written by hand from incident-grading.yaml; this keeps the
// two in step, so the page a compliance officer reads cannot drift from what Rampart applies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGradingRules } from './load-regulations.js';
import { GRADED_LEVELS } from './vocabulary.js';

const DOC = readFileSync(new URL('../../../docs/incidents.md', import.meta.url), 'utf8');
const rules = loadGradingRules();

/** Table rows whose first cell names a fact in backticks: fact → the three level cells, highest first. */
function documentedRows(): Map<string, string[]> {
  const section = DOC.slice(DOC.indexOf('### Thresholds'), DOC.indexOf('## The reporting clock'));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const match = /^\|[^|]*\(`([A-Za-z]+)`\)\s*\|(.*)\|\s*$/.exec(line);
    if (match) rows.set(match[1], match[2].split('|').map((cell) => cell.trim()));
  }
  return rows;
}

describe('docs/incidents.md thresholds table', () => {
  const rows = documentedRows();

  it('has a row for every criterion', () => {
    expect([...rows.keys()].sort()).toEqual(Object.values(rules.criteria).map((criterion) => criterion.fact).sort());
  });

  it.each(Object.entries(rules.criteria))('%s: each level shows the data value and confidence', (_name, criterion) => {
    const cells = rows.get(criterion.fact) ?? [];
    GRADED_LEVELS.forEach((level, index) => {
      const threshold = criterion.thresholds[level];
      const cell = cells[index] ?? '';
      if (threshold === undefined) {
        expect(cell.replace(/[¹²³⁴]/g, '').trim(), `${criterion.fact} ${level}`).toBe('');
        return;
      }
      expect(cell, `${criterion.fact} ${level}`).toMatch(new RegExp(`, ${threshold.confidence}(\\s*[¹²³⁴])?$`));
      if (typeof threshold.value === 'number') {
        const documented = Number((/^[\d,.]+/.exec(cell)?.[0] ?? '').replace(/,/g, ''));
        expect(documented, `${criterion.fact} ${level}`).toBe(threshold.value);
      } else {
        expect(cell.startsWith(threshold.value.replace(/-/g, ' ')), `${criterion.fact} ${level}`).toBe(true);
      }
      expect(threshold.inclusive).toBe(true); // the table says "All inclusive"
    });
  });
});
