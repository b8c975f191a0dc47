-- Step-up authentication: when the user last authenticated (the identity provider's
-- auth_time, or the demo login's time). Revealing a CPR number, breaking the glass and
-- exporting with a CPR number need an authentication within the last few minutes.
ALTER TABLE session ADD COLUMN auth_time timestamptz NOT NULL DEFAULT now();

-- A relative with delegated access (fuldmagt) is identified by the HMAC of their CPR number,
-- as on delegation.grantee_cpr_hmac, so they can choose (and switch) whose plan to act for.
ALTER TABLE session ADD COLUMN grantee_cpr_hmac bytea;

-- A relative with several delegations has a session before choosing: subject_kind 'relative',
-- no delegation yet; it reaches nothing but the choice.
ALTER TABLE session DROP CONSTRAINT session_subject_kind_check;
ALTER TABLE session ADD CONSTRAINT session_subject_kind_check
  CHECK (subject_kind IN ('professional', 'citizen', 'relative'));

-- Step-up and the page to return to travel with the login attempt (state is single use).
ALTER TABLE login_attempt ADD COLUMN step_up boolean NOT NULL DEFAULT false;
ALTER TABLE login_attempt ADD COLUMN return_to text;
