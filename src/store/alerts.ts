// Alerts: detections stored for an organisation. Written in batches, idempotently (alert-id.ts), and
// listed newest first with filters and keyset paging, which stays fast at any depth in millions of rows.
import { rampartError } from '../core/errors.js';
import { LEVELS, type Level } from '../core/level.js';
import { alertId } from './alert-id.js';
import type { Queryable } from './database.js';

export interface NewAlert {
  readonly ruleId: string;
  readonly ruleTitle: string;
  readonly level: Level;
  readonly tags: readonly string[];
  /** ISO time of the event; the receiving time when the event has none. */
  readonly eventTime: string;
  readonly computer?: string;
  readonly channel?: string;
  readonly eventId?: number;
  /** How it came in: `ingest`, `syslog`, `hunt`. */
  readonly source: string;
  /** The fields that matter for judging it (the detection's). */
  readonly fields: Readonly<Record<string, string>>;
  /** The whole normalised event, shown as "the raw event behind the alert". */
  readonly event: unknown;
  /** What makes the event itself (alert-id.ts), hashed into the id. */
  readonly identity: string;
}

export interface Alert extends Omit<NewAlert, 'identity'> {
  readonly id: string;
  readonly organisationId: string;
  readonly receivedAt: string;
}

/** Rows per INSERT statement: one round trip for a whole ingestion batch of usual size. */
const ROWS_PER_STATEMENT = 500;

