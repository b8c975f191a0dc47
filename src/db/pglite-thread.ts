import { Worker } from 'node:worker_threads';

/**
 * The embedded database (PGlite) on a thread of its own (pglite-worker.mjs), reached by
 * messages. PGlite executes SQL synchronously on the thread that owns it: on the request thread
 * every commit of the audit writer stopped HTTP for its duration, and the second core stayed
 * idle. Here the request thread only sends a query and is free until the answer comes.
 *
 * The same operations as the PGlite object the rest of database.ts used: query, exec, listen,
 * close. Errors arrive with their PostgreSQL fields (code, detail, constraint, …) intact.
 */
export interface PgliteThread {
  query<R>(sql: string, params: readonly unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<void>;
  /** Listens on a channel; resolves to the function that stops listening. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

type Operation =
  | { op: 'query'; sql: string; params: readonly unknown[] }
  | { op: 'exec'; sql: string }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; listener: number }
  | { op: 'close' };

type Reply =
  | { ready: true }
  | { startError: PlainError }
  | { id: number; value: unknown }
  | { id: number; error: PlainError }
  | { listener: number; payload: string };

interface PlainError {
  message: string;
  [field: string]: unknown;
}

function revive(plain: PlainError): Error {
  const { message, stack: _stack, name: _name, ...fields } = plain;
  // This thread's stack (where the caller waited) is the useful one; the fields are PostgreSQL's.
  return Object.assign(new Error(message), fields);
}

/** Starts PGlite on its own thread: in memory without a data folder. */
export function startPgliteThread(dataDir: string | undefined): Promise<PgliteThread> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir },
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let nextId = 1;
  let stopped: Error | null = null;

  const send = (operation: Operation): Promise<unknown> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...operation });
    });
  };
  const stop = (reason: Error): void => {
    stopped ??= reason;
    for (const waiting of pending.values()) waiting.reject(stopped);
    pending.clear();
  };

  return new Promise((resolveStart, rejectStart) => {
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        resolveStart(thread);
      } else if ('startError' in reply) {
        rejectStart(revive(reply.startError));
      } else if ('listener' in reply) {
        listeners.get(reply.listener)?.(reply.payload);
      } else {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(revive(reply.error));
        else waiting?.resolve(reply.value);
      }
    });
    worker.on('error', (error) => {
      stop(new Error(`The embedded database stopped: ${error.message}`));
      rejectStart(error);
    });
    worker.on('exit', (code) => {
      stop(new Error(`The embedded database has stopped (its thread exited with ${code}).`));
      rejectStart(new Error(`The embedded database did not start (its thread exited with ${code}).`));
    });

    const thread: PgliteThread = {
      query: (sql, params) =>
        send({ op: 'query', sql, params }) as Promise<{ rows: never[]; affectedRows?: number }>,
      exec: async (sql) => {
        await send({ op: 'exec', sql });
      },
      async listen(channel, onMessage) {
        const listener = (await send({ op: 'listen', channel })) as number;
        listeners.set(listener, onMessage);
        return async () => {
          listeners.delete(listener);
          await send({ op: 'unlisten', listener });
        };
      },
      async close() {
        if (stopped) return;
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        await send({ op: 'close' });
        await exited;
      },
    };
  });
}
