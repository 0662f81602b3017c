import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RampartError } from '../../core/errors.js';
import { defaultRegulationsDirectory } from '../../core/regulations/regulations-directory.js';
import { loadGradingRules, loadIncidentRegulations, loadReportingRules } from './load-regulations.js';

const folder = mkdtempSync(join(tmpdir(), 'rampart-regulations-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let fileCount = 0;
function writeYaml(text: string): string {
  const file = join(folder, `file-${++fileCount}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** The error a load throws, so its code and parameters can be checked. */
function loadError(load: () => unknown): RampartError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(RampartError);
    return error as RampartError;
  }
  throw new Error('expected the load to fail');
}

const defaultGrading = readFileSync(join(defaultRegulationsDirectory(), 'incident-grading.yaml'), 'utf8');

describe('built-in regulation data', () => {
  const regulations = loadIncidentRegulations();

  it('loads the Grading Guide thresholds and the Art. 4 deadlines', () => {
    expect(regulations.grading.criteria.personalInformationLeaked.thresholds.major).toMatchObject({ value: 10_000_000, inclusive: true, confidence: 'verified' });
    expect(regulations.grading.criteria.ciiFullyDown.thresholds.major).toMatchObject({ value: 2, confidence: 'draft' });
    expect(regulations.grading.mustReport.minimumLevel).toBe('relatively-major');
    expect(regulations.reporting.firstReport.byOperatorType['cii-operator'].within).toEqual({ hours: 1 });
    expect(regulations.reporting.closingReport.within).toEqual({ days: 30 });
    expect(regulations.grading.overriddenRecords).toEqual([]);
  });

  it('gives every threshold and report field a source and a confidence', () => {
    for (const criterion of Object.values(regulations.grading.criteria)) {
      for (const threshold of Object.values(criterion.thresholds)) {
        expect(threshold?.source.instrument.length).toBeGreaterThan(0);
        expect(['verified', 'secondary', 'unverified', 'draft']).toContain(threshold?.confidence);
      }
    }
    for (const field of Object.values(regulations.reporting.reportFields)) expect(field.source.short.length).toBeGreaterThan(0);
  });

  it('drops the alias-only sources section and freezes what it returns', () => {
    expect('sources' in regulations.grading).toBe(false);
    expect(Object.isFrozen(regulations.grading.criteria.ciiFullyDown.thresholds.major)).toBe(true);
    expect(() => {
      (regulations.grading.mustReport as { minimumLevel: string }).minimumLevel = 'major';
    }).toThrow(TypeError);
  });
});

describe('override files', () => {
  it('replaces a draft threshold record whole and says it was overridden', () => {
    const override = writeYaml(`
criteria:
  ciiFullyDown:
    thresholds:
      major:
        value: 1
        inclusive: false
        source: { instrument: Final Grading Guide as read by our legal team, short: Legal review 2025-12, article: 'Annex, major' }
        confidence: verified
`);
    const rules = loadGradingRules(override);
    expect(rules.criteria.ciiFullyDown.thresholds.major).toEqual({
      value: 1,
      inclusive: false,
      source: { instrument: 'Final Grading Guide as read by our legal team', short: 'Legal review 2025-12', article: 'Annex, major' },
      confidence: 'verified',
    });
    // Everything the override does not name keeps its default.
    expect(rules.criteria.ciiFullyDown.thresholds['particularly-major']?.value).toBe(6);
    expect(rules.criteria.ciiFullyDown.description).toBe('critical information infrastructure fully down');
    expect(rules.overriddenRecords).toEqual(['criteria.ciiFullyDown.thresholds.major']);
    expect(rules.files).toHaveLength(2);
  });

  it('adds a threshold the defaults lack and overrides a deadline', () => {
    const grading = loadGradingRules(
      writeYaml(`
criteria:
  coreOrImportantDataLeaked:
    thresholds:
      major: { value: serious, inclusive: true, source: { instrument: x, short: x, article: x }, confidence: unverified }
`),
    );
    expect(grading.criteria.coreOrImportantDataLeaked.thresholds.major?.value).toBe('serious');
    const reporting = loadReportingRules(
      writeYaml(`
firstReport:
  byOperatorType:
    other-operator: { within: { hours: 2 }, reportTo: [sector regulator], source: { instrument: x, short: x, article: x }, confidence: secondary }
`),
    );
    expect(reporting.firstReport.byOperatorType['other-operator'].within).toEqual({ hours: 2 });
    expect(reporting.firstReport.byOperatorType['cii-operator'].within).toEqual({ hours: 1 });
    expect(reporting.overriddenRecords).toEqual(['firstReport.byOperatorType.other-operator']);
  });

  it('rejects an override record without its citation, naming the file, line and key', () => {
    const override = writeYaml(['criteria:', '  ciiFullyDown:', '    thresholds:', '      major: { value: 1, inclusive: true }', ''].join('\n'));
    const error = loadError(() => loadGradingRules(override));
    expect(error.code).toBe('RAMPART_E_REGULATION_INVALID');
    expect(error.params).toMatchObject({ file: override, line: 4, key: 'criteria.ciiFullyDown.thresholds.major.source' });
  });

  it('rejects an override that puts a lower level above a higher one', () => {
    const override = writeYaml(`
criteria:
  personalInformationLeaked:
    thresholds:
      relatively-major: { value: 50000000, inclusive: true, source: { instrument: x, short: x, article: x }, confidence: draft }
`);
    const error = loadError(() => loadGradingRules(override));
    expect(error.params).toMatchObject({ file: override, key: 'criteria.personalInformationLeaked.thresholds.relatively-major.value' });
    expect(error.message).toMatch(/lower level needs a lower or equal threshold/);
  });

  it('reports a missing override file by name', () => {
    const error = loadError(() => loadGradingRules(join(folder, 'no-such-override.yaml')));
    expect(error.code).toBe('RAMPART_E_REGULATION_NOT_FOUND');
    expect(error.message).toContain('no-such-override.yaml');
  });
});

describe('bad regulation files', () => {
  it.each([
    {
      name: 'a YAML syntax error',
      text: 'criteria:\n  ciiFullyDown: [unclosed\n',
      key: '(YAML syntax)',
      line: 3,
    },
    {
      name: 'an unknown key',
      text: defaultGrading.replace('    unit: people\n', '    unit: people\n    unitt: people\n'),
      key: 'criteria.essentialServicesLost.unitt',
      reason: /unknown key "unitt"/,
    },
    {
      name: 'a wrong type',
      text: defaultGrading.replace('major: { value: 10000000, inclusive: true, source: *guide-major', 'major: { value: 10000000, inclusive: yes please, source: *guide-major'),
      key: 'criteria.personalInformationLeaked.thresholds.major.inclusive',
      reason: /expected boolean/,
    },
    {
      name: 'an unknown confidence mark',
      text: defaultGrading.replace('mustReport:\n  minimumLevel: relatively-major\n  source: *measures-art-4\n  confidence: verified', 'mustReport:\n  minimumLevel: relatively-major\n  source: *measures-art-4\n  confidence: sure'),
      key: 'mustReport.confidence',
    },
    {
      name: 'an unknown fact',
      text: defaultGrading.replace('fact: directEconomicLossYuan', 'fact: directEconomicLossDollars'),
      key: 'criteria.directEconomicLoss.fact',
    },
  ])('names the file, line and key of $name', ({ text, key, line, reason }) => {
    const file = writeYaml(text);
    const error = loadError(() => loadGradingRules(undefined, file));
    expect(error.code).toBe('RAMPART_E_REGULATION_INVALID');
    expect(error.params.file).toBe(file);
    expect(error.params.key).toBe(key);
    expect(error.message).toContain(file);
    if (line !== undefined) expect(error.params.line).toBe(line);
    else {
      // The line is where the key sits in the file.
      const lines = text.split('\n');
      const lastSegment = key.split('.').at(-1) ?? '';
      expect(lines[Number(error.params.line) - 1]).toContain(lastSegment);
    }
    if (reason !== undefined) expect(error.message).toMatch(reason);
  });

  it('rejects a reporting duration with two units', () => {
    const text = readFileSync(join(defaultRegulationsDirectory(), 'incident-reporting.yaml'), 'utf8').replace('within: { days: 30 }', 'within: { days: 30, hours: 1 }');
    const error = loadError(() => loadReportingRules(undefined, writeYaml(text)));
    expect(error.params.key).toBe('closingReport.within');
    expect(error.message).toMatch(/exactly one of minutes, hours or days/);
  });
});
