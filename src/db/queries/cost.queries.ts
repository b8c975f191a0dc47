import { type Kysely, sql, type Transaction } from 'kysely';
import type { CostEntry } from '../../domain/analytics/cost-csv.js';
import { newIds } from '../ids.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Rows per statement: the arrays stay well under a statement's memory however large the file
 * (some 40 MB of parameters at most). As large as that allows because each statement's trigger
 * adds its rows to the pre-aggregate once: in 50,000-row statements a citizen in two of them had
 * their aggregate row updated twice, and the import took 1.5–1.9× a COPY of the same rows.
 */
const CHUNK = 250_000;

/**
 * A PostgreSQL array literal of values that need no quoting (UUIDs, days, integers; null as
 * NULL): built here, as one string, because pg's general array encoder escapes element by
 * element and was a tenth of an import.
 */
function plainArray(values: readonly (string | number | null)[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : value)).join(',')}}`;
}

/** A PostgreSQL array literal of text, each distinct value quoted and escaped once. */
function textArray(values: readonly string[]): string {
  const quoted = new Map<string, string>();
  const quote = (value: string) => {
    let literal = quoted.get(value);
    if (literal === undefined) {
      literal = `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
      quoted.set(value, literal);
    }
    return literal;
  };
  return `{${values.map(quote).join(',')}}`;
}

/**
 * Writes cost entries column-wise, each with a new id: `INSERT … SELECT FROM unnest($1::uuid[],
 * …)`, a handful of parameters however many rows (as the synthetic writer does). The
 * pre-aggregate follows by trigger.
 */
export async function insertCostEntries(
  db: Executor,
  municipalityId: string,
  importId: string | null,
  rows: readonly CostEntry[],
): Promise<void> {
  const ids = newIds(rows.length);
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const column = <T>(pick: (row: CostEntry) => T) => chunk.map(pick);
    await sql`INSERT INTO cost_entry (municipality_id, id, citizen_id, intervention_id, sector,
        budget_area, period_start, period_end, amount_ore, import_id)
      SELECT ${municipalityId}::uuid, id, citizen_id, intervention_id, sector, budget_area,
        period_start, period_end, amount_ore, ${importId}::uuid
      FROM unnest(${plainArray(ids.slice(start, start + CHUNK))}::uuid[],
        ${plainArray(column((row) => row.citizenId))}::uuid[],
        ${plainArray(column((row) => row.interventionId))}::uuid[],
        ${textArray(column((row) => row.sector))}::text[],
        ${textArray(column((row) => row.budgetArea))}::text[],
        ${plainArray(column((row) => row.periodStart))}::date[],
        ${plainArray(column((row) => row.periodEnd))}::date[],
        ${plainArray(column((row) => row.amountOre))}::int8[])
        AS t(id, citizen_id, intervention_id, sector, budget_area, period_start, period_end, amount_ore)`.execute(
      db,
    );
  }
}

/** Which of the ids are citizens of the municipality. */
export async function knownCitizenIds(
  db: Executor,
  municipalityId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await sql<{ id: string }>`SELECT id FROM citizen
    WHERE municipality_id = ${municipalityId} AND id = ANY(${ids}::uuid[])`.execute(db);
  return new Set(result.rows.map((row) => row.id));
}

/** Which of the interventions are the named citizen's (key: `${interventionId}:${citizenId}`). */
export async function knownInterventions(
  db: Executor,
  municipalityId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await sql<{ id: string; citizen_id: string }>`SELECT id, citizen_id FROM intervention
    WHERE municipality_id = ${municipalityId} AND id = ANY(${ids}::uuid[])`.execute(db);
  return new Map(result.rows.map((row) => [row.id, row.citizen_id]));
}

export interface CostImportRow {
  id: string;
  lines: number;
  amount_ore: number;
  imported_at: Date;
}

/**
 * Records an import; null when the same file (by hash) was imported before. Run in the import's
 * transaction: a second import of the same file waits for the first and then finds it.
 */
export async function recordImport(
  db: Executor,
  entry: {
    municipalityId: string;
    id: string;
    sha256: Uint8Array;
    fileName: string | null;
    lines: number;
    amountOre: number;
    importedBy: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('cost_import')
    .values({
      municipality_id: entry.municipalityId,
      id: entry.id,
      file_sha256: entry.sha256,
      file_name: entry.fileName,
      lines: entry.lines,
      amount_ore: entry.amountOre,
      imported_by: entry.importedBy,
    })
    .onConflict((conflict) => conflict.columns(['municipality_id', 'file_sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function importByHash(
  db: Executor,
  municipalityId: string,
  sha256: Uint8Array,
): Promise<CostImportRow | undefined> {
  const row = await db
    .selectFrom('cost_import')
    .select(['id', 'lines', 'amount_ore', 'imported_at'])
    .where('municipality_id', '=', municipalityId)
    .where('file_sha256', '=', sha256)
    .executeTakeFirst();
  return row && { ...row, amount_ore: Number(row.amount_ore) };
}
