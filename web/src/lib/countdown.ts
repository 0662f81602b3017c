// The reporting-deadline countdown: how much time is left, said briefly, and the colour that tells an
// operator at a glance whether to worry. Pure, so the thresholds are tested rather than eyeballed.

/** green: more than half the time left; amber: less; red: under 15 minutes or under a quarter; then overdue. */
export type CountdownColour = 'green' | 'amber' | 'red' | 'overdue' | 'met';

const RED_MINUTES = 15;
const RED_SHARE = 0.25;
const GREEN_SHARE = 0.5;

/**
 * The colour of a deadline at `now`. `start` is when its clock began (discovery, or the end of
 * handling); a deadline already met by a submitted report is 'met', whatever the time.
 */
export function deadlineColour(now: number, start: number, due: number, met = false): CountdownColour {
  if (met) return 'met';
  const left = due - now;
  if (left < 0) return 'overdue';
  const total = due - start;
  // A clock with no length (or a start after the due time) cannot have a share: judge by minutes alone.
  const share = total > 0 ? left / total : 0;
  if (left < RED_MINUTES * 60_000 || share < RED_SHARE) return 'red';
  return share > GREEN_SHARE ? 'green' : 'amber';
}

/** "2 d 03 h", "1 h 05 min", "4 min 09 s", "12 s": the two largest units, as a countdown reads. */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.floor(Math.abs(milliseconds) / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const pad = (value: number): string => String(value).padStart(2, '0');
  if (days > 0) return `${days} d ${pad(hours)} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(rest)} s`;
  return `${rest} s`;
}

/** What a countdown cell says: the time left, or how long ago it was missed. */
export function describeCountdown(now: number, due: number, met = false): string {
  if (met) return 'submitted';
  const left = due - now;
  return left >= 0 ? `${formatDuration(left)} left` : `overdue by ${formatDuration(left)}`;
}
