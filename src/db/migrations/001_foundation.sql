-- Foundation: the municipality (tenant), its organisation, the intervention catalogue,
-- citizens and the one plan per citizen, with history and audit.
-- Every table holding tenant or citizen data leads its primary key with municipality_id
-- so the schema can be distributed by Citus on that column without change.

CREATE TABLE municipality (
  id uuid PRIMARY KEY,
  code char(4) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{4}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE unit (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  sector text NOT NULL,
  name text NOT NULL,
  phone text,
  email text,
  PRIMARY KEY (municipality_id, id)
);

CREATE TABLE professional (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  unit_id uuid NOT NULL,
  name text NOT NULL,
  profession text NOT NULL,
  role text NOT NULL CHECK (role IN ('caseworker', 'specialist', 'team_leader', 'administrator')),
  email text,
  phone text,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id)
);
CREATE INDEX professional_unit_idx ON professional (municipality_id, unit_id);

CREATE TABLE intervention_type (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  sector text NOT NULL,
  category text NOT NULL,
  legal_basis text NOT NULL,
  pyramid_level smallint NOT NULL CHECK (pyramid_level BETWEEN 1 AND 5),
  business_directed boolean NOT NULL DEFAULT false,
  unit_cost_ore bigint NOT NULL DEFAULT 0 CHECK (unit_cost_ore >= 0),
  cost_unit text NOT NULL DEFAULT 'month' CHECK (cost_unit IN ('hour', 'week', 'month', 'once')),
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code)
);

CREATE TABLE citizen (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  cpr_encrypted bytea NOT NULL,
  cpr_hmac bytea NOT NULL,
  -- DDMMYY of the CPR number: enough to show the masked form DDMMYY-xxxx without decrypting.
  cpr_birth_part char(6) NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, cpr_hmac)
);
CREATE INDEX citizen_name_idx ON citizen (municipality_id, lower(family_name), lower(given_name));

-- One plan per citizen. version is the optimistic-concurrency token behind the ETag:
-- every change to anything the plan holds increments it in the same transaction.
CREATE TABLE plan (
  municipality_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  goal_own_words text,
  goal_professional text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id, citizen_id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id)
);

CREATE TABLE sub_goal (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  title text NOT NULL,
  measure text,
  target_date date,
  gas_level smallint CHECK (gas_level BETWEEN -2 AND 2),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'ended')),
  end_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id)
);
CREATE INDEX sub_goal_citizen_idx ON sub_goal (municipality_id, citizen_id);

CREATE TABLE intervention (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  type_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  responsible_id uuid,
  legal_basis text NOT NULL,
  purpose text,
  start_date date NOT NULL,
  end_date date,
  follow_up_date date,
  frequency text,
  status text NOT NULL CHECK (status IN ('planned', 'active', 'paused', 'ended')),
  cost_ore bigint NOT NULL DEFAULT 0 CHECK (cost_ore >= 0),
  end_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, type_id) REFERENCES intervention_type (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id),
  FOREIGN KEY (municipality_id, responsible_id) REFERENCES professional (municipality_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX intervention_citizen_idx ON intervention (municipality_id, citizen_id);
CREATE INDEX intervention_responsible_idx ON intervention (municipality_id, responsible_id);

CREATE TABLE intervention_sub_goal (
  municipality_id uuid NOT NULL,
  intervention_id uuid NOT NULL,
  sub_goal_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, intervention_id, sub_goal_id),
  FOREIGN KEY (municipality_id, intervention_id) REFERENCES intervention (municipality_id, id),
  FOREIGN KEY (municipality_id, sub_goal_id) REFERENCES sub_goal (municipality_id, id)
);
CREATE INDEX intervention_sub_goal_goal_idx ON intervention_sub_goal (municipality_id, sub_goal_id);

-- Everyone around the citizen: professionals (by reference), relatives and network,
-- civil-society actors. Exactly one active coordinator per citizen.
CREATE TABLE team_member (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('professional', 'network', 'civil_society')),
  professional_id uuid,
  name text,
  relation text,
  role text,
  is_coordinator boolean NOT NULL DEFAULT false,
  phone text,
  email text,
  start_date date NOT NULL DEFAULT CURRENT_DATE,
  ended_at timestamptz,
  end_reason text,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, professional_id) REFERENCES professional (municipality_id, id),
  CHECK ((kind = 'professional') = (professional_id IS NOT NULL)),
  CHECK (kind = 'professional' OR name IS NOT NULL),
  CHECK (NOT is_coordinator OR kind = 'professional')
);
CREATE INDEX team_member_citizen_idx ON team_member (municipality_id, citizen_id);
CREATE INDEX team_member_professional_idx ON team_member (municipality_id, professional_id)
  WHERE ended_at IS NULL;
CREATE UNIQUE INDEX team_member_one_coordinator ON team_member (municipality_id, citizen_id)
  WHERE is_coordinator AND ended_at IS NULL;

-- History of every change to a plan: who, when, what before and after.
CREATE TABLE plan_history (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  plan_version integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid NOT NULL,
  actor_role text NOT NULL,
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'end')),
  before jsonb,
  after jsonb,
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX plan_history_citizen_idx ON plan_history (municipality_id, citizen_id, at DESC);

-- The plan read model: the whole plan as one document, rebuilt in the same transaction as
-- every plan write, so the overview is one indexed read.
CREATE TABLE plan_document (
  municipality_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  version integer NOT NULL,
  -- professionals with a relationship to the citizen, for the access check without a join
  related_professional_ids uuid[] NOT NULL DEFAULT '{}',
  related_unit_ids uuid[] NOT NULL DEFAULT '{}',
  document jsonb NOT NULL,
  PRIMARY KEY (municipality_id, citizen_id)
);

CREATE TABLE cost_entry (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  intervention_id uuid,
  sector text NOT NULL,
  budget_area text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  amount_ore bigint NOT NULL,
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX cost_entry_citizen_idx ON cost_entry (municipality_id, citizen_id);

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE session (
  token_hash bytea PRIMARY KEY,
  municipality_id uuid NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('professional', 'citizen')),
  subject_id uuid NOT NULL,
  role text NOT NULL,
  persona text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- Audit of every read and write of citizen data. Append-only by use; reads are
-- group-committed and durable before the response, writes share the write's transaction.
CREATE TABLE audit_event (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL,
  actor_id uuid NOT NULL,
  actor_role text NOT NULL,
  citizen_id uuid,
  action text NOT NULL,
  resource text NOT NULL,
  outcome text NOT NULL,
  client_ip text,
  details jsonb,
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX audit_event_citizen_idx ON audit_event (municipality_id, citizen_id, at DESC);

-- Demo personas (demo mode only): who one can log in as, and which record they act as.
CREATE TABLE demo_persona (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id text NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('professional', 'citizen')),
  subject_id uuid NOT NULL,
  title_da text NOT NULL,
  title_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id)
);

-- Caseloads are read from the read model: whose plans a professional or unit is part of.
CREATE INDEX plan_document_professionals_idx ON plan_document USING gin (related_professional_ids);
CREATE INDEX plan_document_units_idx ON plan_document USING gin (related_unit_ids);
