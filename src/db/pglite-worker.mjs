// The embedded database's own thread (see pglite-thread.ts). PGlite runs PostgreSQL compiled to
// WebAssembly, synchronously, on whichever thread owns it; here that is this worker, so the
// server's request thread serves HTTP while PostgreSQL executes, and the two use both cores.
//
// Plain JavaScript on purpose: the same file runs under tsx, under Vitest and from dist/ (the
// build copies it), and a worker thread would need a TypeScript loader of its own otherwise.
//
// Messages in:  { id, op: 'query', sql, params } | { id, op: 'exec', sql }
//               | { id, op: 'listen', channel } | { id, op: 'unlisten', listener } | { id, op: 'close' }
// Messages out: { ready: true } | { startError } (once, at start)
//               | { id, value } | { id, error } (one per message in)
//               | { listener, payload } (a notification, on a channel listened to)
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const DATE_OID = 1082;
const INT8_OID = 20;

/** A PGlite error as plain data (structured cloning keeps only an Error's message and stack). */
function plainError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  // Own enumerable fields: a PostgreSQL error's code, detail, constraint, table, …
  return { ...error, name: error.name, message: error.message, stack: error.stack };
}

async function start() {
  // Days stay 'YYYY-MM-DD' strings and bigint columns arrive as numbers, as on PostgreSQL
  // (database.ts says why). Parsers are functions, so they are chosen here, not sent.
  const pglite = await PGlite.create(workerData.dataDir, {
    parsers: { [DATE_OID]: (value) => value, [INT8_OID]: (value) => Number(value) },
  });
  const unlisteners = new Map();
  let nextListener = 1;

  async function handle(message) {
    switch (message.op) {
      case 'query': {
        const result = await pglite.query(message.sql, message.params, { rowMode: 'object' });
        return { rows: result.rows, affectedRows: result.affectedRows };
      }
      case 'exec':
        await pglite.exec(message.sql);
        return null;
      case 'listen': {
        const listener = nextListener++;
        const unlisten = await pglite.listen(message.channel, (payload) =>
          parentPort.postMessage({ listener, payload }),
        );
        unlisteners.set(listener, unlisten);
        return listener;
      }
      case 'unlisten': {
        const unlisten = unlisteners.get(message.listener);
        unlisteners.delete(message.listener);
        if (unlisten) await unlisten();
        return null;
      }
      case 'close':
        await pglite.close();
        return null;
      default:
        throw new Error(`unknown operation ${message.op}`);
    }
  }

  parentPort.on('message', (message) => {
    handle(message).then(
      (value) => {
        parentPort.postMessage({ id: message.id, value });
        if (message.op === 'close') parentPort.close();
      },
      (error) => parentPort.postMessage({ id: message.id, error: plainError(error) }),
    );
  });
  parentPort.postMessage({ ready: true });
}

start().catch((error) => {
  parentPort.postMessage({ startError: plainError(error) });
  parentPort.close();
});
