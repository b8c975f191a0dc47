-- Meetings that create coherence: network meetings (the citizen decides who is invited) and
-- interdisciplinary team meetings, with their participants. A participant has a relationship
-- to the citizen from the invitation until some days after the meeting (a municipality setting).
-- Also: the read model's relations for pending referrals and meetings, and interventions'
-- case references (what a consent limited to one case refers to).

CREATE TABLE meeting (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('network', 'team')),
  purpose text NOT NULL,
  agenda text,
  starts_at timestamptz NOT NULL,
  -- Where: a place (address, room), or online, or both (a hybrid meeting).
  place text,
  online boolean NOT NULL DEFAULT false,
  organiser_id uuid NOT NULL,
  organiser_unit_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  summary text,
  cancel_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, organiser_id) REFERENCES professional (municipality_id, id),
  CHECK (place IS NOT NULL OR online)
);
CREATE INDEX meeting_citizen_idx ON meeting (municipality_id, citizen_id, starts_at);

-- Who is invited: professionals (with a login), or a relative / civil-society participant by name.
CREATE TABLE meeting_participant (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('professional', 'network', 'civil_society')),
  professional_id uuid,
  name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meeting (municipality_id, id),
  FOREIGN KEY (municipality_id, professional_id) REFERENCES professional (municipality_id, id),
  CHECK ((kind = 'professional') = (professional_id IS NOT NULL)),
  CHECK (kind = 'professional' OR name IS NOT NULL)
);
CREATE INDEX meeting_participant_meeting_idx ON meeting_participant (municipality_id, meeting_id);
CREATE INDEX meeting_participant_professional_idx ON meeting_participant (municipality_id, professional_id);

-- How many days after a meeting its participants keep their relationship to the citizen.
ALTER TABLE municipality
  ADD COLUMN meeting_relation_days integer NOT NULL DEFAULT 14
  CHECK (meeting_relation_days BETWEEN 0 AND 365);

-- The read model's relations: units with a pending referral (every professional of such a
-- unit may see the plan) and meeting participants with the end of their relationship.
ALTER TABLE plan_document ADD COLUMN referral_unit_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE plan_document ADD COLUMN meeting_relations jsonb NOT NULL DEFAULT '[]';
UPDATE plan_document AS d
SET referral_unit_ids = pending.unit_ids
FROM (
  SELECT municipality_id, citizen_id, array_agg(DISTINCT to_unit_id) AS unit_ids
  FROM referral
  WHERE status IN ('requested', 'accepted') AND to_unit_id IS NOT NULL
  GROUP BY municipality_id, citizen_id
) AS pending
WHERE d.municipality_id = pending.municipality_id AND d.citizen_id = pending.citizen_id;

-- A unit's own case (journal) number for an intervention: a consent limited to one case
-- covers the interventions of that case only.
ALTER TABLE intervention ADD COLUMN case_reference text;
