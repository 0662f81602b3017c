import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RampartError } from '../../core/errors.js';
import { loadGradingRules } from '../regulations/load-regulations.js';
import { QUANTITY_FACTS, type GradedLevel, type IncidentLevel, type QuantityFact } from '../regulations/vocabulary.js';
import { gradeIncident } from './grade-incident.js';
import type { IncidentFacts } from './incident-facts.js';

const rules = loadGradingRules();
const grade = (facts: IncidentFacts, operatorType: 'cii-operator' | 'central-state-organ' | 'other-operator' = 'other-operator') =>
  gradeIncident({ facts, operatorType }, rules);

/**
 * The thresholds as docs/incidents.md and the reference notes state them, highest level first. Written
 * out rather than read from the YAML, so a changed data file fails here until the change is meant.
 */
const THRESHOLDS: Record<QuantityFact, { level: GradedLevel; value: number; step: number; confidence: 'verified' | 'draft' }[]> = {
  ciiFullyDownHours: [
    { level: 'particularly-major', value: 6, step: 0.01, confidence: 'verified' },
    { level: 'major', value: 2, step: 0.01, confidence: 'draft' },
    { level: 'relatively-major', value: 0.5, step: 0.01, confidence: 'draft' },
  ],
  ciiMainFunctionsDownHours: [
    { level: 'particularly-major', value: 24, step: 0.01, confidence: 'verified' },
    { level: 'major', value: 6, step: 0.01, confidence: 'draft' },
    { level: 'relatively-major', value: 2, step: 0.01, confidence: 'draft' },
  ],
  portalUnreachableHours: [
    { level: 'particularly-major', value: 24, step: 0.01, confidence: 'verified' },
    { level: 'major', value: 6, step: 0.01, confidence: 'draft' },
    { level: 'relatively-major', value: 2, step: 0.01, confidence: 'draft' },
  ],
  provincePopulationSharePercent: [{ level: 'particularly-major', value: 50, step: 0.01, confidence: 'verified' }],
  cityPopulationSharePercent: [
    { level: 'major', value: 30, step: 0.01, confidence: 'draft' },
    { level: 'relatively-major', value: 10, step: 0.01, confidence: 'draft' },
  ],
  peopleLosingEssentialServices: [
    { level: 'particularly-major', value: 10_000_000, step: 1, confidence: 'verified' },
    { level: 'major', value: 1_000_000, step: 1, confidence: 'draft' },
    { level: 'relatively-major', value: 100_000, step: 1, confidence: 'draft' },
  ],
  personalInformationPeopleLeaked: [
    { level: 'particularly-major', value: 100_000_000, step: 1, confidence: 'verified' },
    { level: 'major', value: 10_000_000, step: 1, confidence: 'verified' },
    { level: 'relatively-major', value: 1_000_000, step: 1, confidence: 'verified' },
  ],
  directEconomicLossYuan: [
    { level: 'particularly-major', value: 100_000_000, step: 1, confidence: 'verified' },
    { level: 'major', value: 20_000_000, step: 1, confidence: 'draft' },
  ],
};

const cases = QUANTITY_FACTS.flatMap((fact) =>
  THRESHOLDS[fact].map((threshold, index) => ({
    fact,
    ...threshold,
    below: threshold.value - threshold.step,
    // Just below a threshold, the next lower level of the same criterion is reached, or none.
    levelBelow: (THRESHOLDS[fact][index + 1]?.level ?? 'general') as IncidentLevel,
  })),
);

