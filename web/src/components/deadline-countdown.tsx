// A reporting deadline as a live countdown, coloured by how much of its clock is left (lib/countdown.ts).
import type { DeadlineState, Incident } from '../api/types.js';
import { deadlineColour, describeCountdown } from '../lib/countdown.js';
import { formatTime } from '../lib/format.js';

const REPORT_NAMES = { first: 'First report', closing: 'Closing report' } as const;

/** When the deadline's clock began: discovery for the first report, the end of handling for the closing one. */
export function clockStart(incident: Incident, deadline: DeadlineState): number {
  const clock = incident.assessment.clock;
  const from = deadline.report === 'first' ? clock.firstReport.countedFrom : (clock.closingReport?.countedFrom ?? incident.handlingEndedAt);
  return Date.parse(from ?? incident.discoveredAt);
}

export function DeadlineCountdown({ incident, deadline, now }: { readonly incident: Incident; readonly deadline: DeadlineState; readonly now: number }) {
  const due = Date.parse(deadline.due);
  const met = deadline.timeliness.status === 'on-time' || deadline.timeliness.status === 'late';
  const colour = deadlineColour(now, clockStart(incident, deadline), due, met);
  const text = met ? `submitted ${deadline.timeliness.status === 'late' ? 'late' : 'on time'}` : describeCountdown(now, due);
  return (
    <span className={`countdown countdown-${colour}`} title={`${REPORT_NAMES[deadline.report]} due ${formatTime(deadline.due)} (within ${deadline.within})`}>
      <span className="countdown-kind">{REPORT_NAMES[deadline.report]}:</span> <time dateTime={deadline.due}>{text}</time>
    </span>
  );
}
