-- 007: when the coordination scan ran, flag owners that follow the plan, and pathway ends.

-- Every run of the batch scan, nightly (by the server's own scheduler), manual (`samspil
-- coordination scan`) or at demo generation. A nightly run is claimed by inserting its row, so
-- of several server processes on one database exactly one scans each municipality each night; a
-- run that failed (error set) no longer holds the claim, so a later attempt retries it.
CREATE TABLE coordination_scan_run (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  -- The Danish calendar day the rules were evaluated for.
  day date NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('nightly', 'manual', 'demo')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  citizens integer,
  findings integer,
  created integer,
  reopened integer,
  resolved integer,
  error text,
  PRIMARY KEY (municipality_id, id)
);
CREATE UNIQUE INDEX coordination_scan_run_nightly_idx ON coordination_scan_run (municipality_id, day)
  WHERE trigger = 'nightly' AND error IS NULL;

-- A flag's owner is the one its rule names, else the coordinator, else the first responsible
-- professional, and follows the plan when that changes (a new coordinator takes over the open
-- flags) — until a person acknowledges it ("I take it on"), which makes it theirs for good.
ALTER TABLE coordination_flag ADD COLUMN owner_taken_by uuid;
ALTER TABLE coordination_flag_event DROP CONSTRAINT coordination_flag_event_action_check;
ALTER TABLE coordination_flag_event ADD CONSTRAINT coordination_flag_event_action_check
  CHECK (action IN ('opened', 'acknowledged', 'resolved', 'dismissed', 'reopened', 'auto_resolved',
                    'owner_changed', 'taken_over'));

-- Pathways are started and ended through the plan (with history), not only by data loads.
ALTER TABLE pathway ADD COLUMN end_reason text;
