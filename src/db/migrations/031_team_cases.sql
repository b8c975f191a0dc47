-- 031: team meetings with a case list (issue 14, item 3), e.g. the rehabilitation team. A team
-- meeting is the team's session (one unit holds it); each case on its list is one citizen's,
-- with the caseworker's summary, her own preparation where she gave it (through her meeting of
-- kind 'team', migration 018), whether she attends and her support person (bisidder), and the
-- team's recommendation (indstilling) with reasons. A final decision that departs from the
-- recommendation sends the case back: it is on the team's list again as returned, with why.
CREATE TABLE team_meeting (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  unit_id uuid NOT NULL,
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id)
);
CREATE INDEX team_meeting_unit_idx ON team_meeting (municipality_id, unit_id, starts_at);

CREATE TABLE team_case (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  team_meeting_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  -- Her own meeting of kind 'team' (her invitation), whose preparation is hers.
  citizen_meeting_id uuid,
  summary text NOT NULL,
  citizen_attends boolean NOT NULL DEFAULT false,
  support_person text,
  status text NOT NULL DEFAULT 'listed' CHECK (status IN ('listed', 'recommended', 'returned')),
  recommendation text,
  recommendation_reasons text,
  recommended_by uuid,
  recommended_at timestamptz,
  returned_reason text,
  returned_decision_id uuid,
  returned_at timestamptz,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, team_meeting_id) REFERENCES team_meeting (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_meeting_id) REFERENCES meeting (municipality_id, id),
  CHECK (status = 'listed' OR recommendation IS NOT NULL),
  CHECK (status <> 'returned' OR returned_reason IS NOT NULL)
);
CREATE INDEX team_case_meeting_idx ON team_case (municipality_id, team_meeting_id, created_at);
CREATE INDEX team_case_citizen_idx ON team_case (municipality_id, citizen_id);

-- A decision follows a team case's recommendation, or departs from it and says why.
ALTER TABLE decision ADD COLUMN team_case_id uuid;
ALTER TABLE decision ADD COLUMN departure_reason text;
ALTER TABLE decision ADD CONSTRAINT decision_team_case_fk
  FOREIGN KEY (municipality_id, team_case_id) REFERENCES team_case (municipality_id, id);
