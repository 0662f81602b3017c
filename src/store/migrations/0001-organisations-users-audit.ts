import type { Migration } from './migration.js';

// Organisations: the coordination centre (hub) and the operators that report to it. Users belong to
// one organisation with one role; API tokens belong to a user and are stored only as SHA-256 hashes.
// The audit log is append-only (a trigger refuses UPDATE and DELETE) and each row carries the hash of
// the one before, so `rampart audit verify` finds an edited or deleted row even if the trigger was
// dropped by someone with the database password.
export const migration: Migration = {
  id: '0001',
  description: 'organisations, users, API tokens, audit log',
  sql: `
CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('hub', 'operator')),
  hub_id uuid REFERENCES organisations (id),
  sector text,
  province text,
  cii boolean NOT NULL DEFAULT false,
  mlps_level smallint CHECK (mlps_level BETWEEN 1 AND 5),
  operator_type text NOT NULL DEFAULT 'other-operator' CHECK (operator_type IN ('cii-operator', 'central-state-organ', 'other-operator')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'hub') = (hub_id IS NULL))
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'reporter', 'auditor')),
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  organisation_id uuid,
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  previous_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`,
};
