import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOfEditedFile } from '../../../test/regulation-files.js';
import { defaultRegulationsDirectory } from '../../core/regulations/regulations-directory.js';
import { RECOGNIZERS } from '../recognizers/index.js';
import type { AffectedObject, DataLevel, HarmDegree } from './classification-vocabulary.js';
import { loadClassificationRules } from './load-classification-rules.js';
import { proposeClassification } from './propose-classification.js';
import { sensitivityOf } from './sensitivity-of.js';

const rules = loadClassificationRules();

describe('proposeClassification: the GB/T 43697-2024 matrix, cell by cell', () => {
  it.each<[AffectedObject, HarmDegree, DataLevel]>([
    ['national-security', 'particularly-serious', 'core'],
    ['national-security', 'serious', 'core'],
    ['national-security', 'general', 'important'],
    ['economy-public-interest', 'particularly-serious', 'core'],
    ['economy-public-interest', 'serious', 'important'],
    ['economy-public-interest', 'general', 'general'],
    ['individual-organisation-rights', 'particularly-serious', 'general'],
    ['individual-organisation-rights', 'serious', 'general'],
    ['individual-organisation-rights', 'general', 'general'],
  ])('%s × %s harm → %s', (object, harm, level) => {
    const proposal = proposeClassification([{ object, harm }], rules);
    expect(proposal.level).toBe(level);
    expect(proposal.reasoning[0]).toMatchObject({ source: { short: 'GB/T 43697-2024' }, confidence: 'secondary' });
    expect(proposal.reasoning.at(-1)?.text).toMatch(/decided by a person/);
  });

  it('takes the highest level over several impacts', () => {
    const proposal = proposeClassification(
      [
        { object: 'individual-organisation-rights', harm: 'particularly-serious' },
        { object: 'economy-public-interest', harm: 'serious' },
        { object: 'national-security', harm: 'general' },
      ],
      rules,
    );
    expect(proposal.level).toBe('important');
    expect(proposal.reasoning).toHaveLength(4);
    expect(proposal.reasoning[3].text).toMatch(/highest level any impact reaches: important data/);
  });

  it('proposes general with a reason when no impact is given', () => {
    const proposal = proposeClassification([], rules);
    expect(proposal.level).toBe('general');
    expect(proposal.reasoning[0].text).toMatch(/no harm .* was stated/);
  });

  it('refuses an unknown object or harm, naming it', () => {
    expect(() => proposeClassification([{ object: 'national-security', harm: 'severe' as HarmDegree }], rules)).toThrow(/impacts\[0\]\.harm/);
    expect(() => proposeClassification([{ object: 'planet' as AffectedObject, harm: 'general' }], rules)).toThrow(/impacts\[0\]\.object/);
  });
});

describe('sensitivityOf', () => {
  it('has one entry for every recognizer, and no other', () => {
    expect(Object.keys(rules.recognizedCategories).sort()).toEqual(RECOGNIZERS.map((recognizer) => recognizer.id).sort());
  });

  it.each([
    ['cn-resident-id', true],
    ['cn-residence-permit', true],
    ['cn-passport', true],
    ['cn-travel-permit', true],
    ['bank-card', true],
    ['credit-card', true],
    ['iban', true],
    ['cn-mobile', false],
    ['e164-phone', false],
    ['email', false],
    ['ipv4', false],
    ['ipv6', false],
    ['cn-vehicle-plate', false],
    ['cn-uscc', false],
    ['biometrics', true],
    ['minors-under-14', true],
    ['whereabouts', true],
    ['person-name', false],
  ])('%s sensitive: %s', (category, sensitive) => {
    const result = sensitivityOf([category], rules);
    expect(result.sensitive).toBe(sensitive);
    expect(result.sensitiveCategories).toEqual(sensitive ? [category] : []);
    expect(result.reasoning[0].source.short.length).toBeGreaterThan(0);
  });

  it('says a unified social credit code is not personal information', () => {
    const result = sensitivityOf(['cn-uscc'], rules);
    expect(result).toMatchObject({ sensitive: false, personalInformation: false });
    expect(result.reasoning[0].text).toMatch(/not personal information .*organisation/);
  });

  it('is sensitive when one category of several is, listing each category once', () => {
    const result = sensitivityOf(['email', 'cn-mobile', 'bank-card', 'email', 'medical-health'], rules);
    expect(result.sensitive).toBe(true);
    expect(result.personalInformation).toBe(true);
    expect(result.sensitiveCategories).toEqual(['bank-card', 'medical-health']);
    expect(result.reasoning.map((step) => step.category)).toEqual(['email', 'cn-mobile', 'bank-card', 'medical-health']);
  });

  it('is not sensitive and not personal for no category', () => {
    expect(sensitivityOf([], rules)).toEqual({ sensitive: false, sensitiveCategories: [], personalInformation: false, reasoning: [] });
  });

  it('refuses an unknown category by position', () => {
    expect(() => sensitivityOf(['email', 'shoe-size'], rules)).toThrow(/categories\[1\].*shoe-size/);
  });
});

describe('loading data-classification.yaml', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rampart-classification-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const original = readFileSync(join(defaultRegulationsDirectory(), 'data-classification.yaml'), 'utf8');

  it('freezes the rules and drops the alias-only sources', () => {
    expect('sources' in rules).toBe(false);
    expect(Object.isFrozen(rules.matrix['national-security'])).toBe(true);
  });

  it.each([
    { name: 'a level outside the three', from: '    serious: important\n', to: '    serious: vital\n', key: 'matrix.economy-public-interest.serious' },
    { name: 'a sensitive category that is not personal information', from: '    personalInformation: true\n    sensitive: true\n    because: an identity card', to: '    personalInformation: false\n    sensitive: true\n    because: an identity card', key: 'recognizedCategories.cn-resident-id.sensitive' },
    { name: 'a category without its confidence', from: '    source: *gbt-35273-pi\n    confidence: unverified\n  bank-card:', to: '    source: *gbt-35273-pi\n  bank-card:', key: 'recognizedCategories.cn-mobile.confidence' },
  ])('names the file, line and key of $name', ({ from, to, key }) => {
    const { error } = errorOfEditedFile(loadClassificationRules, original, folder, { from, to, key });
    expect(error.code).toBe('RAMPART_E_REGULATION_INVALID');
    expect(Number(error.params.line)).toBeGreaterThan(1);
  });
});
