-- Coordination across silos: weekly schedules, pathways, GAS follow-ups, coordination flags with
-- their history, per-municipality rule configuration, the in-app inbox and referrals.
-- As everywhere, citizen data leads its keys with municipality_id.

-- A simple weekly schedule per intervention (JSON array of {day, from, to, homeVisit}), so the
-- collision rule can see clashes. NULL when nobody has said when it happens.
ALTER TABLE intervention ADD COLUMN schedule jsonb;

-- A framed course for the citizen (ressourceforløb, jobafklaringsforløb, helhedsorienteret plan, …).
-- Only what the stalled rule needs today: which template, when it started, whether it has ended.
CREATE TABLE pathway (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  template_code text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id)
);
CREATE INDEX pathway_citizen_idx ON pathway (municipality_id, citizen_id);

-- Every recorded Goal Attainment Scaling level of a sub-goal, oldest first: "flat or falling over
-- the last K follow-ups" needs the series, not only the latest value.
CREATE TABLE sub_goal_gas_history (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  sub_goal_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  gas_level smallint NOT NULL CHECK (gas_level BETWEEN -2 AND 2),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid,
  note text,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, sub_goal_id) REFERENCES sub_goal (municipality_id, id)
);
CREATE INDEX sub_goal_gas_history_citizen_idx
  ON sub_goal_gas_history (municipality_id, citizen_id, sub_goal_id, recorded_at);

-- Rule configuration per municipality: rules switched off, thresholds changed. Absent = defaults.
CREATE TABLE coordination_rule_config (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  rule_id text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  settings jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id, rule_id)
);

-- A coordination problem found by a rule. One row per (citizen, fingerprint): re-running a check
-- finds the same row, so flags are never duplicated. A flag whose condition disappears is resolved
-- by the system (resolved_by NULL) and reopens if the condition returns; a flag a person resolved
-- or dismissed stays closed for that fingerprint.
CREATE TABLE coordination_flag (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  rule_id text NOT NULL,
  fingerprint text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  subject_ids uuid[] NOT NULL DEFAULT '{}',
  unit_ids uuid[] NOT NULL DEFAULT '{}',
  sectors text[] NOT NULL DEFAULT '{}',
  explanation jsonb NOT NULL,
  owner_id uuid,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed')),
  status_comment text,
  status_by uuid,
  status_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, citizen_id, fingerprint),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id)
);
CREATE INDEX coordination_flag_open_idx ON coordination_flag (municipality_id, citizen_id)
  WHERE status IN ('open', 'acknowledged');
CREATE INDEX coordination_flag_owner_idx ON coordination_flag (municipality_id, owner_id)
  WHERE status IN ('open', 'acknowledged');

-- Who changed a flag's status, when and why.
CREATE TABLE coordination_flag_event (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  flag_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  action text NOT NULL
    CHECK (action IN ('opened', 'acknowledged', 'resolved', 'dismissed', 'reopened', 'auto_resolved')),
  comment text,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, flag_id) REFERENCES coordination_flag (municipality_id, id)
);
CREATE INDEX coordination_flag_event_flag_idx ON coordination_flag_event (municipality_id, flag_id, at);

-- The in-app inbox: "others also work with this citizen", referrals to answer, and so on.
CREATE TABLE notification (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  recipient_id uuid NOT NULL,
  citizen_id uuid,
  kind text NOT NULL,
  subject_id uuid,
  payload jsonb NOT NULL,
  actor_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  email_status text NOT NULL DEFAULT 'none' CHECK (email_status IN ('none', 'pending', 'sent', 'failed')),
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX notification_recipient_idx ON notification (municipality_id, recipient_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (municipality_id, recipient_id) WHERE read_at IS NULL;
CREATE INDEX notification_email_idx ON notification (municipality_id, created_at) WHERE email_status = 'pending';

-- A unit asks another unit (or a civil-society actor) to start an intervention for a sub-goal,
-- tracked until the loop is closed.
CREATE TABLE referral (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  sub_goal_id uuid,
  from_unit_id uuid NOT NULL,
  from_professional_id uuid NOT NULL,
  to_unit_id uuid,
  to_civil_society text,
  type_id uuid,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'accepted', 'declined', 'started', 'completed', 'withdrawn')),
  answer_due date NOT NULL,
  decline_reason text,
  intervention_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, from_unit_id) REFERENCES unit (municipality_id, id),
  FOREIGN KEY (municipality_id, to_unit_id) REFERENCES unit (municipality_id, id),
  FOREIGN KEY (municipality_id, sub_goal_id) REFERENCES sub_goal (municipality_id, id),
  CHECK ((to_unit_id IS NULL) <> (to_civil_society IS NULL))
);
CREATE INDEX referral_citizen_idx ON referral (municipality_id, citizen_id);
CREATE INDEX referral_to_unit_idx ON referral (municipality_id, to_unit_id) WHERE status IN ('requested', 'accepted', 'started');

CREATE TABLE referral_event (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid NOT NULL,
  status text NOT NULL,
  comment text,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, id)
);
CREATE INDEX referral_event_referral_idx ON referral_event (municipality_id, referral_id, at);
