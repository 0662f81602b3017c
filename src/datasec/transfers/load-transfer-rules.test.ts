import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOfEditedFile } from '../../../test/regulation-files.js';
import { defaultRegulationsDirectory } from '../../core/regulations/regulations-directory.js';
import { loadTransferRules } from './load-transfer-rules.js';

const folder = mkdtempSync(join(tmpdir(), 'rampart-transfers-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const original = readFileSync(join(defaultRegulationsDirectory(), 'cross-border-transfers.yaml'), 'utf8');

describe('the built-in transfer rules', () => {
  const rules = loadTransferRules();

  it('holds the Order 16 thresholds with their articles and marks', () => {
    expect(rules.thresholds.individualsStandardContract).toMatchObject({ atLeast: 100_000, source: { article: 'Art. 8' }, confidence: 'verified' });
    expect(rules.thresholds.individualsSecurityAssessment).toMatchObject({ atLeast: 1_000_000, source: { article: 'Art. 7' } });
    expect(rules.thresholds.sensitiveIndividualsSecurityAssessment).toMatchObject({ atLeast: 10_000, source: { article: 'Art. 7' } });
    expect(rules.countingPeriod).toMatchObject({ startsOn: 'january-1', utcOffsetHours: 8 });
    expect(rules.warningShare).toMatchObject({ value: 0.8, setBy: 'rampart' });
  });

  it('marks every reading of Rampart’s as less than verified', () => {
    const records: { source: { short: string }; confidence: string }[] = [];
    const collect = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      if ('confidence' in value && 'source' in value) records.push(value as (typeof records)[number]);
      for (const inner of Object.values(value)) collect(inner);
    };
    collect(rules);
    expect(records.length).toBeGreaterThan(30);
    for (const record of records.filter((candidate) => candidate.source.short.startsWith("Rampart's"))) expect(record.confidence).not.toBe('verified');
  });

  it('is frozen, without the alias-only sources', () => {
    expect('sources' in rules).toBe(false);
    expect(Object.isFrozen(rules.exemptions['small-volume'].requires)).toBe(true);
  });
});

describe('bad transfer rule files', () => {
  it.each([
    {
      name: 'a stricter route needing fewer individuals',
      from: '    atLeast: 1000000\n',
      to: '    atLeast: 50000\n',
      key: 'thresholds.individualsSecurityAssessment.atLeast',
      reason: /stricter route needs at least as many/,
    },
    { name: 'a warning share at the threshold', from: '  value: 0.8\n', to: '  value: 1\n', key: 'warningShare.value', reason: /below 1/ },
    { name: 'an unknown exemption', from: '  emergency:\n', to: '  earthquake: {}\n  emergency:\n', key: 'exemptions.earthquake', reason: /unknown key "earthquake".*docs\/data-governance\.md/ },
    { name: 'a requirement without its source', from: '      ciiOperator: { value: false, source: *order16-art-5-4, confidence: secondary }\n', to: '      ciiOperator: { value: false, confidence: secondary }\n', key: 'exemptions.small-volume.requires.ciiOperator.source', reason: /expected object/ },
  ])('names the file, line and key of $name', ({ from, to, key, reason }) => {
    const { error, namedLine } = errorOfEditedFile(loadTransferRules, original, folder, { from, to, key });
    expect(error.message).toMatch(reason);
    expect(namedLine).toContain(to.trim().split(':')[0]);
  });

  it('reports a missing file by name', () => {
    expect(() => loadTransferRules(join(folder, 'none.yaml'))).toThrow(/Regulation data file not found: .*none\.yaml/);
  });
});
