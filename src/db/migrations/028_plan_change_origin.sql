-- 028: what a plan change came from (issue 14). Agreements made at a network meeting, a change
-- decided at a follow-up, or a final decision are written to the plan as ordinary versioned
-- changes; the history names the meeting, follow-up or decision they came from, so "why did this
-- change?" is answered from the plan itself. Both columns are set together or not at all.
ALTER TABLE plan_history ADD COLUMN origin_kind text
  CHECK (origin_kind IN ('meeting', 'follow_up', 'decision'));
ALTER TABLE plan_history ADD COLUMN origin_id uuid;
ALTER TABLE plan_history ADD CONSTRAINT plan_history_origin_whole
  CHECK ((origin_kind IS NULL) = (origin_id IS NULL));
CREATE INDEX plan_history_origin_idx ON plan_history (municipality_id, origin_id)
  WHERE origin_id IS NOT NULL;
