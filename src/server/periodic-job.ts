import { jobDuration, secondsSince } from './metrics/metrics.js';

/** A background job of the server: started once, run at an interval, stopped on shutdown. */
export interface PeriodicJob {
  /** Runs the work now, unless a run is already under way (then waits for that one). */
  runNow(): Promise<void>;
  /** No more runs; resolves when a run under way has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `work` every `everyMs`, never two runs at once (a tick that finds one running is
 * skipped), without keeping the process alive, and with every failure handed to `onError`
 * instead of becoming an unhandled rejection.
 */
export function startPeriodicJob(
  /** Names the job in /metrics (samspil_job_duration_seconds{job}). */
  name: string,
  everyMs: number,
  work: () => Promise<void>,
  onError: (error: unknown) => void,
): PeriodicJob {
  let running: Promise<void> | null = null;
  const runNow = (): Promise<void> => {
    if (running) return running;
    const started = performance.now();
    const observe = (outcome: 'ok' | 'error'): void =>
      jobDuration.observe({ job: name, outcome }, secondsSince(started));
    running = work()
      .then(
        () => observe('ok'),
        (error: unknown) => {
          observe('error');
          onError(error);
        },
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), everyMs);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
