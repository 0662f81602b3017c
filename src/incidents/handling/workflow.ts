// The incident status workflow: new → triage → contained → resolved → closed. Triage may go straight to
// resolved (a false positive needs no containment) and a resolved incident may be reopened to triage
// before it is closed; closed is final. Resolving marks the end of handling, which starts the 30-day
// clock of the closing report; reopening clears it.
import { rampartError } from '../../core/errors.js';
import type { IncidentStatus } from '../../store/incidents.js';

export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['triage'],
  triage: ['contained', 'resolved'],
  contained: ['resolved'],
  resolved: ['closed', 'triage'],
  closed: [],
};

/** The change of handlingEndedAt a move brings: a time, null to clear it, or undefined for none. */
export function checkTransition(from: IncidentStatus, to: IncidentStatus, now: Date): { handlingEndedAt?: string | null } {
  if (from === to) return {};
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    throw rampartError('RAMPART_E_CONFLICT', { reason: `an incident cannot go from ${from} to ${to}${allowed.length > 0 ? ` (from ${from}: ${allowed.join(' or ')})` : ` (${from} is final)`}` });
  }
  if (to === 'resolved') return { handlingEndedAt: now.toISOString() };
  if (from === 'resolved' && to === 'triage') return { handlingEndedAt: null };
  return {};
}
