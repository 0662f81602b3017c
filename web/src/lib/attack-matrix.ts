// The ATT&CK heat map's layout: tactics as columns in the kill-chain order of the Enterprise matrix,
// each column's techniques sorted by count (most first), so the eye reads left to right as an attack
// unfolds and top to bottom by weight.

/** Enterprise ATT&CK tactics in matrix order, as Sigma tags spell them. */
export const TACTIC_ORDER: readonly string[] = [
  'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation', 'defense-evasion',
  'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control', 'exfiltration', 'impact',
];

export interface TechniqueCount {
  readonly tactic: string;
  readonly technique: string;
  readonly count: number;
}

export interface AttackMatrix {
  /** Column headings: the tactics that have any technique, in matrix order (unknown ones last, by name). */
  readonly tactics: readonly string[];
  /** Rows needed: the tallest column. */
  readonly rows: number;
  /** One cell per technique: [column, row, count, technique]. */
  readonly cells: readonly (readonly [number, number, number, string])[];
  readonly maxCount: number;
}

export function attackMatrix(techniques: readonly TechniqueCount[]): AttackMatrix {
  const byTactic = new Map<string, TechniqueCount[]>();
  for (const entry of techniques) {
    if (entry.count <= 0) continue;
    const column = byTactic.get(entry.tactic) ?? [];
    column.push(entry);
    byTactic.set(entry.tactic, column);
  }
  const rank = (tactic: string): number => {
    const index = TACTIC_ORDER.indexOf(tactic);
    return index === -1 ? TACTIC_ORDER.length : index;
  };
  const tactics = [...byTactic.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const cells: [number, number, number, string][] = [];
  let rows = 0;
  let maxCount = 0;
  tactics.forEach((tactic, column) => {
    const entries = (byTactic.get(tactic) ?? []).sort((a, b) => b.count - a.count || a.technique.localeCompare(b.technique));
    entries.forEach((entry, row) => {
      cells.push([column, row, entry.count, entry.technique]);
      maxCount = Math.max(maxCount, entry.count);
    });
    rows = Math.max(rows, entries.length);
  });
  return { tactics, rows, cells, maxCount };
}

/** "credential-access" → "Credential Access", as the matrix heads its columns. */
export function tacticLabel(tactic: string): string {
  return tactic.split('-').map((word) => (word === 'and' ? word : word.charAt(0).toUpperCase() + word.slice(1))).join(' ');
}
