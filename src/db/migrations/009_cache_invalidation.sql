-- 009: tell every server process when something it caches changed.
--
-- Each process keeps plans (by version), consents and break-the-glass accesses, and sessions in
-- memory. With several processes on one PostgreSQL, a change made through one must reach the
-- others at once — a withdrawn consent takes effect immediately. Triggers notify one channel,
-- delivered at commit (never for a rolled-back change); a statement touching many rows sends one
-- "everything of this municipality" message instead of thousands.

CREATE FUNCTION samspil_notify_plans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM changed) > 100 THEN
    PERFORM pg_notify('samspil_cache', 'plans:' || m) FROM (SELECT DISTINCT municipality_id AS m FROM changed) x;
  ELSE
    PERFORM pg_notify('samspil_cache', 'plan:' || municipality_id || ':' || citizen_id || ':' || version)
       FROM changed;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER plan_document_inserted AFTER INSERT ON plan_document
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_plans();
CREATE TRIGGER plan_document_updated AFTER UPDATE ON plan_document
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_plans();

CREATE FUNCTION samspil_notify_grants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM changed) > 100 THEN
    PERFORM pg_notify('samspil_cache', 'grants:' || m) FROM (SELECT DISTINCT municipality_id AS m FROM changed) x;
  ELSE
    PERFORM pg_notify('samspil_cache', 'grant:' || municipality_id || ':' || citizen_id) FROM changed;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER consent_inserted AFTER INSERT ON consent
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_grants();
CREATE TRIGGER consent_updated AFTER UPDATE ON consent
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_grants();
CREATE TRIGGER break_glass_inserted AFTER INSERT ON break_glass
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_grants();
CREATE TRIGGER break_glass_updated AFTER UPDATE ON break_glass
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_grants();

-- Sessions: ended (logout, logout everywhere, a disabled account, a withdrawn fuldmagt) or moved
-- to another citizen (a relative's choice). Not on the frequent last-seen touches.
CREATE FUNCTION samspil_notify_sessions_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM ended) > 100 THEN
    PERFORM pg_notify('samspil_cache', 'sessions');
  ELSE
    PERFORM pg_notify('samspil_cache', 'session:' || encode(token_hash, 'base64')) FROM ended;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER session_deleted AFTER DELETE ON session
  REFERENCING OLD TABLE AS ended FOR EACH STATEMENT EXECUTE FUNCTION samspil_notify_sessions_ended();

CREATE FUNCTION samspil_notify_session_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('samspil_cache', 'session:' || encode(NEW.token_hash, 'base64'));
  RETURN NULL;
END $$;
CREATE TRIGGER session_moved AFTER UPDATE OF municipality_id, subject_kind, subject_id ON session
  FOR EACH ROW EXECUTE FUNCTION samspil_notify_session_moved();
