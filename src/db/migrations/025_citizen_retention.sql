-- 025: how long a citizen's data is kept after her case ends (issue 16, decision 0018).
--
-- Months after the last thing that happened in a closed case; NULL (the default) deletes
-- nothing: deletion cannot be undone, and the archive rules (arkivloven) are the municipality's
-- to apply, so it is off until the municipality sets a period.
ALTER TABLE municipality ADD COLUMN citizen_retention_months integer
  CHECK (citizen_retention_months BETWEEN 12 AND 1200);

-- A deleted plan, consent or break-the-glass access must leave every process's caches too
-- (migration 009 tells them of inserts and updates only).
CREATE FUNCTION samspil_notify_plans_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- 2147483647: newer than any cached version, so each process forgets its copy.
  PERFORM pg_notify('samspil_cache', 'plan:' || municipality_id || ':' || citizen_id || ':2147483647')
     FROM removed;
  RETURN NULL;
END $$;
CREATE TRIGGER plan_document_deleted AFTER DELETE ON plan_document
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_plans_deleted();

CREATE FUNCTION samspil_notify_grants_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('samspil_cache', 'grant:' || municipality_id || ':' || citizen_id) FROM removed;
  RETURN NULL;
END $$;
CREATE TRIGGER consent_deleted AFTER DELETE ON consent
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_grants_deleted();
CREATE TRIGGER break_glass_deleted AFTER DELETE ON break_glass
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_grants_deleted();
