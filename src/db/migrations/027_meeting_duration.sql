-- 027: how long a meeting is planned to last, in minutes (default one hour), so a calendar entry
-- and a reminder can say when it ends. The field walkthrough of docs/CONTRIBUTING.md was tried on it.
ALTER TABLE meeting ADD COLUMN duration_minutes integer NOT NULL DEFAULT 60
  CHECK (duration_minutes BETWEEN 5 AND 600);
