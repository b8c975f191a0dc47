-- 030: a decision as a checklist of the legal steps (issue 14, item 4). Builds on 020: the draft
-- (facts, legal basis), an informal contact planned and its outcome ("handle informally, but keep
-- registering"), the hearing (or why none was needed), the final decision with what the hearing
-- changed, its reasons (forvaltningsloven §§ 22–24) and appeal guidance (§ 25), and after an
-- appeal the municipality's reconsideration and the appeal body's result.
ALTER TABLE decision ADD COLUMN informal_contact_kind text CHECK (informal_contact_kind IN ('call', 'meeting'));
ALTER TABLE decision ADD COLUMN informal_contact_planned_on date;
ALTER TABLE decision ADD COLUMN informal_contact_held_on date;
ALTER TABLE decision ADD COLUMN informal_contact_outcome text;
-- When the draft went to hearing (020's rows went at once, when they were made).
ALTER TABLE decision ADD COLUMN hearing_sent_at timestamptz;
UPDATE decision SET hearing_sent_at = created_at WHERE status IN ('hearing', 'final') AND hearing_until IS NOT NULL;
-- Why no hearing was needed (e.g. she gets everything she asked for): recorded, never assumed.
ALTER TABLE decision ADD COLUMN no_hearing_reason text;
-- The final decision: what the hearing changed (and whether it changed it), the reasons and the
-- appeal guidance, the day it was made and by whom.
ALTER TABLE decision ADD COLUMN changed_by_hearing boolean;
ALTER TABLE decision ADD COLUMN hearing_changes text;
-- The decision as made, when it differs from the proposal sent to hearing.
ALTER TABLE decision ADD COLUMN decision_text text;
ALTER TABLE decision ADD COLUMN reasons_rules text;
ALTER TABLE decision ADD COLUMN reasons_considerations text;
ALTER TABLE decision ADD COLUMN reasons_facts text;
ALTER TABLE decision ADD COLUMN appeal_body text;
ALTER TABLE decision ADD COLUMN appeal_how text;
ALTER TABLE decision ADD COLUMN appeal_weeks integer CHECK (appeal_weeks BETWEEN 1 AND 52);
ALTER TABLE decision ADD COLUMN decided_on date;
ALTER TABLE decision ADD COLUMN finalised_by uuid;
-- What a final decision must hold (reasons, guidance, its day) is the command's rule
-- (src/server/decisions/decision-steps.commands.ts), checked before the row is written.
CREATE INDEX decision_decided_idx ON decision (municipality_id, decided_on);

-- A final decision is immutable: what was decided and why stays as the citizen was told it. An
-- appeal is recorded beside it (decision_appeal); retention may still delete the whole case.
CREATE FUNCTION decision_final_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'decision % is final and cannot change', OLD.id;
END;
$$;
CREATE TRIGGER decision_final_immutable BEFORE UPDATE ON decision
  FOR EACH ROW WHEN (OLD.status = 'final') EXECUTE FUNCTION decision_final_immutable();

-- An appeal of a final decision (one a decision): received, reconsidered by the municipality
-- within 4 weeks (upheld → forwarded to the appeal body, or changed in her favour), and the
-- appeal body's result.
CREATE TABLE decision_appeal (
  municipality_id uuid NOT NULL,
  decision_id uuid NOT NULL,
  citizen_id uuid NOT NULL,
  received_on date NOT NULL,
  -- The last day of the reconsideration, a Danish calendar day: received + 4 weeks.
  reconsideration_due date NOT NULL,
  reconsidered_on date,
  reconsideration_outcome text CHECK (reconsideration_outcome IN ('upheld', 'changed')),
  reconsideration_note text,
  forwarded_on date,
  result text CHECK (result IN ('upheld', 'changed', 'remitted', 'rejected')),
  result_on date,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, decision_id),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES decision (municipality_id, id),
  FOREIGN KEY (municipality_id, citizen_id) REFERENCES citizen (municipality_id, id),
  CHECK ((reconsidered_on IS NULL) = (reconsideration_outcome IS NULL)),
  CHECK (forwarded_on IS NULL OR reconsideration_outcome = 'upheld'),
  CHECK (result IS NULL OR forwarded_on IS NOT NULL),
  CHECK ((result IS NULL) = (result_on IS NULL))
);
