import type { App, AppContext } from '../context.js';
import { startPeriodicJob } from '../periodic-job.js';
import { reminderHandlers } from '../reminders/reminder-jobs.js';
import { sweepReminders } from '../reminders/reminder-sweep.js';
import { createJobWorker, type JobWorker } from './job-worker.js';

/** How often the reminder sweep runs in a process (each process may: it is idempotent). */
const SWEEP_EVERY_MS = 60 * 60_000;

/** The worker of this app's job queue, with every kind of job it knows (for tests and the CLI). */
export function jobWorkerFor(context: AppContext): JobWorker {
  return createJobWorker(context.database, reminderHandlers(context), { clock: context.clock });
}

/**
 * Runs the durable job queue in this process every SAMSPIL_JOB_POLL_SECONDS (0: not here), and
 * the reminder sweep once an hour. Several processes may all run it: each job is claimed by one.
 */
export function registerJobQueue(app: App, context: AppContext): void {
  const seconds = context.config.jobPollSeconds;
  if (seconds <= 0) return;
  const worker = jobWorkerFor(context);
  let lastSweep = 0;
  const job = startPeriodicJob(
    'job-queue',
    seconds * 1000,
    async () => {
      const now = context.clock();
      if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
        await sweepReminders(context.database.db, now);
        lastSweep = now.getTime();
      }
      await worker.runDue();
    },
    (error) => app.log.warn({ err: error }, 'background jobs failed'),
  );
  // The first look at once, not a poll interval after the start (a restart catches up).
  app.addHook('onReady', async () => {
    void job.runNow();
  });
  app.addHook('onClose', job.stop);
}
