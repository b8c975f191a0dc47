-- 020: a preliminary decision and the citizen's say on it (issue 11, item 6; the decision
-- workflow of issue 14 builds on these). Before a unit decides something that affects her, it
-- sends the draft to hearing (partshøring, forvaltningsloven § 19): what it intends, the facts it
-- relies on and the legal basis, with a deadline. She comments and corrects facts until then.
CREATE TABLE decision (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  -- The deciding unit: only its staff draft and finalise the decision.
  unit_id uuid NOT NULL,
  title text NOT NULL,
  proposal text NOT NULL,
  facts text NOT NULL,
  legal_basis text NOT NULL,
  negative boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'hearing' CHECK (status IN ('draft', 'hearing', 'final')),
  -- The last day she can answer, a Danish calendar day.
  hearing_until date,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  FOREIGN KEY (municipality_id, unit_id) REFERENCES unit (municipality_id, id),
  CHECK (status <> 'hearing' OR hearing_until IS NOT NULL)
);
CREATE INDEX decision_citizen_idx ON decision (municipality_id, citizen_id, created_at);

CREATE TABLE decision_response (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  decision_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  -- A comment on the proposal, or a correction of the facts it relies on.
  kind text NOT NULL CHECK (kind IN ('comment', 'correction')),
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES decision (municipality_id, id)
);
CREATE INDEX decision_response_decision_idx ON decision_response (municipality_id, decision_id, created_at);
