// The legal clock of an incident: when the first report is due (from discovery, by operator type),
// when the recipient must pass a major incident up (escalation), and when the closing report is due
// (from the end of handling). Every duration comes from incident-reporting.yaml; each deadline carries
// its citation and confidence. timeliness() then says whether a report is on time, late, due or overdue.
import { rampartError } from '../../core/errors.js';
import type { RegulationSource } from '../../core/regulations/citation-schema.js';
import { describeDuration, durationMilliseconds } from '../regulations/duration-schema.js';
import type { DeepReadonly } from '../../core/regulations/deep-freeze.js';
import type { ReportingRules } from '../regulations/load-regulations.js';
import { INCIDENT_LEVELS, OPERATOR_TYPES, levelRank, type Confidence, type IncidentLevel, type OperatorType } from '../regulations/vocabulary.js';
import { toInstant, type TimeInput } from './instant.js';

export interface Deadline {
  readonly due: Date;
  readonly countedFrom: Date;
  /** "1 h", "30 days": the period as the regulation states it. */
  readonly within: string;
  readonly reportTo: readonly string[];
  readonly source: DeepReadonly<RegulationSource>;
  readonly confidence: Confidence;
}

export interface EscalationDeadline extends Deadline {
  /** Who passes the report up: the recipient of the first report, not the operator. */
  readonly by: string;
  /** Whether the start is the known receipt of the first report or, not knowing it, the first-report deadline. */
  readonly startsAt: 'first-report-received' | 'first-report-deadline';
  /** Confidence in when the step starts, which the Measures do not spell out. */
  readonly startConfidence: Confidence;
}

export interface ReportingClock {
  readonly discoveredAt: Date;
  readonly firstReport: Deadline;
  /** Only for levels at or above the escalation level (major). */
  readonly escalation?: EscalationDeadline;
  /** Only once handling has ended. */
  readonly closingReport?: Deadline;
}

export interface ReportingClockInput {
  readonly discoveredAt: TimeInput;
  readonly operatorType: OperatorType;
  readonly level: IncidentLevel;
  /** When the first report reached its recipient, if known: escalation counts from there. */
  readonly firstReportSubmittedAt?: TimeInput;
  readonly handlingEndedAt?: TimeInput;
}

export function reportingClock(input: ReportingClockInput, rules: ReportingRules): ReportingClock {
  if (!OPERATOR_TYPES.includes(input.operatorType)) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: 'operatorType', reason: `must be one of ${OPERATOR_TYPES.join(', ')}` });
  }
  if (!INCIDENT_LEVELS.includes(input.level)) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: 'level', reason: `must be one of ${INCIDENT_LEVELS.join(', ')}` });
  }
  const discoveredAt = toInstant(input.discoveredAt, 'discoveredAt');
  const first = rules.firstReport.byOperatorType[input.operatorType];
  const firstReport = deadline(discoveredAt, first);

  let escalation: EscalationDeadline | undefined;
  if (levelRank(input.level) >= levelRank(rules.escalation.appliesFrom.level)) {
    const step = rules.escalation.byOperatorType[input.operatorType];
    const received = input.firstReportSubmittedAt === undefined ? undefined : toInstant(input.firstReportSubmittedAt, 'firstReportSubmittedAt');
    escalation = {
      ...deadline(received ?? firstReport.due, step),
      by: step.by,
      startsAt: received === undefined ? 'first-report-deadline' : 'first-report-received',
      startConfidence: rules.escalation.countedFrom.confidence,
    };
  }

  let closingReport: Deadline | undefined;
  if (input.handlingEndedAt !== undefined) {
    const handlingEndedAt = toInstant(input.handlingEndedAt, 'handlingEndedAt');
    if (handlingEndedAt < discoveredAt) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: 'handlingEndedAt', reason: 'is before the incident was discovered' });
    // Art. 8 sends the closing report through the channel of the first report.
    closingReport = deadline(handlingEndedAt, { ...rules.closingReport, reportTo: first.reportTo });
  }

  return {
    discoveredAt,
    firstReport,
    ...(escalation === undefined ? {} : { escalation }),
    ...(closingReport === undefined ? {} : { closingReport }),
  };
}

interface DeadlineRule {
  readonly within: DeepReadonly<Parameters<typeof durationMilliseconds>[0]>;
  readonly reportTo: readonly string[];
  readonly source: DeepReadonly<RegulationSource>;
  readonly confidence: Confidence;
}

function deadline(countedFrom: Date, rule: DeadlineRule): Deadline {
  return {
    due: new Date(countedFrom.getTime() + durationMilliseconds(rule.within)),
    countedFrom,
    within: describeDuration(rule.within),
    reportTo: rule.reportTo,
    source: rule.source,
    confidence: rule.confidence,
  };
}

export type TimelinessStatus = 'on-time' | 'late' | 'due' | 'overdue';

export interface Timeliness {
  readonly status: TimelinessStatus;
  /** Minutes left before the deadline (on-time: to spare; due: remaining), rounded down. */
  readonly minutesRemaining?: number;
  /** Minutes past the deadline (late, overdue), rounded up: a second late is a minute late. */
  readonly minutesLate?: number;
}

/**
 * Submitted: on time when at or before the deadline, else late. Not submitted: due until the deadline
 * (inclusive), overdue after it.
 */
export function timeliness(deadline: TimeInput, submittedAt: TimeInput | undefined, now: TimeInput): Timeliness {
  const due = toInstant(deadline, 'deadline').getTime();
  const at = submittedAt === undefined ? toInstant(now, 'now').getTime() : toInstant(submittedAt, 'submittedAt').getTime();
  const submitted = submittedAt !== undefined;
  if (at <= due) return { status: submitted ? 'on-time' : 'due', minutesRemaining: Math.floor((due - at) / 60_000) };
  return { status: submitted ? 'late' : 'overdue', minutesLate: Math.ceil((at - due) / 60_000) };
}
