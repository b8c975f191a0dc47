/**
 * `npm run fuzz`: the full fuzz run (the suite runs a share of it). At least 10,000 hostile
 * requests across every endpoint of the OpenAPI document, against the real app (buildApp, every
 * plugin and route, requests injected) on a fresh embedded database, or PostgreSQL with
 * --postgresql. Prints the count, the responses ≥ 500 (must be 0) and the refusals after which
 * the database was not as before (must be 0); exits non-zero otherwise.
 *
 *   npm run fuzz                         10,000 requests on the embedded database (PGlite)
 *   npm run fuzz -- --requests 50000     more
 *   npm run fuzz -- --postgresql         on PostgreSQL (SAMSPIL_TEST_POSTGRES_URL, default 127.0.0.1)
 *   npm run fuzz -- --seed 7             another sequence (default: the date's)
 */
import { progressBar } from '../../src/cli/progress.js';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const requests = Number(option('requests') ?? 10_000);
const seed = Number(option('seed') ?? 20_261_202);
if (!Number.isInteger(requests) || requests < 1)
  throw new Error('--requests must be a positive whole number');
if (process.argv.includes('--postgresql')) process.env.SAMSPIL_TEST_ENGINE = 'postgresql';
// The test support reads the engine when it is loaded, so it is loaded only now.
const { TEST_ENGINE } = await import('../support/test-database.js');
const { startTestApp } = await import('../support/test-app.js');
const { buildAccessWorld } = await import('../support/access-world.js');
const { loadApi } = await import('../support/openapi.js');
const { runFuzz } = await import('./hostile.js');

const started = Date.now();
const t = await startTestApp();
const w = await buildAccessWorld(t);
const api = await loadApi(t);
console.log(
  `Fuzzing ${api.operations.length} endpoints with ${requests} hostile requests on ${TEST_ENGINE} (seed ${seed})`,
);
const bar = progressBar();
const report = await runFuzz({
  t,
  w,
  api,
  requests,
  seed,
  onProgress: (done, current) => {
    if (done % 50 === 0 || done === requests)
      bar.update({ phase: `fuzz (${current.serverErrors} ≥500)`, done, total: requests });
  },
});
bar.stop();
await t.dispose();
const seconds = (Date.now() - started) / 1000;

console.log(`\nRequests:           ${report.requests} across ${api.operations.length} endpoints`);
console.log(`Responses ≥ 500:    ${report.serverErrors}`);
console.log(
  `Partial writes:     ${report.partialWrites} (refusals after which the database was not as before)`,
);
console.log(`Logins:             ${report.logins} (once per persona, again only when a session ended)`);
console.log(
  `Time:               ${seconds.toFixed(1)} s (${(report.requests / seconds).toFixed(0)} requests/s)`,
);
console.log(
  `By status:          ${Object.entries(report.byStatus)
    .sort()
    .map(([status, count]) => `${status}×${count}`)
    .join(' ')}`,
);
console.log('By class (requests / refused):');
for (const [klass, tally] of Object.entries(report.byClass).sort())
  console.log(`  ${klass.padEnd(16)} ${String(tally.requests).padStart(6)} / ${tally.refused}`);
if (report.failures.length > 0) {
  console.log(`\nFailures (first ${report.failures.length}):`);
  for (const failure of report.failures) console.log(`  ${failure}`);
}
process.exit(report.failures.length === 0 && report.serverErrors === 0 && report.partialWrites === 0 ? 0 : 1);
