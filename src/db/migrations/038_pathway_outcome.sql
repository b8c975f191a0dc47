-- 038: a pathway ends with a coded outcome (issue 15, decision 0025) beside the caseworker's own
-- words (end_reason, 007): ordinary job, education, flex job (fleksjob), disability pension
-- (førtidspension) or another ending (moved, died, another pathway, ...). The codes are held
-- once in src/domain/plan/pathway-outcome.ts and here. Pathways ended before this migration,
-- and ends recorded through the API without a code, have none: the outcome figure counts them
-- as "not recorded", never as one of the outcomes.
ALTER TABLE pathway ADD COLUMN outcome text
  CHECK (outcome IN ('job', 'education', 'flex-job', 'disability-pension', 'other'));
ALTER TABLE pathway ADD CONSTRAINT pathway_outcome_only_when_ended
  CHECK (outcome IS NULL OR end_date IS NOT NULL);
