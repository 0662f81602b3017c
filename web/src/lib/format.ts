// How times and names read on screen: the browser's local time, to the second where it matters.

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return time.toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** "relatively-major" → "relatively major"; sectors and statuses read the same way. */
export function humanise(identifier: string | null | undefined): string {
  return identifier ? identifier.replace(/-/g, ' ') : '—';
}

/** An ATT&CK technique from a Sigma tag ("attack.t1059.001" → "T1059.001"), or undefined for another tag. */
export function techniqueOfTag(tag: string): string | undefined {
  const match = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(tag);
  return match ? match[1].toUpperCase() : undefined;
}
