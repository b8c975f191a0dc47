-- 034: network meetings in the Open Dialogue tradition (issue 14, item 2).
--
-- The citizen decides whom to invite: each participant records whether she agreed to (or herself
-- asked for) the invitation; a relative or civil-society participant of a network meeting needs it.
-- Each participant has a role (one tovholder, a mødeleder, reflecting participants, the rest
-- plain participants) and, once the meeting is held, whether they came.
ALTER TABLE meeting_participant ADD COLUMN role text NOT NULL DEFAULT 'participant'
  CHECK (role IN ('participant', 'coordinator', 'facilitator', 'reflecting'));
ALTER TABLE meeting_participant ADD COLUMN citizen_consent text
  CHECK (citizen_consent IN ('agreed', 'asked'));
ALTER TABLE meeting_participant ADD COLUMN attended boolean;
CREATE UNIQUE INDEX meeting_participant_one_coordinator_idx
  ON meeting_participant (municipality_id, meeting_id) WHERE role = 'coordinator';

-- The agenda as points (proposed from the plan and her preparation, then edited), the record of
-- a held meeting, the meeting it planned next, and when its agreements were written to the plan.
ALTER TABLE meeting ADD COLUMN agenda_points jsonb;
ALTER TABLE meeting ADD COLUMN reflections text;
ALTER TABLE meeting ADD COLUMN open_questions text;
ALTER TABLE meeting ADD COLUMN citizen_present boolean;
ALTER TABLE meeting ADD COLUMN next_meeting_id uuid;
ALTER TABLE meeting ADD COLUMN agreements_written_at timestamptz;
ALTER TABLE meeting ADD COLUMN agreements_written_by uuid;

-- An agreement made at the meeting: a change to the plan, in the words said at the meeting and as
-- the plan command it becomes. Written to the plan together (all or nothing); `outcome` says
-- whether it was written directly or became a proposal to the owning unit.
CREATE TABLE meeting_agreement (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN
    ('new_sub_goal', 'change_sub_goal', 'new_intervention', 'change_intervention', 'follow_up')),
  text text NOT NULL,
  target_id uuid,
  change jsonb NOT NULL,
  outcome text CHECK (outcome IN ('written', 'proposed')),
  entity_id uuid,
  proposal_id uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meeting (municipality_id, id)
);
CREATE INDEX meeting_agreement_meeting_idx ON meeting_agreement (municipality_id, meeting_id, position);
