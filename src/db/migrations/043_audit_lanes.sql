-- 043: several audit chains ("lanes") per municipality, so audited reads commit in parallel.
--
-- One chain per municipality made every audit batch wait for the previous batch's commit (each
-- advances the one head row): on PostgreSQL one WAL flush per batch, one batch at a time, and
-- the plan overview waited on that latency while the server idled (docs/performance.md). With
-- lanes, batches on different lanes commit side by side, and PostgreSQL's group commit lets one
-- flush carry several of them. Each lane is a complete hash chain of its own (decision 0004,
-- amended): its records link to each other, are numbered 1, 2, 3, … within the lane, and end
-- at the lane's head; removing or changing a record breaks its lane exactly as before.
-- Existing records and heads become lane 0, unchanged, so they verify as they did.
ALTER TABLE audit_event ADD COLUMN lane smallint NOT NULL DEFAULT 0;
DROP INDEX audit_event_seq_idx;
CREATE UNIQUE INDEX audit_event_seq_idx ON audit_event (municipality_id, lane, seq);

ALTER TABLE audit_chain_head ADD COLUMN lane smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_chain_head DROP CONSTRAINT audit_chain_head_pkey;
ALTER TABLE audit_chain_head ADD PRIMARY KEY (municipality_id, lane);

ALTER TABLE audit_checkpoint ADD COLUMN lane smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_checkpoint DROP CONSTRAINT audit_checkpoint_pkey;
ALTER TABLE audit_checkpoint ADD PRIMARY KEY (municipality_id, lane, seq);

-- Only list reads name the citizens they showed; a plan read's record has no seenCitizens, and
-- the index need not carry an entry for each of them. The access-log queries' containment test
-- (details -> 'seenCitizens') @> … implies the predicate, so they still use it.
DROP INDEX audit_event_seen_citizens_idx;
CREATE INDEX audit_event_seen_citizens_idx ON audit_event
  USING gin ((details -> 'seenCitizens') jsonb_path_ops)
  WHERE (details -> 'seenCitizens') IS NOT NULL;

DROP FUNCTION audit_append(uuid, bigint, bigint, text, uuid[], timestamptz[], text[], uuid[], text[],
  uuid[], text[], uuid[], text[], text[], text[], text[], text[], text[], bigint[], text[], text[]);

-- As in 026, with the lane: compare-and-set on the lane's head, then the batch's rows.
CREATE FUNCTION audit_append(
  p_municipality_id uuid,
  p_lane smallint,
  p_expected_seq bigint,
  p_last_seq bigint,
  p_last_hash text,
  p_ids uuid[],
  p_at timestamptz[],
  p_actor_kinds text[],
  p_actor_ids uuid[],
  p_actor_roles text[],
  p_actor_unit_ids uuid[],
  p_on_behalf_of text[],
  p_citizen_ids uuid[],
  p_actions text[],
  p_resources text[],
  p_outcomes text[],
  p_client_ips text[],
  p_purposes text[],
  p_details text[],
  p_seqs bigint[],
  p_prev_hashes text[],
  p_hashes text[]
) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  inserted integer;
BEGIN
  UPDATE audit_chain_head SET seq = p_last_seq, hash = decode(p_last_hash, 'hex')
   WHERE municipality_id = p_municipality_id AND lane = p_lane AND seq = p_expected_seq;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  INSERT INTO audit_event (municipality_id, lane, id, at, actor_kind, actor_id, actor_role,
    actor_unit_id, on_behalf_of, citizen_id, action, resource, outcome, client_ip, purpose, details,
    seq, prev_hash, hash)
  SELECT p_municipality_id, p_lane, r.id, r.at, r.actor_kind, r.actor_id, r.actor_role,
    r.actor_unit_id, r.on_behalf_of, r.citizen_id, r.action, r.resource, r.outcome, r.client_ip,
    r.purpose, r.details::jsonb, r.seq, decode(r.prev_hash, 'hex'), decode(r.hash, 'hex')
  FROM unnest(p_ids, p_at, p_actor_kinds, p_actor_ids, p_actor_roles, p_actor_unit_ids, p_on_behalf_of,
    p_citizen_ids, p_actions, p_resources, p_outcomes, p_client_ips, p_purposes, p_details, p_seqs,
    p_prev_hashes, p_hashes)
    AS r(id, at, actor_kind, actor_id, actor_role, actor_unit_id, on_behalf_of, citizen_id, action,
      resource, outcome, client_ip, purpose, details, seq, prev_hash, hash);
  GET DIAGNOSTICS inserted = ROW_COUNT;
  RETURN inserted;
END;
$$;
