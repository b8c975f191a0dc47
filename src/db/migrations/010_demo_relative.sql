-- 010: a demo persona for a relative with power of attorney (fuldmagt). Its subject is one of the
-- relative's delegations; the login finds all of theirs through the delegation's grantee, as a
-- MitID login does.
ALTER TABLE demo_persona DROP CONSTRAINT demo_persona_subject_kind_check;
ALTER TABLE demo_persona ADD CONSTRAINT demo_persona_subject_kind_check
  CHECK (subject_kind IN ('professional', 'citizen', 'relative'));
