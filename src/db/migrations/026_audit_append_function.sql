-- 026: the audit append as a function.
--
-- Every audited read ends in one group-committed append: advance the municipality's chain head
-- if it is still where the batch was chained from, and insert the batch's rows (unnest of one
-- array per column). Sent as a statement it was parsed and planned on every batch, about 1 ms
-- of the database's time even for one row (docs/performance.md, 2026-12-03). PL/pgSQL prepares
-- the plans of a function's statements once per connection, so the same SQL as a function is one
-- short call. Returns the number of rows inserted: 0 when the head had moved (compare-and-set).
CREATE FUNCTION audit_append(
  p_municipality_id uuid,
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
   WHERE municipality_id = p_municipality_id AND seq = p_expected_seq;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  INSERT INTO audit_event (municipality_id, id, at, actor_kind, actor_id, actor_role, actor_unit_id,
    on_behalf_of, citizen_id, action, resource, outcome, client_ip, purpose, details, seq, prev_hash, hash)
  SELECT p_municipality_id, r.id, r.at, r.actor_kind, r.actor_id, r.actor_role, r.actor_unit_id,
    r.on_behalf_of, r.citizen_id, r.action, r.resource, r.outcome, r.client_ip, r.purpose,
    r.details::jsonb, r.seq, decode(r.prev_hash, 'hex'), decode(r.hash, 'hex')
  FROM unnest(p_ids, p_at, p_actor_kinds, p_actor_ids, p_actor_roles, p_actor_unit_ids, p_on_behalf_of,
    p_citizen_ids, p_actions, p_resources, p_outcomes, p_client_ips, p_purposes, p_details, p_seqs,
    p_prev_hashes, p_hashes)
    AS r(id, at, actor_kind, actor_id, actor_role, actor_unit_id, on_behalf_of, citizen_id, action,
      resource, outcome, client_ip, purpose, details, seq, prev_hash, hash);
  GET DIAGNOSTICS inserted = ROW_COUNT;
  RETURN inserted;
END;
$$;
