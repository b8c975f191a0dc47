-- 032: durable background jobs (reminders) and calendar feed links (issue 14, item 6;
-- docs/decisions/0021-job-queue-reminders-and-calendar-feeds.md).
--
-- A job is work to do at a time, by whichever server process claims it first: a claim takes a
-- lease (locked_by, locked_until) with FOR UPDATE SKIP LOCKED, so two processes never run the
-- same job at once, and a process that dies leaves a lease that runs out and is claimed again.
-- The payload holds ids and times only (never a name, a CPR number or a text about a citizen):
-- the job reads what it needs when it runs, and checks that it is still relevant then.
CREATE TABLE job (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL,
  -- Enqueuing the same thing twice is one job: a reminder's key names its subject and kind.
  dedupe_key text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  locked_by text,
  locked_until timestamptz,
  -- Why the last attempt failed (the error's message, cut short); for the operator.
  last_error text,
  -- What the run came to: 'sent', or why nothing was ('not-relevant', …).
  outcome text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, dedupe_key),
  CHECK ((status = 'running') = (locked_by IS NOT NULL AND locked_until IS NOT NULL))
);
-- What a worker looks for: queued and due, or running with a lease that has run out.
CREATE INDEX job_due_idx ON job (run_at) WHERE status IN ('queued', 'running');
CREATE INDEX job_status_idx ON job (status, updated_at);

-- A secret link to a calendar (iCal) feed: a professional's meetings, or a citizen's own
-- appointments. Only the SHA-256 of the token is kept; the link is shown once. Revoked links
-- stay (revoked_at) so the owner's list and the audit trail can say when.
CREATE TABLE calendar_feed (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  owner_kind text NOT NULL CHECK (owner_kind IN ('professional', 'citizen')),
  owner_id uuid NOT NULL,
  -- Hex SHA-256 of the 32 random bytes of the token.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_fetched_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX calendar_feed_owner_idx ON calendar_feed (municipality_id, owner_kind, owner_id);
