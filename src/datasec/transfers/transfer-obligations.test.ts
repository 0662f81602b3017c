import { describe, expect, it } from 'vitest';
import { RampartError } from '../../core/errors.js';
import { loadWorkingDayCalendar } from '../../core/regulations/working-days.js';
import { decideTransferRoute, type RouteDecision } from './decide-transfer-route.js';
import { loadTransferRules } from './load-transfer-rules.js';
import { obligationStatus, transferObligations } from './transfer-obligations.js';

const rules = loadTransferRules();
const calendar = loadWorkingDayCalendar();

function decisionFor(individuals: number, operatorIsCii = false): RouteDecision {
  return decideTransferRoute(
    { operatorIsCii, transferDate: '2025-06-15', containsPersonalInformation: true, importantData: false, coreData: false, individuals, sensitiveIndividuals: 0, earlier: [] },
    rules,
  );
}

const assessment = decisionFor(10, true);
const contract = decisionFor(200_000);
const exempt = decisionFor(10);

describe('transferObligations', () => {
  it('gives the assessment expiry after 3 years and the renewal 60 working days before it', () => {
    const obligations = transferObligations(assessment, { assessmentApprovedOn: '2023-05-20', pipiaCompletedOn: '2023-03-01' }, rules, calendar);
    expect(obligations.map((obligation) => [obligation.id, obligation.kind, obligation.due])).toEqual([
      ['assessment-expiry', 'expiry', '2026-05-20'],
      // Back over the Labour Day and Qingming breaks to Saturday 14 February, a worked day before the Spring Festival.
      ['assessment-renewal', 'deadline', '2026-02-14'],
      ['pipia-retention', 'retain-until', '2026-03-01'],
    ]);
    expect(obligations[0]).toMatchObject({ source: { short: 'Order 16', article: 'Art. 9' }, confidence: 'verified', calendarCovered: true });
    // The renewal rests on Art. 9 (verified) and the holiday notice (secondary): the weaker mark.
    expect(obligations[1]).toMatchObject({ source: { article: 'Art. 9' }, confidence: 'secondary', calendarCovered: true, warnings: [] });
    expect(obligations[2]).toMatchObject({ source: { short: 'PIPL' }, confidence: 'unverified' });
  });

  it('says when the renewal was counted Monday–Friday in a year without a notice', () => {
    const [, renewal] = transferObligations(assessment, { assessmentApprovedOn: '2025-03-10' }, rules, calendar);
    expect(renewal.from).toBe('2028-03-10');
    expect(renewal).toMatchObject({ calendarCovered: false, confidence: 'verified' });
    expect(renewal.warnings[0]).toMatch(/^2027, 2028: .*Monday to Friday/);
  });

  it.each([
    ['2025-09-26', '2025-10-16', 'over National Day 2025 and its two worked weekend days'],
    ['2026-02-12', '2026-03-04', 'over the Spring Festival 2026'],
    ['2025-12-30', '2026-01-14', 'across the year boundary and the New Year break'],
  ])('files the standard contract within 10 working days of %s: by %s (%s)', (effective, due) => {
    const [filing] = transferObligations(contract, { contractEffectiveOn: effective }, rules, calendar);
    expect(filing).toMatchObject({ id: 'standard-contract-filing', kind: 'deadline', due, from: effective, calendarCovered: true, confidence: 'unverified' });
    expect(filing.source.short).toBe('Order 13');
  });

  it('takes the China date of an instant', () => {
    const [filing] = transferObligations(contract, { contractEffectiveOn: '2025-09-25T16:30:00Z' }, rules, calendar);
    expect(filing.from).toBe('2025-09-26');
  });

  it('gives only what the route needs and what has a starting date', () => {
    const all = { assessmentApprovedOn: '2025-01-10', contractEffectiveOn: '2025-01-10', pipiaCompletedOn: '2025-01-10' };
    expect(transferObligations(contract, all, rules, calendar).map((obligation) => obligation.id)).toEqual(['standard-contract-filing', 'pipia-retention']);
    expect(transferObligations(assessment, all, rules, calendar).map((obligation) => obligation.id)).toEqual(['assessment-expiry', 'assessment-renewal', 'pipia-retention']);
    expect(transferObligations(exempt, all, rules, calendar).map((obligation) => obligation.id)).toEqual(['pipia-retention']);
    expect(transferObligations(assessment, {}, rules, calendar)).toEqual([]);
  });

  it('refuses a bad date, naming it', () => {
    expect(() => transferObligations(contract, { contractEffectiveOn: '2025-13-01' }, rules, calendar)).toThrow(RampartError);
    expect(() => transferObligations(contract, { contractEffectiveOn: '2025-13-01' }, rules, calendar)).toThrow(/dates\.contractEffectiveOn/);
  });
});

describe('obligationStatus', () => {
  const deadline = { kind: 'deadline', due: '2025-10-16' } as const;
  const expiry = { kind: 'expiry', due: '2026-05-20' } as const;
  const retention = { kind: 'retain-until', due: '2026-03-01' } as const;

  it.each([
    [deadline, '2025-10-16', undefined, 'due'],
    [deadline, '2025-10-17', undefined, 'overdue'],
    [deadline, '2025-10-16T16:00:00Z', undefined, 'overdue'],
    [deadline, '2025-10-20', '2025-10-15', 'done'],
    [expiry, '2026-05-19', undefined, 'due'],
    [expiry, '2026-05-20', undefined, 'overdue'],
    [expiry, '2026-06-01', '2026-02-10', 'done'],
    [retention, '2026-02-28', undefined, 'due'],
    [retention, '2026-03-01', undefined, 'done'],
    [retention, '2026-02-28', '2025-01-01', 'due'],
  ] as const)('%o on %s (completed %s) → %s', (obligation, today, completedOn, status) => {
    expect(obligationStatus(obligation, today, completedOn)).toBe(status);
  });
});
