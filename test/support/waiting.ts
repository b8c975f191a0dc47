import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Waits until a condition holds, checking it again each `everyMs` until `timeoutMs` has passed;
 * then fails, naming what it waited for. The pause only paces the checks: a test waits for what
 * it needs, never a fixed time.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 10));
  }
}

/**
 * The first instant of the next millisecond: everything stamped (`new Date()`) before this call
 * is earlier than it, everything stamped after is not. Separates "before" from "after" without
 * a sleep (it yields to the event loop for at most a millisecond).
 */
export async function nextMillisecond(): Promise<Date> {
  const start = Date.now();
  while (Date.now() <= start) await nextTurn();
  return new Date();
}