/** Stores alerts; those already stored (same id) are left as they are. Returns how many were new. */
export async function insertAlerts(tx: Queryable, organisationId: string, alerts: readonly NewAlert[]): Promise<{ inserted: number; duplicates: number }> {
  let inserted = 0;
  for (let start = 0; start < alerts.length; start += ROWS_PER_STATEMENT) {
    const rows = alerts.slice(start, start + ROWS_PER_STATEMENT).map((alert) => ({
      id: alertId(organisationId, alert.ruleId, alert.identity),
      organisation_id: organisationId,
      rule_id: alert.ruleId,
      rule_title: alert.ruleTitle,
      level: alert.level,
      tags: alert.tags,
      event_time: alert.eventTime,
      computer: alert.computer ?? null,
      channel: alert.channel ?? null,
      event_id: alert.eventId ?? null,
      source: alert.source,
      fields: alert.fields,
      event: alert.event,
      search_text: searchText(alert),
    }));
    // One parameter, one statement, the same on both databases; the same id twice in one batch is
    // also stored once (DISTINCT ON), since ON CONFLICT cannot see rows of its own statement.
    const result = await tx.query<{ id: string }>(
      `INSERT INTO alerts (id, organisation_id, rule_id, rule_title, level, tags, event_time, computer, channel, event_id, source, fields, event, search_text)
       SELECT DISTINCT ON (id) id, organisation_id, rule_id, rule_title, level, tags, event_time, computer, channel, event_id, source, fields, event, search_text
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, organisation_id uuid, rule_id text, rule_title text, level text, tags text[],
              event_time timestamptz, computer text, channel text, event_id integer, source text, fields jsonb, event jsonb, search_text text)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [JSON.stringify(rows)],
    );
    inserted += result.length;
  }
  return { inserted, duplicates: alerts.length - inserted };
}

export interface AlertFilter {
  readonly from?: string;
  readonly to?: string;
  /** Only these levels; or, with minLevel, this level and above. */
  readonly levels?: readonly Level[];
  readonly minLevel?: Level;
  readonly ruleId?: string;
  readonly computer?: string;
  readonly tag?: string;
  /** Free text, case-insensitive, in the rule title, the host and the fields. */
  readonly text?: string;
  /** From a previous page's nextCursor. */
  readonly cursor?: string;
  readonly limit?: number;
}

export interface AlertPage {
  readonly alerts: Alert[];
  /** Give it back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

interface AlertRecord {
  id: string;
  organisation_id: string;
  rule_id: string;
  rule_title: string;
  level: Level;
  tags: string[];
  event_time: string;
  computer: string | null;
  channel: string | null;
  event_id: number | null;
  source: string;
  fields: Record<string, string>;
  event: unknown;
  received_at: string;
}

const toAlert = (row: AlertRecord, withEvent: boolean): Alert => ({
  id: row.id,
  organisationId: row.organisation_id,
  ruleId: row.rule_id,
  ruleTitle: row.rule_title,
  level: row.level,
  tags: row.tags,
  eventTime: row.event_time,
  computer: row.computer ?? undefined,
  channel: row.channel ?? undefined,
  eventId: row.event_id ?? undefined,
  source: row.source,
  fields: row.fields,
  event: withEvent ? row.event : undefined,
  receivedAt: row.received_at,
});

export const MAX_PAGE = 500;
const LIST_COLUMNS = 'id, organisation_id, rule_id, rule_title, level, tags, event_time, computer, channel, event_id, source, fields, received_at';

/** One page of an organisation's alerts, newest event first (the raw events are left out: see getAlert). */
export async function listAlerts(db: Queryable, organisationId: string, filter: AlertFilter = {}): Promise<AlertPage> {
  const where = ['organisation_id = $1'];
  const params: unknown[] = [organisationId];
  const add = (clause: (placeholder: string) => string, value: unknown): void => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.from) add((p) => `event_time >= ${p}::timestamptz`, filter.from);
  if (filter.to) add((p) => `event_time < ${p}::timestamptz`, filter.to);
  const levels = filter.minLevel ? LEVELS.slice(LEVELS.indexOf(filter.minLevel)) : filter.levels;
  if (levels && levels.length > 0) add((p) => `level = ANY(${p}::text[])`, levels);
  if (filter.ruleId) add((p) => `rule_id = ${p}`, filter.ruleId);
  if (filter.computer) add((p) => `computer = ${p}`, filter.computer);
  if (filter.tag) add((p) => `tags @> ARRAY[${p}]::text[]`, filter.tag.toLowerCase());
  if (filter.text) add((p) => `search_text LIKE ${p}`, `%${escapeLike(filter.text.toLowerCase())}%`);
  if (filter.cursor) {
    const { time, id } = decodeCursor(filter.cursor);
    params.push(time, id);
    where.push(`(event_time, id) < ($${params.length - 1}::timestamptz, $${params.length})`);
  }
  const limit = Math.min(Math.max(1, filter.limit ?? 100), MAX_PAGE);
  params.push(limit + 1);
  const rows = await db.query<AlertRecord>(
    `SELECT ${LIST_COLUMNS} FROM alerts WHERE ${where.join(' AND ')} ORDER BY event_time DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit).map((row) => toAlert(row, false));
  const last = page[page.length - 1];
  return { alerts: page, nextCursor: rows.length > limit && last ? encodeCursor(last.eventTime, last.id) : null };
}

/** One alert with its raw event; undefined when it is not this organisation's. */
export async function getAlert(db: Queryable, organisationId: string, id: string): Promise<Alert | undefined> {
  const [row] = await db.query<AlertRecord>('SELECT * FROM alerts WHERE id = $1 AND organisation_id = $2', [id, organisationId]);
  return row && toAlert(row, true);
}

/** What free text is searched in: the title, the host and the field values, lower-cased (migration 0005). */
function searchText(alert: NewAlert): string {
  return [alert.ruleTitle, alert.computer ?? '', ...Object.values(alert.fields)].join(' ').toLowerCase();
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function encodeCursor(time: string, id: string): string {
  return Buffer.from(JSON.stringify([time, id])).toString('base64url');
}

function decodeCursor(cursor: string): { time: string; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof time === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(time))) return { time, id };
  } catch {
    // reported below
  }
  throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: 'cursor is not one this server gave out' });
}

/** Alerts in no incident yet, oldest first, for grouping into incidents (at most `limit`). */
export async function alertsOutsideIncidents(db: Queryable, organisationId: string, filter: Pick<AlertFilter, 'from' | 'to' | 'minLevel'>, limit = 10_000): Promise<Alert[]> {
  const levels = filter.minLevel ? LEVELS.slice(LEVELS.indexOf(filter.minLevel)) : LEVELS;
  const rows = await db.query<AlertRecord>(
    `SELECT ${LIST_COLUMNS} FROM alerts a
      WHERE organisation_id = $1 AND level = ANY($2::text[])
        AND ($3::timestamptz IS NULL OR event_time >= $3) AND ($4::timestamptz IS NULL OR event_time < $4)
        AND NOT EXISTS (SELECT 1 FROM incident_alerts x WHERE x.alert_id = a.id)
      ORDER BY event_time, id LIMIT $5`,
    [organisationId, levels, filter.from ?? null, filter.to ?? null, limit],
  );
  return rows.map((row) => toAlert(row, false));
}

/** Several alerts of one organisation by id, without their raw events, in event order. */
export async function alertsByIds(db: Queryable, organisationId: string, ids: readonly string[]): Promise<Alert[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<AlertRecord>(`SELECT ${LIST_COLUMNS} FROM alerts WHERE organisation_id = $1 AND id = ANY($2::text[]) ORDER BY event_time, id`, [organisationId, ids]);
  return rows.map((row) => toAlert(row, false));
}

