-- 036: rate limits counted in the database, so that two server processes behind a proxy count
-- one client's requests together (before, each process counted in its own memory and a client
-- got the limit once per process). One row per route and client in the current window; the key
-- is a SHA-256 of the route and the client's address, never the address itself. Rows past their
-- window are reset on the next hit, and deleted by the hourly retention job.
CREATE TABLE rate_limit_hit (
  key_hash text PRIMARY KEY CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  hits integer NOT NULL CHECK (hits > 0),
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_hit_window_idx ON rate_limit_hit (window_ends_at);
