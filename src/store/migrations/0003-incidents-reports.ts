import type { Migration } from './migration.js';

// Incidents: alerts grouped (by hand or by host, rule or tag in a time window), assigned, moved through
// new → triage → contained → resolved → closed, with comments and evidence, the facts that grade them
// and the reports that go to the hub. A report's document is kept as it was generated and submitted.
export const migration: Migration = {
  id: '0003',
  description: 'incidents, their alerts, comments, evidence and reports',
  sql: `
CREATE TABLE incidents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  number integer NOT NULL,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'triage', 'contained', 'resolved', 'closed')),
  assignee_id uuid REFERENCES users (id),
  discovered_at timestamptz NOT NULL,
  handling_ended_at timestamptz,
  facts jsonb NOT NULL DEFAULT '{}',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, number)
);
CREATE INDEX incidents_by_status ON incidents (organisation_id, status, discovered_at DESC);

CREATE TABLE incident_alerts (
  incident_id uuid NOT NULL REFERENCES incidents (id),
  alert_id text NOT NULL REFERENCES alerts (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (incident_id, alert_id)
);
CREATE INDEX incident_alerts_by_alert ON incident_alerts (alert_id);

CREATE TABLE incident_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL REFERENCES incidents (id),
  author text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_comments_by_incident ON incident_comments (incident_id, created_at);

CREATE TABLE incident_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL REFERENCES incidents (id),
  author text NOT NULL,
  description text NOT NULL,
  location text,
  sha256 text CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_evidence_by_incident ON incident_evidence (incident_id, created_at);

CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id uuid NOT NULL REFERENCES incidents (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  hub_id uuid NOT NULL REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('first', 'follow-up', 'closing')),
  document jsonb NOT NULL,
  status text NOT NULL,
  level text,
  due_at timestamptz,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  submitted_by text
);
CREATE INDEX reports_by_incident ON reports (incident_id, created_at);
CREATE INDEX reports_by_hub ON reports (hub_id, submitted_at DESC);
`,
};