export interface AlertSummary {
  readonly total: number;
  readonly byLevel: Readonly<Record<string, number>>;
  /** hour buckets up to 3 days, day buckets beyond. */
  readonly bucket: 'hour' | 'day';
  readonly overTime: readonly { readonly time: string; readonly level: Level; readonly count: number }[];
  readonly topRules: readonly { readonly ruleId: string; readonly ruleTitle: string; readonly level: Level; readonly count: number }[];
  readonly topHosts: readonly { readonly computer: string; readonly count: number }[];
  /** ATT&CK tactic × technique from each alert's rule tags (attack.execution × attack.t1059.001). */
  readonly techniques: readonly { readonly tactic: string; readonly technique: string; readonly count: number }[];
}

const TOP = 10;

/** The picture of an organisation's alerts in a time range, for the dashboard's overview. */
export async function summariseAlerts(db: Queryable, organisationId: string, from: string, to: string): Promise<AlertSummary> {
  const bucket = Date.parse(to) - Date.parse(from) > 3 * 86_400_000 ? 'day' : 'hour';
  const range = [organisationId, from, to];
  const where = 'organisation_id = $1 AND event_time >= $2::timestamptz AND event_time < $3::timestamptz';
  const byLevelRows = await db.query<{ level: Level; count: number }>(`SELECT level, count(*) AS count FROM alerts WHERE ${where} GROUP BY level`, range);
  const overTime = await db.query<{ time: string; level: Level; count: number }>(
    `SELECT date_trunc('${bucket}', event_time) AS time, level, count(*) AS count FROM alerts WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    range,
  );
  const topRules = await db.query<{ ruleId: string; ruleTitle: string; level: Level; count: number }>(
    `SELECT rule_id AS "ruleId", min(rule_title) AS "ruleTitle", min(level) AS level, count(*) AS count FROM alerts WHERE ${where} GROUP BY rule_id ORDER BY count DESC, rule_id LIMIT ${TOP}`,
    range,
  );
  const topHosts = await db.query<{ computer: string; count: number }>(
    `SELECT computer, count(*) AS count FROM alerts WHERE ${where} AND computer IS NOT NULL GROUP BY computer ORDER BY count DESC, computer LIMIT ${TOP}`,
    range,
  );
  const techniques = await db.query<{ tactic: string; technique: string; count: number }>(
    `SELECT tactic, technique, count(*) AS count FROM (
       SELECT id, tags FROM alerts WHERE ${where}
     ) a
     CROSS JOIN LATERAL (SELECT substr(t, 8) AS tactic FROM unnest(a.tags) t WHERE t LIKE 'attack.%' AND t !~ '^attack\\.(t[0-9]|g[0-9]|s[0-9])') tactics
     CROSS JOIN LATERAL (SELECT upper(substr(t, 8)) AS technique FROM unnest(a.tags) t WHERE t ~ '^attack\\.t[0-9]{4}') techniques
     GROUP BY tactic, technique ORDER BY tactic, count DESC`,
    range,
  );
  const byLevel: Record<string, number> = Object.fromEntries(LEVELS.map((level) => [level, 0]));
  for (const row of byLevelRows) byLevel[row.level] = row.count;
  return { total: byLevelRows.reduce((sum, row) => sum + row.count, 0), byLevel, bucket, overTime: withEmptyBuckets(overTime, bucket, from, to), topRules, topHosts, techniques };
}

/**
 * Every bucket of the range for every level seen, zero where nothing happened: a chart of the rows
 * alone would join the points either side of a quiet hour as if alerts had kept coming.
 */
function withEmptyBuckets(rows: readonly { time: string; level: Level; count: number }[], bucket: 'hour' | 'day', from: string, to: string): { time: string; level: Level; count: number }[] {
  const size = bucket === 'hour' ? 3_600_000 : 86_400_000;
  const levels = LEVELS.filter((level) => rows.some((row) => row.level === level));
  const counts = new Map(rows.map((row) => [`${Date.parse(row.time)}|${row.level}`, row.count]));
  const filled: { time: string; level: Level; count: number }[] = [];
  // Buckets start on whole hours or days in UTC, as date_trunc gives them (the session time zone is UTC).
  for (let start = Math.floor(Date.parse(from) / size) * size; start < Date.parse(to); start += size) {
    for (const level of levels) filled.push({ time: new Date(start).toISOString(), level, count: counts.get(`${start}|${level}`) ?? 0 });
  }
  return filled;
}
