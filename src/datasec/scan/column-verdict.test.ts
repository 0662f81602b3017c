import { describe, expect, it } from 'vitest';
import { residentIdFor } from '../../../test/identifiers.js';
import { luhnCheckDigit } from '../recognizers/checksums.js';
import { seededRandom } from '../../core/seeded-random.js';
import { ColumnConfirmation, ColumnSample, evenlySpaced, findingsInColumnValue, meetsThresholds } from './column-verdict.js';
import { Tally } from './tally.js';

const THRESHOLDS = { minScore: 0.5, minShare: 0.02, minMatches: 5 };
const residentId = residentIdFor;

describe('findingsInColumnValue', () => {
  it('reads the column name as context: a UnionPay number failing Luhn counts in a bank-card column only', () => {
    const failsLuhn = '6222021234567890124';
    expect(findingsInColumnValue('bank_card', failsLuhn, 0.5).map((finding) => finding.category)).toEqual(['bank-card']);
    expect(findingsInColumnValue('银行卡号', failsLuhn, 0.5).map((finding) => finding.category)).toEqual(['bank-card']);
    expect(findingsInColumnValue('value', failsLuhn, 0.5)).toEqual([]);
  });

  it('never reports the column name itself, and gives offsets into the text it read', () => {
    expect(findingsInColumnValue('13812345678', 'nothing here', 0.5)).toEqual([]);
    const [finding] = findingsInColumnValue('mobile', '+86 138 1234 5678', 0.5);
    expect(finding?.category).toBe('cn-mobile');
  });
});

describe('meetsThresholds', () => {
  it('asks for a share and a number of values, fewer in a column of a few values', () => {
    expect(meetsThresholds(20, 1000, THRESHOLDS)).toBe(true);
    expect(meetsThresholds(19, 1000, THRESHOLDS)).toBe(false); // 1.9 %
    expect(meetsThresholds(4, 100, THRESHOLDS)).toBe(false); // 4 %, but 4 values
    expect(meetsThresholds(5, 100, THRESHOLDS)).toBe(true);
    expect(meetsThresholds(2, 3, THRESHOLDS)).toBe(true); // a three-row table
    expect(meetsThresholds(1, 1, THRESHOLDS)).toBe(true);
    expect(meetsThresholds(1, 3, THRESHOLDS)).toBe(false);
    expect(meetsThresholds(0, 0, THRESHOLDS)).toBe(false);
  });
});

describe('ColumnSample', () => {
  it('makes a column a candidate for the categories enough of its sample holds', () => {
    const sample = new ColumnSample('contact', THRESHOLDS);
    for (let i = 0; i < 90; i++) sample.add(`138${String(i).padStart(8, '0')}`);
    for (let i = 0; i < 7; i++) sample.add(`user${i}@example.com`);
    for (let i = 0; i < 2; i++) sample.add(`10.1.2.${i}`);
    sample.add('无');
    expect(sample.sampled).toBe(100);
    expect(sample.matches()).toEqual([
      { category: 'cn-mobile', values: 90 },
      { category: 'email', values: 7 },
      { category: 'ipv4', values: 2 },
    ]);
    expect(sample.candidates()).toEqual(['cn-mobile', 'email']);
  });

  it('leaves noise alone: order numbers, references, versions, UUIDs, amounts, dates', () => {
    const sample = new ColumnSample('order_no', THRESHOLDS);
    const noise = ['202611261234567890', '29876543210', '10.0.19045.1', 'a3bb189e-8bf9-4888-9912-ace4e6543002', '12345.67', '2026-11-26 10:00:00', '客户要求周末送货'];
    for (let i = 0; i < 50; i++) for (const value of noise) sample.add(value);
    expect(sample.candidates()).toEqual([]);
  });

  it('takes card numbers that pass Luhn one time in ten, among numbers of the same shape that fail, for chance', () => {
    const random = seededRandom(16);
    const arbitrary = () => `${random.between(1, 9)}${random.chars('0123456789', 15)}`;
    const transactions = new ColumnSample('txn_id', THRESHOLDS);
    for (let i = 0; i < 1000; i++) transactions.add(arbitrary());
    // About one in ten passes Luhn and reads as a card: enough for the share, but nine look-alikes each.
    const cards = transactions.matches().find((match) => match.category === 'bank-card');
    expect(cards?.values).toBeGreaterThan(50);
    expect(transactions.lookAlikes('bank-card')).toBeGreaterThan(5 * (cards?.values ?? 0));
    expect(transactions.candidates()).toEqual([]);

    // Real cards under a neutral name, a few UnionPay numbers failing Luhn among them: still cards.
    const accounts = new ColumnSample('acct', THRESHOLDS);
    for (let i = 0; i < 950; i++) {
      const body = `622202${random.chars('0123456789', 9)}`;
      accounts.add(body + luhnCheckDigit(body));
    }
    for (let i = 0; i < 50; i++) accounts.add(`622202${random.chars('0123456789', 10)}`);
    expect(accounts.candidates()).toEqual(['bank-card']);
  });
});

describe('ColumnConfirmation', () => {
  it('counts values, findings, individuals and masked samples of the candidates only, and adds the confirmed ones to the totals', () => {
    const confirmation = new ColumnConfirmation('身份证号', 'crm.public.people.身份证号', ['cn-resident-id'], THRESHOLDS);
    for (let i = 0; i < 30; i++) confirmation.add(residentId(i % 20));
    confirmation.add('13812345678'); // a mobile in an ID column: not a candidate, not counted
    confirmation.add('unknown');
    const totals = new Tally();
    const [id, ...rest] = confirmation.result(totals);
    expect(rest).toEqual([]);
    expect(id).toMatchObject({ category: 'cn-resident-id', count: 30, values: 30, individuals: 20 });
    expect(id!.share).toBeCloseTo(30 / 32);
    expect(id!.samples[0]).toEqual({ masked: `440${'*'.repeat(13)}${residentId(0).slice(-2)}`, location: 'crm.public.people.身份证号' });
    expect(confirmation.valuesRead).toBe(32);
    expect(totals.result()).toEqual([expect.objectContaining({ category: 'cn-resident-id', count: 30, individuals: 20 })]);
  });

  it('drops a candidate that does not hold over the whole column, and keeps it out of the totals', () => {
    const confirmation = new ColumnConfirmation('notes', 'db.t.notes', ['email'], THRESHOLDS);
    for (let i = 0; i < 3; i++) confirmation.add(`write to user${i}@example.com`);
    for (let i = 0; i < 997; i++) confirmation.add('no address here');
    const totals = new Tally();
    expect(confirmation.result(totals)).toEqual([]);
    expect(totals.empty).toBe(true);
  });
});

describe('evenlySpaced', () => {
  it('thins a list evenly, first to last', () => {
    expect(evenlySpaced([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(evenlySpaced([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
  });
});
