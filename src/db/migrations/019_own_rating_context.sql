-- 019: the citizen's own rating of a step (issue 11, item 5) is a measure whose context is the
-- step: a new context kind, `sub-goal`, beside meeting, follow-up and survey round.
ALTER TABLE measure_response DROP CONSTRAINT measure_response_context_kind_check;
ALTER TABLE measure_response ADD CONSTRAINT measure_response_context_kind_check
  CHECK (context_kind IN ('meeting', 'follow-up', 'survey-round', 'sub-goal', 'other'));
