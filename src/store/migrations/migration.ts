/** One schema change: plain PostgreSQL SQL, run once, in order of `id`, inside the migration transaction. */
export interface Migration {
  /** Sortable and never reused: `0001`, `0002`, … */
  readonly id: string;
  readonly description: string;
  readonly sql: string;
}
