-- 037: the plan read model says which shape of the document built it. The document is built in
-- code (rebuildPlanDocuments); when a release changes its shape (issue 14 added pathway stages,
-- follow-up dates, meeting links), plans stored by the old code would be served without the new
-- parts until their next change. Every stored document starts at format 0; at start-up the
-- server rebuilds those below the code's PLAN_DOCUMENT_FORMAT, in batches, once.
ALTER TABLE plan_document ADD COLUMN format integer NOT NULL DEFAULT 0;
CREATE INDEX plan_document_format_idx ON plan_document (format);
