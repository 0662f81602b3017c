// What a route decision leaves to do, with dates: the assessment's expiry and its renewal application
// (Order 16 Art. 9), the standard contract's filing (Order 13), and how long the personal information
// protection impact assessment must be kept (PIPL Art. 56). Working days come from the Chinese
// calendar; a count that left the covered years says so.
import { addYears, chinaDateOf, type CalendarDate } from '../../core/regulations/calendar-date.js';
import { leastSure, type Confidence } from '../../core/regulations/confidence.js';
import { addWorkingDays, type WorkingDayCalendar } from '../../core/regulations/working-days.js';
import type { RouteDecision } from './decide-transfer-route.js';
import type { TransferRules } from './load-transfer-rules.js';
import type { Cited } from './route-step.js';

export const OBLIGATION_IDS = ['assessment-expiry', 'assessment-renewal', 'standard-contract-filing', 'pipia-retention'] as const;
export type ObligationId = (typeof OBLIGATION_IDS)[number];

/**
 * deadline: something to do by `due`; expiry: something that lapses on `due` unless renewed;
 * retain-until: a record to keep until `due`.
 */
export type ObligationKind = 'deadline' | 'expiry' | 'retain-until';

export interface TransferObligation extends Cited {
  readonly id: ObligationId;
  readonly kind: ObligationKind;
  readonly due: CalendarDate;
  /** The date it is counted from. */
  readonly from: CalendarDate;
  readonly text: string;
  /** False when working days were counted Monday–Friday in a year without a holiday notice. */
  readonly calendarCovered: boolean;
  readonly warnings: readonly string[];
}

export interface ObligationDates {
  /** When the CAC issued the security assessment result. */
  readonly assessmentApprovedOn?: string;
  /** When the standard contract took effect. */
  readonly contractEffectiveOn?: string;
  /** When the personal information protection impact assessment was completed. */
  readonly pipiaCompletedOn?: string;
}

/** The obligations of a decision whose starting date is known; one not yet started (no date) is left out. */
export function transferObligations(decision: RouteDecision, dates: ObligationDates, rules: TransferRules, calendar: WorkingDayCalendar): TransferObligation[] {
  const obligations: TransferObligation[] = [];
  const { assessmentValidity, assessmentRenewal, standardContractFiling, pipiaRetention } = rules.obligations;
  if (decision.route === 'security-assessment' && dates.assessmentApprovedOn !== undefined) {
    const approved = chinaDateOf(dates.assessmentApprovedOn, 'dates.assessmentApprovedOn');
    const expiry = addYears(approved, assessmentValidity.years);
    obligations.push({ id: 'assessment-expiry', kind: 'expiry', due: expiry, from: approved, text: assessmentValidity.text, ...cited(assessmentValidity), calendarCovered: true, warnings: [] });
    const renewal = addWorkingDays(expiry, -assessmentRenewal.workingDaysBeforeExpiry, calendar);
    obligations.push({
      id: 'assessment-renewal',
      kind: 'deadline',
      due: renewal.date,
      from: expiry,
      text: assessmentRenewal.text,
      source: assessmentRenewal.source,
      confidence: withCalendar(assessmentRenewal.confidence, renewal.confidence),
      calendarCovered: renewal.calendarCovered,
      warnings: renewal.warnings,
    });
  }
  if (decision.route === 'standard-contract-or-certification' && dates.contractEffectiveOn !== undefined) {
    const effective = chinaDateOf(dates.contractEffectiveOn, 'dates.contractEffectiveOn');
    const filing = addWorkingDays(effective, standardContractFiling.workingDaysAfterEffect, calendar);
    obligations.push({
      id: 'standard-contract-filing',
      kind: 'deadline',
      due: filing.date,
      from: effective,
      text: standardContractFiling.text,
      source: standardContractFiling.source,
      confidence: withCalendar(standardContractFiling.confidence, filing.confidence),
      calendarCovered: filing.calendarCovered,
      warnings: filing.warnings,
    });
  }
  if (decision.personalInformation && dates.pipiaCompletedOn !== undefined) {
    const completed = chinaDateOf(dates.pipiaCompletedOn, 'dates.pipiaCompletedOn');
    obligations.push({
      id: 'pipia-retention',
      kind: 'retain-until',
      due: addYears(completed, pipiaRetention.years),
      from: completed,
      text: pipiaRetention.text,
      ...cited(pipiaRetention),
      calendarCovered: true,
      warnings: [],
    });
  }
  return obligations;
}

export type ObligationStatus = 'due' | 'overdue' | 'done';

/**
 * For the dashboard. A deadline is due up to and including its day, overdue after it, done once
 * completed. An expiry is due (still valid) before its day, overdue (lapsed) from it, done once renewed.
 * A record to retain is due (keep it) before its day and done from it.
 */
export function obligationStatus(obligation: Pick<TransferObligation, 'kind' | 'due'>, today: string, completedOn?: string): ObligationStatus {
  const day = chinaDateOf(today, 'today');
  if (completedOn !== undefined) {
    chinaDateOf(completedOn, 'completedOn');
    if (obligation.kind !== 'retain-until') return 'done';
  }
  switch (obligation.kind) {
    case 'deadline':
      return day > obligation.due ? 'overdue' : 'due';
    case 'expiry':
      return day >= obligation.due ? 'overdue' : 'due';
    case 'retain-until':
      return day >= obligation.due ? 'done' : 'due';
  }
}

function cited(record: Cited): Cited {
  return { source: record.source, confidence: record.confidence };
}

/** A working-day deadline is as sure as the less sure of its rule and the holiday notices counted over. */
function withCalendar(rule: Confidence, calendar: Confidence | undefined): Confidence {
  return leastSure(calendar === undefined ? [rule] : [rule, calendar]) ?? rule;
}
