import { describe, expect, it } from 'vitest';
import { factsToForm, formToFacts, type FactInput } from './facts-form.js';

const inputs: FactInput[] = [
  { name: 'personalInformationPeopleLeaked', kind: 'number' },
  { name: 'directEconomicLossYuan', kind: 'number' },
  { name: 'coreOrImportantDataLeaked', kind: 'yes-no' },
  { name: 'coreOrImportantDataLeakSeriousness', kind: 'scale' },
];

describe('formToFacts', () => {
  it('leaves blanks out and reads numbers with separators', () => {
    expect(formToFacts(inputs, { personalInformationPeopleLeaked: '2,000,000', directEconomicLossYuan: ' ' })).toEqual({ facts: { personalInformationPeopleLeaked: 2_000_000 } });
  });
  it('refuses a negative or non-number, naming the fact', () => {
    expect(formToFacts(inputs, { directEconomicLossYuan: '-5' })).toEqual({ problem: 'directEconomicLossYuan: "-5" is not a number of zero or more' });
    expect(formToFacts(inputs, { directEconomicLossYuan: 'lots' })).toHaveProperty('problem');
  });
  it('drops the seriousness when no data leaked', () => {
    expect(formToFacts(inputs, { coreOrImportantDataLeaked: 'no', coreOrImportantDataLeakSeriousness: 'serious' })).toEqual({ facts: { coreOrImportantDataLeaked: false } });
    expect(formToFacts(inputs, { coreOrImportantDataLeaked: 'yes', coreOrImportantDataLeakSeriousness: 'serious' })).toEqual({ facts: { coreOrImportantDataLeaked: true, coreOrImportantDataLeakSeriousness: 'serious' } });
  });
});

describe('factsToForm', () => {
  it('turns the stored facts back into the form\'s text', () => {
    expect(factsToForm({ personalInformationPeopleLeaked: 5, coreOrImportantDataLeaked: false })).toEqual({ personalInformationPeopleLeaked: '5', coreOrImportantDataLeaked: 'no' });
  });
});
