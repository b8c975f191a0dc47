-- Access: login identities, sessions with idle timeout, consent, break-the-glass,
-- delegated access for relatives, and an append-only, hash-chained audit trail.

-- Who a login is: (issuer, subject) of an OpenID Connect provider mapped to a professional
-- or a citizen. Citizens are linked on first login by the HMAC of the broker's CPR claim.
CREATE TABLE identity_link (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  issuer text NOT NULL,
  subject text NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('professional', 'citizen')),
  subject_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, issuer, subject)
);
CREATE UNIQUE INDEX identity_link_issuer_subject_idx ON identity_link (issuer, subject);

-- An OpenID Connect login in progress: the state (hashed), PKCE verifier and nonce.
CREATE TABLE login_attempt (
  state_hash bytea PRIMARY KEY,
  provider text NOT NULL CHECK (provider IN ('professional', 'citizen')),
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

ALTER TABLE session ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE session ADD COLUMN auth_method text NOT NULL DEFAULT 'test';
ALTER TABLE session ADD COLUMN acr text;
-- A relative acting with delegated access (fuldmagt): the delegation, else null.
ALTER TABLE session ADD COLUMN delegation_id uuid;
CREATE INDEX session_subject_idx ON session (municipality_id, subject_id);

-- Municipality policy: whether citizens see the names of professionals in their access log.
ALTER TABLE municipality ADD COLUMN audit_shows_names boolean NOT NULL DEFAULT false;

-- Delegated access (fuldmagt): a relative, identified by the HMAC of their CPR number, may
-- act for the citizen (read the plan, see the access log), never manage consents or delegations.
CREATE TABLE delegation (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  grantee_cpr_hmac bytea NOT NULL,
  grantee_name text NOT NULL,
  valid_from date NOT NULL,
  valid_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id)
);
CREATE INDEX delegation_grantee_idx ON delegation (grantee_cpr_hmac);

-- Consent as structured data: who (a unit or a whole sector) may see which information
-- categories, for what purpose, on which basis (the citizen's consent or a named provision).
-- Rows are never deleted: withdrawal stamps withdrawn_at, so the table is the full history.
CREATE TABLE consent (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  grantee_unit_id uuid,
  grantee_sector text,
  categories text[] NOT NULL,
  purpose text NOT NULL,
  case_reference text,
  basis text NOT NULL CHECK (basis IN ('consent', 'legal_provision')),
  legal_provision text,
  valid_from date NOT NULL,
  valid_until date,
  recorded_by_kind text NOT NULL CHECK (recorded_by_kind IN ('citizen', 'professional')),
  recorded_by_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by_kind text,
  withdrawn_by_id uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  CHECK ((grantee_unit_id IS NULL) <> (grantee_sector IS NULL)),
  CHECK (basis = 'consent' OR legal_provision IS NOT NULL),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX consent_citizen_idx ON consent (municipality_id, citizen_id);

-- Break the glass: time-limited access outside a relationship, with a reason, for the
-- unit's leader to review and the citizen to see.
CREATE TABLE break_glass (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  professional_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  reason text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  reviewed_by uuid,
  reviewed_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, professional_id) REFERENCES professional (municipality_id, id)
);
CREATE INDEX break_glass_citizen_idx ON break_glass (municipality_id, citizen_id, expires_at);
CREATE INDEX break_glass_unit_idx ON break_glass (municipality_id, unit_id, started_at DESC);

-- The audit trail: who acted, for whom, why, and the hash chain (see docs/decisions/0004).
ALTER TABLE audit_event ADD COLUMN actor_unit_id uuid;
ALTER TABLE audit_event ADD COLUMN on_behalf_of text;
ALTER TABLE audit_event ADD COLUMN purpose text;
ALTER TABLE audit_event ADD COLUMN seq bigint;
ALTER TABLE audit_event ADD COLUMN prev_hash bytea;
ALTER TABLE audit_event ADD COLUMN hash bytea;
-- One index more on the hot insert path, and it doubles as the verifier's walk order. (The
-- purge job, nightly, finds its cut-off by scanning; no index on `at` for it.)
CREATE UNIQUE INDEX audit_event_seq_idx ON audit_event (municipality_id, seq);

-- The head of each municipality's chain: the last sequence number and hash. Writers advance
-- it with compare-and-set (group-committed reads) or under its row lock (writes).
CREATE TABLE audit_chain_head (
  municipality_id uuid PRIMARY KEY,
  seq bigint NOT NULL,
  hash bytea NOT NULL
);

-- Where a purge cut the chain: the verifier starts from the last checkpoint's hash.
CREATE TABLE audit_checkpoint (
  municipality_id uuid NOT NULL,
  seq bigint NOT NULL,
  hash bytea NOT NULL,
  purged_before timestamptz NOT NULL,
  purged_count bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, seq)
);

-- Append-only. UPDATE always raises; DELETE raises except inside the purge job, which sets
-- samspil.audit_purge for its own transaction. On PostgreSQL with a separate application
-- role, REVOKE UPDATE, DELETE as well (docs/security.md).
CREATE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('samspil.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
