import type { Migration } from './migration.js';

// Alerts: one row per detection, its id derived from the organisation, the rule and the event (see
// alert-id.ts), so a batch sent twice inserts nothing the second time. Rules: Sigma rules managed
// through the API, global (organisation_id NULL, set by the hub) or one organisation's own.
export const migration: Migration = {
  id: '0002',
  description: 'alerts and managed rules',
  sql: `
CREATE TABLE alerts (
  id text PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  rule_id text NOT NULL,
  rule_title text NOT NULL,
  level text NOT NULL CHECK (level IN ('informational', 'low', 'medium', 'high', 'critical')),
  tags text[] NOT NULL DEFAULT '{}',
  -- The event's own time, or when it was received when the event has none: lists sort by it.
  event_time timestamptz NOT NULL,
  computer text,
  channel text,
  event_id integer,
  source text NOT NULL,
  fields jsonb NOT NULL,
  event jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_by_time ON alerts (organisation_id, event_time DESC, id DESC);
CREATE INDEX alerts_by_level ON alerts (organisation_id, level, event_time DESC);
CREATE INDEX alerts_by_rule ON alerts (organisation_id, rule_id, event_time DESC);
CREATE INDEX alerts_by_computer ON alerts (organisation_id, computer, event_time DESC);

CREATE TABLE rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid REFERENCES organisations (id),
  sigma_id text NOT NULL,
  title text NOT NULL,
  level text NOT NULL,
  yaml text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX rules_sigma_id ON rules (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), sigma_id);
`,
};
