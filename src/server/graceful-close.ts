import type { App, AppContext } from './context.js';

/**
 * What app.close() does on shutdown: Fastify stops accepting and answers new requests on open
 * connections with 503; requests under way finish. Their keep-alive connections would then stay
 * open until the client's idle timeout, holding close() up, so a response finished while closing
 * says `Connection: close` and idle connections are closed. Then the audit records still queued
 * are committed, before the database is closed.
 */
export function registerGracefulClose(app: App, context: AppContext): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('Connection', 'close');
  });
  app.addHook('onResponse', async () => {
    if (closing) setImmediate(() => app.server.closeIdleConnections());
  });
  app.addHook('onClose', () => context.audit.drain());
}
