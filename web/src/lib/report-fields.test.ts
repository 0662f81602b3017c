import { describe, expect, it } from 'vitest';
import { fieldsForKind, filledValues, missingRequired } from './report-fields.js';

const definitions = [
  { name: 'operatorName', label: 'Operator name', labelZh: '单位名称', requiredIn: ['first', 'follow-up', 'closing'], optionalIn: [] },
  { name: 'impact', label: 'Impact so far', requiredIn: ['first'], optionalIn: ['follow-up'] },
  { name: 'newFacts', label: 'Important new facts', requiredIn: ['follow-up'], optionalIn: [] },
  { name: 'cause', label: 'Cause', requiredIn: ['closing'], optionalIn: [] },
];

describe('fieldsForKind', () => {
  it('keeps the fields of the kind, marked required or optional', () => {
    expect(fieldsForKind(definitions, 'follow-up')).toEqual([
      { name: 'operatorName', label: 'Operator name', labelZh: '单位名称', required: true },
      { name: 'impact', label: 'Impact so far', labelZh: undefined, required: false },
      { name: 'newFacts', label: 'Important new facts', labelZh: undefined, required: true },
    ]);
    expect(fieldsForKind(definitions, 'closing').map((field) => field.name)).toEqual(['operatorName', 'cause']);
  });
});

describe('missingRequired and filledValues', () => {
  const fields = fieldsForKind(definitions, 'closing');
  it('names the required fields left blank', () => {
    expect(missingRequired(fields, { operatorName: 'Bank', cause: '   ' })).toEqual(['cause']);
  });
  it('sends only what was written, trimmed', () => {
    expect(filledValues({ operatorName: ' Bank ', cause: '' })).toEqual({ operatorName: 'Bank' });
  });
});