describe('gradeIncident: each criterion on both sides of each threshold', () => {
  it('covers every quantity fact', () => {
    expect(new Set(cases.map((c) => c.fact))).toEqual(new Set(QUANTITY_FACTS));
  });

  it.each(cases)('$fact = $value (exactly at the threshold) is $level', ({ fact, value, level, confidence }) => {
    const result = grade({ [fact]: value });
    expect(result.level).toBe(level);
    expect(result.decidedBy).toHaveLength(1);
    expect(result.decidedBy[0]).toMatchObject({ fact, level, value, threshold: value, inclusive: true, confidence, overridden: false });
    expect(result.warnings.some((warning) => warning.kind === 'unconfirmed-threshold')).toBe(confidence !== 'verified');
  });

  it.each(cases)('$fact = $below (just below $value) is $levelBelow', ({ fact, below, levelBelow }) => {
    const result = grade({ [fact]: below });
    expect(result.level).toBe(levelBelow);
    if (levelBelow === 'general') expect(result.decidedBy).toEqual([]);
    else expect(result.decidedBy[0].level).toBe(levelBelow);
  });
});

describe('gradeIncident: core or important data leaked', () => {
  it('particularly serious threat is particularly major', () => {
    const result = grade({ coreOrImportantDataLeaked: true, coreOrImportantDataLeakSeriousness: 'particularly-serious' });
    expect(result.level).toBe('particularly-major');
    expect(result.decidedBy[0]).toMatchObject({ criterion: 'coreOrImportantDataLeaked', threshold: 'particularly-serious', confidence: 'verified' });
  });

  it('a serious threat reaches no level the built-in data defines', () => {
    expect(grade({ coreOrImportantDataLeakSeriousness: 'serious' }).level).toBe('general');
  });

  it('a leak without its seriousness asks for the seriousness', () => {
    expect(grade({ coreOrImportantDataLeaked: true }).missingFacts).toContain('coreOrImportantDataLeakSeriousness');
    expect(grade({}).missingFacts).toContain('coreOrImportantDataLeaked');
  });

  it('no leak settles the criterion', () => {
    const result = grade({ coreOrImportantDataLeaked: false });
    expect(result.missingFacts).not.toContain('coreOrImportantDataLeaked');
    expect(result.missingFacts).not.toContain('coreOrImportantDataLeakSeriousness');
  });

  it('rejects a seriousness that is not on the scale', () => {
    expect(() => grade({ coreOrImportantDataLeakSeriousness: 'catastrophic' })).toThrow(/not one of general, relatively-serious, serious, particularly-serious/);
  });
});

