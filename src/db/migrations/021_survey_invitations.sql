-- 021: single-use invitation links to a collaboration survey round (issue 13, item 3), so that
-- respondents answer in the browser without a login and their answers stay anonymous
-- (docs/decisions/0012-measures-instruments-as-data-and-echarts.md, "Invitation links").
--
-- An unused link: only the SHA-256 of its token is kept, never the token. The row is deleted in
-- the transaction that stores the answer, so no row is left to pair with the answer: not by a
-- key, not by a time, not by the transaction id (xmin) an updated row would share with it.
CREATE TABLE survey_invitation (
  -- Hex SHA-256 of the 32 random bytes of the token; the token itself is shown once.
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  municipality_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  round text NOT NULL,
  -- The work group the respondent belongs to (one of the survey's groups).
  group_name text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES collaboration_survey (municipality_id, id)
);
CREATE INDEX survey_invitation_survey_idx ON survey_invitation (municipality_id, survey_id, round);

-- How many links were issued and used per round and group: counts only, what the team leader sees.
CREATE TABLE survey_invitation_count (
  municipality_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  round text NOT NULL,
  group_name text NOT NULL,
  issued integer NOT NULL CHECK (issued >= 0),
  used integer NOT NULL DEFAULT 0 CHECK (used >= 0 AND used <= issued),
  -- When the round's first links for this group were issued (orders the rounds).
  first_issued_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, survey_id, round, group_name),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES collaboration_survey (municipality_id, id)
);

-- Where an answer came from: a CSV import replaces only the imported answers of its round, never
-- those given through links. A link answer's id is a random UUID (v4), which holds no time.
ALTER TABLE collaboration_response
  ADD COLUMN source text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'link'));
