-- 018: the citizen prepares a meeting (issue 11, item 4): what matters to her, what works for her,
-- what she wants to talk about and whom she would like invited. One preparation a meeting, hers;
-- it is part of the meeting's details (those who see only that it takes place do not see it).
CREATE TABLE meeting_preparation (
  municipality_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  matters text,
  works text,
  talk_about text,
  invite_wishes text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, meeting_id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meeting (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  CHECK (matters IS NOT NULL OR works IS NOT NULL OR talk_about IS NOT NULL OR invite_wishes IS NOT NULL)
);
