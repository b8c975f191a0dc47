-- 017: the citizen's own part of the plan (issue 11): her own steps and what her network and
-- she do (activity-pyramid levels 1–2), and her comments on the plan, an approval among them.
-- The goal in her own words is plan.goal_own_words; the professional's wording stays apart in
-- plan.goal_professional. Rows are never deleted: a step is marked done, a comment stays.
CREATE TABLE own_step (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  title text NOT NULL,
  -- Who does it: the citizen herself (level 1) or her network, family and friends (level 2).
  doer text NOT NULL CHECK (doer IN ('me', 'network')),
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id)
);
CREATE INDEX own_step_citizen_idx ON own_step (municipality_id, citizen_id, created_at);

CREATE TABLE plan_comment (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  -- The plan version the comment was written on: an approval approves exactly that version.
  plan_version integer NOT NULL,
  text text,
  approves boolean NOT NULL DEFAULT false,
  -- An approval may stand without words; a comment may not.
  CHECK (approves OR text IS NOT NULL),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id)
);
CREATE INDEX plan_comment_citizen_idx ON plan_comment (municipality_id, citizen_id, created_at DESC);

-- Plans stored before this hold neither list: give them empty ones, so every document has the
-- shape the API promises (both lists fill on the plan's next change).
UPDATE plan_document SET document = document || '{"ownSteps": [], "comments": []}'::jsonb
 WHERE document -> 'ownSteps' IS NULL;
