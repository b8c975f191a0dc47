-- 022: Goal Attainment Scaling weights and who scored (issue 13).
-- A sub-goal's weight in the citizen's T-score (Kiresuk & Sherman): a positive whole number,
-- 1 when the goals are not weighted. Changed as a plan change, so the plan's history keeps it.
ALTER TABLE sub_goal ADD COLUMN gas_weight smallint NOT NULL DEFAULT 1
  CHECK (gas_weight BETWEEN 1 AND 100);

-- Each follow-up keeps the weight in force when it was scored (the T-score after it is computed
-- with the weights of its time) and who gave the score. Rows from before this migration have
-- weight 1 (the only weight there was) and no scorer kind (it was not recorded).
ALTER TABLE sub_goal_gas_history ADD COLUMN gas_weight smallint NOT NULL DEFAULT 1
  CHECK (gas_weight BETWEEN 1 AND 100);
ALTER TABLE sub_goal_gas_history ADD COLUMN scorer_kind text
  CHECK (scorer_kind IN ('citizen', 'relative', 'professional', 'independent-assessor'));
