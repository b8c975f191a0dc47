import { createHash } from 'node:crypto';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import { type LineError, normaliseCsv, parseCostCsv } from '../../domain/analytics/cost-csv.js';
import { newId } from '../../db/ids.js';
import {
  importByHash,
  insertCostEntries,
  knownCitizenIds,
  knownInterventions,
  recordImport,
} from '../../db/queries/cost.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import type { AppContext } from '../context.js';
import { invalidFileProblem } from './costs.presenter.js';

export interface ImportResult {
  id: string;
  lines: number;
  amountOre: number;
  alreadyImported: boolean;
}

/**
 * Imports a cost file: all lines or none. The file is validated as a whole (format, then that
 * every citizen and intervention is the municipality's), then written in one transaction with
 * the import record and its audit. The same file (by hash) a second time adds nothing.
 */
export async function importCosts(
  context: AppContext,
  actor: ProfessionalActor,
  text: string,
  fileName: string | null,
  origin: { clientIp: string | null; visit: string | null },
): Promise<ImportResult> {
  const { db } = context.database;
  const sha256 = createHash('sha256').update(normaliseCsv(text)).digest();
  const earlier = await importByHash(db, actor.municipalityId, sha256);
  if (earlier)
    return { id: earlier.id, lines: earlier.lines, amountOre: earlier.amount_ore, alreadyImported: true };

  const parsed = parseCostCsv(text);
  if (!parsed.ok) throw invalidFileProblem(parsed.errors, parsed.errorCount);
  const { lines } = parsed;
  const citizenIds = [...new Set(lines.map((line) => line.citizenId))];
  const interventionIds = [
    ...new Set(lines.flatMap((line) => (line.interventionId ? [line.interventionId] : []))),
  ];
  const [citizens, interventions] = await Promise.all([
    knownCitizenIds(db, actor.municipalityId, citizenIds),
    knownInterventions(db, actor.municipalityId, interventionIds),
  ]);
  const errors: LineError[] = [];
  let errorCount = 0;
  const fail = (line: number, column: string, message: string) => {
    errorCount++;
    if (errors.length < 200) errors.push({ line, column, message });
  };
  for (const line of lines) {
    if (!citizens.has(line.citizenId)) fail(line.line, 'citizen_id', 'is not a citizen of this municipality');
    if (line.interventionId && interventions.get(line.interventionId) !== line.citizenId)
      fail(line.line, 'intervention_id', 'is not an intervention of this citizen');
  }
  if (errorCount > 0) throw invalidFileProblem(errors, errorCount);

  const id = newId();
  const stored = await db.transaction().execute(async (trx) => {
    const fresh = await recordImport(trx, {
      municipalityId: actor.municipalityId,
      id,
      sha256,
      fileName,
      lines: lines.length,
      amountOre: parsed.amountOre,
      importedBy: actor.id,
    });
    // The same file, imported at the same moment by someone else: theirs counts, not this one.
    if (!fresh) return false;
    await insertCostEntries(trx, actor.municipalityId, id, lines);
    await auditInTransaction(trx, {
      actor,
      citizenId: null,
      action: 'create',
      resource: 'costs:import',
      outcome: 'allowed',
      ...origin,
      details: { importId: id, lines: lines.length, citizens: citizenIds.length },
    });
    return true;
  });
  if (!stored) {
    const other = await importByHash(db, actor.municipalityId, sha256);
    if (other)
      return { id: other.id, lines: other.lines, amountOre: other.amount_ore, alreadyImported: true };
  }
  return { id, lines: lines.length, amountOre: parsed.amountOre, alreadyImported: false };
}