describe('gradeIncident: the decision', () => {
  it('must report from relatively major up (Art. 4), not below', () => {
    const below = grade({ personalInformationPeopleLeaked: 999_999 });
    expect(below).toMatchObject({ level: 'general', mustReport: false });
    const at = grade({ personalInformationPeopleLeaked: 1_000_000 });
    expect(at).toMatchObject({ level: 'relatively-major', mustReport: true });
    expect(at.mustReportRule).toMatchObject({ minimumLevel: 'relatively-major', confidence: 'verified', source: { article: 'Art. 4' } });
    expect(grade({ personalInformationPeopleLeaked: 10_000_000 }).mustReport).toBe(true);
    expect(grade({ personalInformationPeopleLeaked: 100_000_000 }).mustReport).toBe(true);
  });

  it('explains the level with the value, threshold, citation and confidence', () => {
    const result = grade({ personalInformationPeopleLeaked: 12_000_000 });
    expect(result.decidedBy[0].explanation).toBe('people whose personal information leaked: 12,000,000 ≥ 10,000,000 people (Grading Guide 2025, verified)');
    expect(result.summary).toBe(`major (重大), because ${result.decidedBy[0].explanation}`);
    expect(result.levelName).toEqual({ en: 'major', zh: '重大' });
    expect(result.decidedBy[0].source.url).toMatch(/^https:\/\/www\.cac\.gov\.cn\//);
  });

  it('lists every criterion that reaches the level, and none below it', () => {
    const result = grade({ personalInformationPeopleLeaked: 12_000_000, directEconomicLossYuan: 25_000_000, cityPopulationSharePercent: 35, ciiFullyDownHours: 1 });
    expect(result.level).toBe('major');
    expect(result.decidedBy.map((criterion) => criterion.criterion).sort()).toEqual(['cityPopulationAffected', 'directEconomicLoss', 'personalInformationLeaked']);
    // Two of the three rest on 2023 draft values: one warning each.
    expect(result.warnings.filter((warning) => warning.kind === 'unconfirmed-threshold').map((warning) => warning.criterion).sort()).toEqual([
      'cityPopulationAffected',
      'directEconomicLoss',
    ]);
    expect(result.summary).toContain('; and ');
  });

  it('does not take missing facts for zero', () => {
    const result = grade({});
    expect(result.level).toBe('general');
    expect(result.missingFacts).toEqual(expect.arrayContaining([...QUANTITY_FACTS, 'coreOrImportantDataLeaked']));
    expect(result.warnings).toContainEqual(expect.objectContaining({ kind: 'missing-facts', message: expect.stringMatching(/level may be higher/) }));
  });

  it('warns about missing facts only while they could raise the level', () => {
    const top = grade({ personalInformationPeopleLeaked: 150_000_000 });
    expect(top.level).toBe('particularly-major');
    expect(top.missingFacts.length).toBeGreaterThan(0);
    expect(top.warnings.some((warning) => warning.kind === 'missing-facts')).toBe(false);
    const everything = grade({
      ciiFullyDownHours: 0,
      ciiMainFunctionsDownHours: 0,
      portalUnreachableHours: 0,
      provincePopulationSharePercent: 0,
      cityPopulationSharePercent: 0,
      peopleLosingEssentialServices: 0,
      personalInformationPeopleLeaked: 0,
      coreOrImportantDataLeaked: false,
      directEconomicLossYuan: 0,
    });
    expect(everything).toMatchObject({ level: 'general', missingFacts: [], warnings: [], mustReport: false });
  });

  it('grades the same whatever the operator type', () => {
    const facts = { ciiFullyDownHours: 7 };
    expect(grade(facts, 'cii-operator').level).toBe(grade(facts, 'other-operator').level);
    expect(grade(facts, 'central-state-organ').operatorType).toBe('central-state-organ');
  });

  it.each([
    { facts: { personalInformationPeopleLeaked: -1 }, argument: 'facts.personalInformationPeopleLeaked' },
    { facts: { cityPopulationSharePercent: 120 }, argument: 'facts.cityPopulationSharePercent' },
    { facts: { directEconomicLossYuan: '5000' }, argument: 'facts.directEconomicLossYuan' },
    { facts: { recordsLeaked: 5 }, argument: 'facts.recordsLeaked' },
  ])('rejects a bad fact: $argument', ({ facts, argument }) => {
    try {
      grade(facts as IncidentFacts);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RampartError);
      expect((error as RampartError).params.argument).toBe(argument);
    }
  });
});

describe('gradeIncident with an override of a draft threshold', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rampart-grading-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const override = join(folder, 'override.yaml');
  writeFileSync(
    override,
    `criteria:
  ciiFullyDown:
    thresholds:
      major:
        value: 1
        inclusive: false
        source: { instrument: Final Grading Guide as read by our legal team, short: Legal review, article: Annex }
        confidence: verified
`,
  );
  const overridden = loadGradingRules(override);

  it('uses the override instead of the draft value, without the draft warning', () => {
    const result = gradeIncident({ facts: { ciiFullyDownHours: 1.5 }, operatorType: 'cii-operator' }, overridden);
    expect(result.level).toBe('major');
    expect(result.decidedBy[0]).toMatchObject({ threshold: 1, confidence: 'verified', overridden: true });
    expect(result.decidedBy[0].explanation).toBe('critical information infrastructure fully down: 1.5 > 1 hours (Legal review, overridden, verified)');
    expect(result.warnings.filter((warning) => warning.kind === 'unconfirmed-threshold')).toEqual([]);
    // The defaults still grade 1.5 h as relatively major.
    expect(grade({ ciiFullyDownHours: 1.5 }).level).toBe('relatively-major');
  });

  it('honours inclusive: false (strictly above) exactly at the threshold', () => {
    expect(gradeIncident({ facts: { ciiFullyDownHours: 1 }, operatorType: 'cii-operator' }, overridden).level).toBe('relatively-major');
  });
});
