// The incident status workflow as the buttons offer it; the server (src/incidents/handling/workflow.ts)
// refuses any other move, and workflow.test.ts keeps the two tables equal.
import type { IncidentStatus } from '../api/types.js';

export const STATUS_MOVES: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['triage'],
  triage: ['contained', 'resolved'],
  contained: ['resolved'],
  resolved: ['closed', 'triage'],
  closed: [],
};

/** The button's words for a move: reopening is not the same act as first triage. */
export function moveLabel(from: IncidentStatus, to: IncidentStatus): string {
  if (from === 'resolved' && to === 'triage') return 'Reopen (back to triage)';
  const verbs: Record<IncidentStatus, string> = { new: 'New', triage: 'Start triage', contained: 'Mark contained', resolved: 'Mark resolved', closed: 'Close' };
  return verbs[to];
}
