import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/** Runs one autocannon load in its own thread, so the load generator does not steal the server's thread. */
export interface LoadSpec {
  url: string;
  paths: string[];
  cookie: string | null;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

const spec = workerData as LoadSpec;
let next = 0;
const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationSeconds,
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
    const summary: LoadResult = {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      total: result.requests.total,
    };
    parentPort?.postMessage(summary);
  },
);
instance.on('error', (error) => {
  throw error;
});
