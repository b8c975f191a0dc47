/**
 * A profiling aid for the coordination scan (not part of `npm run bench`):
 *
 *   npx tsx test/bench/coordination-profile.ts pglite .bench/municipality-10000
 *   npx tsx test/bench/coordination-profile.ts postgresql postgres://postgres@127.0.0.1:5432/<db>
 *
 * Runs the scan (`ROUNDS`, default 3) against the baseline read and then its phases one by one,
 * each with its wall and CPU time (PGlite runs in this process, so its CPU time is the work
 * done, whatever else the machine runs). With `COORDINATION_DIGEST=1` it prints a SHA-256 of
 * every citizen's facts and of every finding, each sorted: equal digests before and after a
 * change mean the change kept the scan's facts and findings identical on that municipality
 * (`COORDINATION_TODAY=YYYY-MM-DD` fixes the day the rules judge by).
 * Use `node --cpu-prof --import tsx …` for a CPU profile.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../../src/db/database.js';
import { openEmbeddedStore } from '../../src/db/data-folder.js';
import {
  citizensOf,
  type LinkReading,
  loadCitizenRange,
  loadSharedFacts,
} from '../../src/db/queries/coordination-facts.queries.js';
import { loadRuleChoices, parseStoredFlags } from '../../src/db/queries/coordination-flags.queries.js';
import { danishToday } from '../../src/domain/calendar.js';
import { activeRules, evaluateCitizen } from '../../src/domain/coordination/engine.js';
import { diffFlags } from '../../src/domain/coordination/flag-diff.js';
import type { OwnedFinding } from '../../src/domain/coordination/rule.js';
import { scanMunicipality } from '../../src/server/coordination/coordination-scan.js';

const [engine = 'pglite', where] = process.argv.slice(2);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DIGEST = process.env.COORDINATION_DIGEST === '1';

async function open(): Promise<{ database: Database; close(): Promise<void> }> {
  if (engine === 'pglite') {
    const store = await openEmbeddedStore(where ?? '.bench/municipality-10000');
    return { database: store.database, close: () => store.close() };
  }
  const database = await openDatabase({ engine: 'postgresql', url: where ?? '' });
  return { database, close: () => database.close() };
}

async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - started).toFixed(0);
  console.log(
    `  ${label.padEnd(34)} ${wall.padStart(6)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)})`,
  );
  return result;
}

const { database, close } = await open();
const { db } = database;
const { id } = await db.selectFrom('municipality').select('id').orderBy('code').executeTakeFirstOrThrow();
// COORDINATION_TODAY fixes the day, so digests taken on different days compare.
const today = process.env.COORDINATION_TODAY ?? danishToday();
const links: LinkReading = engine === 'pglite' ? 'once' : 'per-range';
// The bench's baseline: the current interventions read once as JSON.
const readJson = () =>
  sql`
    SELECT json_agg(json_build_array(id, citizen_id, type_id, unit_id, responsible_id, status, start_date,
             end_date, follow_up_date, schedule)) AS rows
      FROM intervention WHERE municipality_id = ${id} AND status <> 'ended'`.execute(db);
await readJson();
await scanMunicipality(db, id, { today });
for (let round = 0; round < ROUNDS; round++) {
  console.log(`round ${round + 1}`);
  await time('baseline: interventions as JSON', readJson);
  const scan = await time('whole scan', () => scanMunicipality(db, id, { today }));
  const shared = await time('shared reads', () => loadSharedFacts(db, id, today, links));
  const records = await time('citizen reads (one range)', () =>
    loadCitizenRange(db, id, { from: null, to: null }, links),
  );
  const rules = activeRules(await loadRuleChoices(db, id));
  const factLines: string[] = [];
  const findings = await time('build facts + rules', async () => {
    const found: (OwnedFinding & { citizenId: string })[] = [];
    for (const citizen of citizensOf(shared, records)) {
      if (DIGEST && round === 0) factLines.push(JSON.stringify(citizen));
      for (const finding of evaluateCitizen(citizen, rules, today))
        found.push({ ...finding, citizenId: citizen.citizenId });
    }
    return found;
  });
  const changes = await time('diff (all at once)', async () =>
    diffFlags(findings, parseStoredFlags(records.flags), today),
  );
  const changed = changes.create.length + changes.reopen.length + changes.autoResolve.length;
  console.log(`  changes: ${changed}; the scan changed ${scan.created + scan.reopened + scan.resolved}`);
  if (DIGEST && round === 0) {
    const digest = (lines: string[]) => createHash('sha256').update(lines.sort().join('\n')).digest('hex');
    console.log(`  facts of ${factLines.length} citizens: sha256 ${digest(factLines)}`);
    console.log(
      `  ${findings.length} findings: sha256 ${digest(findings.map((item) => JSON.stringify(item)))}`,
    );
  }
}
await close();
