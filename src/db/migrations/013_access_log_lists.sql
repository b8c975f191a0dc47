-- 013: the citizen's access log finds the list reads they appeared in. A list read (caseload,
-- My day, unit overview, inbox, referral and break-the-glass lists, audit search) is one audit
-- record whose details name the citizens shown (details.seenCitizens, hashed in the chain like
-- all details); this index lets one citizen's log find them without scanning the trail.
CREATE INDEX audit_event_seen_citizens_idx ON audit_event
  USING gin ((details -> 'seenCitizens') jsonb_path_ops);
