-- 039: the citizen's objection to her data being used in management figures (issue 15, decision
-- 0025). Statistics on the municipality's own data are lawful without consent; she may object
-- (opt-out), herself in Mit forløb or through a caseworker, and take the objection back. One row
-- per objection, never deleted by normal use: withdrawn_at ends it, so the history of the
-- setting is kept like that of consents. At most one objection is in force per citizen.
CREATE TABLE reporting_objection (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  objected_at timestamptz NOT NULL DEFAULT now(),
  recorded_by_kind text NOT NULL CHECK (recorded_by_kind IN ('citizen', 'professional')),
  recorded_by_id uuid NOT NULL,
  withdrawn_at timestamptz,
  withdrawn_by_kind text CHECK (withdrawn_by_kind IN ('citizen', 'professional')),
  withdrawn_by_id uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by_kind IS NULL) AND (withdrawn_at IS NULL) = (withdrawn_by_id IS NULL))
);
-- The figures' filter reads the objections in force; the partial index keeps that read small.
CREATE UNIQUE INDEX reporting_objection_in_force_idx
  ON reporting_objection (municipality_id, citizen_id) WHERE withdrawn_at IS NULL;
CREATE INDEX reporting_objection_citizen_idx ON reporting_objection (municipality_id, citizen_id, objected_at);
