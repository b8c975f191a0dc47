-- The workspace asks "when did I last look at this plan?" of the audit trail, which already
-- records every read: no second write on the read path.
CREATE INDEX audit_event_actor_citizen_idx ON audit_event (municipality_id, actor_id, citizen_id, at DESC);
