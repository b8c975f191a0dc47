-- 035: follow-up that changes what does not work (issue 14). Every intervention (001) and now
-- every sub-goal has a next follow-up date; a held follow-up is a record of its own: the item
-- followed up, when and by whom, the FSIII follow-up code with its reasons, and the next date.
-- The measures taken at it live where all measures live (measure_response with context
-- 'follow-up' and this id; the GAS level in sub_goal_gas_history, named by gas_history_id), and
-- a change it decides is an ordinary plan change whose history names it (028's origin).
ALTER TABLE sub_goal ADD COLUMN follow_up_date date;

CREATE TABLE follow_up (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  item_kind text NOT NULL CHECK (item_kind IN ('intervention', 'sub_goal')),
  item_id uuid NOT NULL,
  held_on date NOT NULL,
  held_by uuid NOT NULL,
  code text NOT NULL CHECK (code IN ('continue', 'change', 'end', 'reassess')),
  reasons text,
  next_date date,
  gas_history_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, held_by) REFERENCES professional (municipality_id, id),
  FOREIGN KEY (municipality_id, gas_history_id) REFERENCES sub_goal_gas_history (municipality_id, id),
  -- The FSIII rules the API checks first (src/domain/plan/follow-up.ts), held here too.
  CHECK (code = 'continue' OR reasons IS NOT NULL),
  CHECK (code NOT IN ('continue', 'change') OR next_date IS NOT NULL),
  CHECK (next_date IS NULL OR next_date > held_on)
);
CREATE INDEX follow_up_item_idx ON follow_up (municipality_id, citizen_id, item_id, held_on);
