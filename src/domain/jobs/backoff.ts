/**
 * When a failed job is tried again: 30 s after the first failure, then four times longer each
 * time (2 min, 8 min, 32 min, …), never more than 6 hours. With the default five attempts a job
 * that keeps failing is given up ("dead") after about 43 minutes of trying, which outlasts a
 * mail server's or the database's short outage but does not send a reminder a day late.
 */
export const RETRY_BASE_MS = 30_000;
export const RETRY_FACTOR = 4;
export const RETRY_CAP_MS = 6 * 60 * 60 * 1000;
export const DEFAULT_MAX_ATTEMPTS = 5;

/** The pause before the next attempt, after `attempts` attempts (1 = the first failed). */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * RETRY_FACTOR ** exponent);
}

/** What a failed attempt leads to: another try at a later time, or giving up. */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  now: Date,
): { status: 'queued'; runAt: Date } | { status: 'dead'; runAt: null } {
  if (attempts >= maxAttempts) return { status: 'dead', runAt: null };
  return { status: 'queued', runAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
