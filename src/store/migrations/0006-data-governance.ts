import type { Migration } from './migration.js';

// The data catalog and cross-border transfers of an operator (issue 6). A data asset is a place data
// sits (a table, a path, a system) with the personal-information categories found or declared in it and
// its classification level: proposed by Rampart from the GB/T 43697 matrix, decided by a person. Every
// change to an asset leaves a row in its history. A transfer abroad is registered with its recipient,
// volumes and the assets it draws on; the route Rampart decided (and why) is kept as it was decided,
// with the dates that start its obligations (assessment approval, contract in force, PIPIA done) and
// those that fulfil them (renewal applied for, contract filed).
export const migration: Migration = {
  id: '0006',
  description: 'data catalog with classification history, cross-border transfers',
  sql: `
CREATE TABLE data_assets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL,
  system text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  owner text NOT NULL DEFAULT '',
  categories text[] NOT NULL DEFAULT '{}',
  individuals bigint,
  impacts jsonb NOT NULL DEFAULT '[]',
  proposed_level text NOT NULL CHECK (proposed_level IN ('general', 'important', 'core')),
  level text CHECK (level IN ('general', 'important', 'core')),
  level_decided_by text,
  level_decided_at timestamptz,
  level_note text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, name)
);
CREATE INDEX data_assets_by_level ON data_assets (organisation_id, level, name);
CREATE INDEX data_assets_by_location ON data_assets (organisation_id, location);

CREATE TABLE data_asset_history (
  id bigserial PRIMARY KEY,
  asset_id uuid NOT NULL REFERENCES data_assets (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  changes jsonb NOT NULL,
  note text
);
CREATE INDEX data_asset_history_by_asset ON data_asset_history (asset_id, id);

CREATE TABLE data_transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  number integer NOT NULL,
  recipient text NOT NULL,
  country text NOT NULL,
  purpose text NOT NULL,
  transfer_date date NOT NULL,
  asset_ids uuid[] NOT NULL DEFAULT '{}',
  individuals integer NOT NULL CHECK (individuals >= 0),
  sensitive_individuals integer NOT NULL CHECK (sensitive_individuals >= 0),
  important_data boolean NOT NULL,
  core_data boolean NOT NULL,
  exemption text,
  route text NOT NULL,
  counts_toward_thresholds boolean NOT NULL,
  decision jsonb NOT NULL,
  assessment_approved_on date,
  renewal_applied_on date,
  contract_effective_on date,
  contract_filed_on date,
  pipia_completed_on date,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, number)
);
CREATE INDEX data_transfers_by_date ON data_transfers (organisation_id, transfer_date DESC, number DESC);
`,
};
