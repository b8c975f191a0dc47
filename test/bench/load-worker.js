// Runs one autocannon load in a child process, so the load generator does not steal the
// server's thread (autocannon summarises only in a main thread, hence not a worker thread).
import autocannon from 'autocannon';

process.once(
  'message',
  (
    /** @type {{ url: string, paths: string[], cookie: string | null, connections: number, durationSeconds: number, amount?: number }} */ spec,
  ) => {
    let next = 0;
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        ...(spec.amount ? { amount: spec.amount } : {}),
        headers: spec.cookie ? { cookie: spec.cookie } : {},
        requests: [
          {
            setupRequest: (request) => {
              const path = spec.paths[next % spec.paths.length] ?? '/';
              next += 1;
              return { ...request, path };
            },
          },
        ],
      },
      (error, result) => {
        if (error) throw error;
        process.send?.({
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors,
          non2xx: result.non2xx,
          total: result.requests.total,
        });
        process.disconnect?.();
      },
    );
    instance.on('error', (error) => {
      throw error;
    });
  },
);
