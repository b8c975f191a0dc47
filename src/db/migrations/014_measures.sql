-- Measures (issue 13): questionnaire responses about a citizen, licensed instruments loaded by
-- a municipality, and the anonymous collaboration (relational coordination) and
-- quality-indicator surveys of units and development projects.

-- An instrument a municipality holds a licence for, loaded from JSON (the shipped ones live in
-- code). One row per version: a response names the version it answered.
CREATE TABLE instrument (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  code text NOT NULL,
  version text NOT NULL,
  definition jsonb NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  -- The administrator who loaded it; NULL when the operator loaded it with the CLI.
  loaded_by uuid,
  PRIMARY KEY (municipality_id, code, version)
);

-- One answered questionnaire about a citizen: a FHIR QuestionnaireResponse (questionnaire =
-- instrument code and version, subject = citizen, author = respondent, authored = answered_at,
-- item answers = answers as [{linkId, code}]), with the evaluator's score kept beside it.
CREATE TABLE measure_response (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  instrument_code text NOT NULL,
  instrument_version text NOT NULL,
  respondent_kind text NOT NULL
    CHECK (respondent_kind IN ('citizen', 'relative', 'professional', 'independent-assessor')),
  -- Who recorded it: a professional, the citizen, or the delegation a relative acted through.
  recorded_by uuid NOT NULL,
  answered_at timestamptz NOT NULL,
  context_kind text NOT NULL CHECK (context_kind IN ('meeting', 'follow-up', 'survey-round', 'other')),
  context_id uuid,
  answers jsonb NOT NULL,
  raw double precision,
  score double precision,
  band text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id)
);
CREATE INDEX measure_response_citizen_idx
  ON measure_response (municipality_id, citizen_id, instrument_code, answered_at);

-- A collaboration survey over a unit (or a development project) between work groups.
CREATE TABLE collaboration_survey (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  title text NOT NULL,
  groups text[] NOT NULL,
  unit_id uuid NOT NULL,
  project text,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id)
);

-- Anonymous answers: a respondent is a key that only ties one person's lines together within a
-- round (never a person, never the invitation link).
CREATE TABLE collaboration_response (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  round text NOT NULL,
  respondent text NOT NULL,
  group_name text NOT NULL,
  about_group text NOT NULL,
  frequent smallint NOT NULL CHECK (frequent BETWEEN 1 AND 5),
  timely smallint NOT NULL CHECK (timely BETWEEN 1 AND 5),
  accurate smallint NOT NULL CHECK (accurate BETWEEN 1 AND 5),
  problem_solving smallint NOT NULL CHECK (problem_solving BETWEEN 1 AND 5),
  shared_goals smallint NOT NULL CHECK (shared_goals BETWEEN 1 AND 5),
  shared_knowledge smallint NOT NULL CHECK (shared_knowledge BETWEEN 1 AND 5),
  mutual_respect smallint NOT NULL CHECK (mutual_respect BETWEEN 1 AND 5),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES collaboration_survey (municipality_id, id),
  UNIQUE (municipality_id, survey_id, round, respondent, about_group)
);

CREATE TABLE quality_survey (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  title text NOT NULL,
  -- [{code, text}] in the order shown.
  items jsonb NOT NULL,
  unit_id uuid NOT NULL,
  project text,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id)
);

CREATE TABLE quality_response (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  survey_id uuid NOT NULL,
  round text NOT NULL CHECK (round IN ('baseline', 'end')),
  respondent text NOT NULL,
  item_code text NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, survey_id) REFERENCES quality_survey (municipality_id, id),
  UNIQUE (municipality_id, survey_id, round, respondent, item_code)
);
