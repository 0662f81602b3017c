// What the law says about one incident right now: its level and why (grading), and each report's
// deadline with whether it is met (the clock and timeliness). Computed on every read from the facts and
// the regulation data, never stored, so a corrected fact or an override file applies at once.
import type { Incident } from '../../store/incidents.js';
import type { OperatorType } from '../../store/organisations.js';
import type { StoredReport } from '../../store/reports.js';
import { gradeIncident, type IncidentGrade } from '../grading/grade-incident.js';
import type { IncidentFacts } from '../grading/incident-facts.js';
import type { IncidentRegulations } from '../regulations/load-regulations.js';
import { reportingClock, timeliness, type ReportingClock, type Timeliness } from '../reporting/reporting-clock.js';

export interface DeadlineState {
  readonly report: 'first' | 'closing';
  readonly due: string;
  readonly within: string;
  readonly reportTo: readonly string[];
  readonly timeliness: Timeliness;
  /** The report that met (or missed) it, when one was submitted. */
  readonly reportId?: string;
}

export interface IncidentAssessment {
  readonly grade: IncidentGrade;
  readonly clock: ReportingClock;
  /**
   * The operator's own deadlines that apply: the first report when the level must be reported, the
   * closing report once handling has ended. Escalation is the recipient's duty: it is in `clock`.
   */
  readonly deadlines: readonly DeadlineState[];
}

export function assessIncident(incident: Incident, operatorType: OperatorType, reports: readonly StoredReport[], regulations: IncidentRegulations, now = new Date()): IncidentAssessment {
  const grade = gradeIncident({ facts: incident.facts as IncidentFacts, operatorType }, regulations.grading);
  const submitted = (kind: StoredReport['kind']): StoredReport | undefined => reports.find((report) => report.kind === kind && report.submittedAt !== null);
  const first = submitted('first');
  const clock = reportingClock(
    { discoveredAt: incident.discoveredAt, operatorType, level: grade.level, firstReportSubmittedAt: first?.submittedAt ?? undefined, handlingEndedAt: incident.handlingEndedAt ?? undefined },
    regulations.reporting,
  );
  const deadlines: DeadlineState[] = [];
  const add = (report: DeadlineState['report'], deadline: ReportingClock['firstReport'], met: StoredReport | undefined): void => {
    deadlines.push({ report, due: deadline.due.toISOString(), within: deadline.within, reportTo: deadline.reportTo, timeliness: timeliness(deadline.due, met?.submittedAt ?? undefined, now), reportId: met?.id });
  };
  if (grade.mustReport) add('first', clock.firstReport, first);
  if (clock.closingReport && grade.mustReport) add('closing', clock.closingReport, submitted('closing'));
  return { grade, clock, deadlines };
}
