// The one interface every part of Rampart talks to the database through. Two adapters implement it
// (pglite.ts, postgres.ts) and run the same SQL, so a query or migration written once works on the
// embedded database and on a PostgreSQL server alike.

/** Something that runs SQL: the database itself or an open transaction. Parameters are $1, $2, … */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements without parameters (a migration). */
  execScript(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** Which adapter: shown in logs and in `rampart serve`'s start-up line. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the error
   * is rethrown). Nothing is ever half-written by a failed request.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
