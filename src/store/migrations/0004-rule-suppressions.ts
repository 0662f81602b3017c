import type { Migration } from './migration.js';

// A rule an operator has switched off for itself, whatever its source (the server's rule folders, or a
// rule added through the API): noisy rules are silenced per organisation, not for everyone.
export const migration: Migration = {
  id: '0004',
  description: 'rules switched off per organisation',
  sql: `
CREATE TABLE rule_suppressions (
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  rule_id text NOT NULL,
  reason text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, rule_id)
);
`,
};
