import { type Kysely, sql, type Transaction } from 'kysely';
import type { ExistingFlag, FlagChanges, FlagStatus } from '../../domain/coordination/flag-diff.js';
import type { MunicipalityRuleChoices, RuleChoice } from '../../domain/coordination/engine.js';
import type { RuleId } from '../../domain/coordination/rule.js';
import { newId } from '../ids.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Rows per statement when writing flags in bulk: far below PostgreSQL's limits, steady progress. */
const CHUNK = 5000;

/** Every stored flag of a municipality, as the batch scan compares them (one JSON value: fast on PGlite). */
export async function loadExistingFlags(db: Executor, municipalityId: string): Promise<ExistingFlag[]> {
  const result = await sql<{
    flags: [string, string, string, FlagStatus, boolean, string | null, boolean][] | null;
  }>`
    SELECT json_agg(json_build_array(id, citizen_id, fingerprint, status, status_by IS NULL, owner_id,
             owner_taken_by IS NOT NULL)) AS flags
      FROM coordination_flag WHERE municipality_id = ${municipalityId}`.execute(db);
  return (result.rows[0]?.flags ?? []).map(
    ([id, citizenId, fingerprint, status, system, ownerId, ownerTaken]) => ({
      id,
      citizenId,
      fingerprint,
      status,
      closedBySystem: status === 'resolved' && system,
      ownerId,
      ownerTaken,
    }),
  );
}

/**
 * Writes a diff set-based: new flags and their 'opened' events in one statement per chunk,
 * reopened and auto-resolved flags with their events in another. `onProgress` counts rows.
 */
export async function writeFlagChanges(
  db: Executor,
  municipalityId: string,
  changes: FlagChanges,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total =
    changes.create.length + changes.reopen.length + changes.autoResolve.length + changes.reassign.length;
  let done = 0;
  for (let start = 0; start < changes.create.length; start += CHUNK) {
    const chunk = changes.create.slice(start, start + CHUNK);
    const ids = chunk.map(() => newId());
    const eventIds = chunk.map(() => newId());
    await sql`
      WITH input AS (
        SELECT * FROM unnest(
          ${ids}::uuid[], ${eventIds}::uuid[], ${chunk.map((f) => f.citizenId)}::uuid[],
          ${chunk.map((f) => f.ruleId)}::text[], ${chunk.map((f) => f.fingerprint)}::text[],
          ${chunk.map((f) => f.severity)}::text[], ${chunk.map((f) => pgArray(f.subjectIds))}::text[],
          ${chunk.map((f) => pgArray(f.unitIds))}::text[], ${chunk.map((f) => pgArray(f.sectors))}::text[],
          ${chunk.map((f) => JSON.stringify(f.explanation))}::text[], ${chunk.map((f) => f.ownerId)}::uuid[]
        ) AS t(id, event_id, citizen_id, rule_id, fingerprint, severity, subject_ids, unit_ids, sectors,
               explanation, owner_id)
      ), flags AS (
        INSERT INTO coordination_flag (municipality_id, id, citizen_id, rule_id, fingerprint, severity,
          subject_ids, unit_ids, sectors, explanation, owner_id)
        SELECT ${municipalityId}::uuid, id, citizen_id, rule_id, fingerprint, severity, subject_ids::uuid[],
          unit_ids::uuid[], sectors::text[], explanation::jsonb, owner_id
        FROM input
        -- A plan write may have opened the same flag since the scan read: keep that one.
        ON CONFLICT (municipality_id, citizen_id, fingerprint) DO NOTHING
        RETURNING id
      )
      INSERT INTO coordination_flag_event (municipality_id, id, flag_id, actor_id, action)
      SELECT ${municipalityId}::uuid, input.event_id, flags.id, NULL, 'opened'
      FROM input JOIN flags ON flags.id = input.id`.execute(db);
    done += chunk.length;
    onProgress?.(done, total);
  }
  const updates = [
    ...changes.reopen.map((id) => ({ id, action: 'reopened' })),
    ...changes.autoResolve.map((id) => ({ id, action: 'auto_resolved' })),
  ];
  for (let start = 0; start < updates.length; start += CHUNK) {
    const chunk = updates.slice(start, start + CHUNK);
    await sql`
      WITH input AS (
        SELECT * FROM unnest(${chunk.map((u) => u.id)}::uuid[], ${chunk.map(() => newId())}::uuid[],
          ${chunk.map((u) => u.action)}::text[]) AS t(flag_id, event_id, action)
      ), changed AS (
        UPDATE coordination_flag f
           SET status = CASE WHEN input.action = 'reopened' THEN 'open' ELSE 'resolved' END,
               status_by = NULL,
               status_comment = CASE WHEN input.action = 'reopened' THEN 'The condition is back.'
                                     ELSE 'The condition is no longer present.' END,
               status_at = now()
          FROM input
         WHERE f.municipality_id = ${municipalityId}::uuid AND f.id = input.flag_id
        RETURNING f.id
      )
      INSERT INTO coordination_flag_event (municipality_id, id, flag_id, actor_id, action, comment)
      SELECT ${municipalityId}::uuid, input.event_id, input.flag_id, NULL, input.action,
        CASE WHEN input.action = 'reopened' THEN 'The condition is back.'
             ELSE 'The condition is no longer present.' END
      FROM input JOIN changed ON changed.id = input.flag_id`.execute(db);
    done += chunk.length;
    onProgress?.(done, total);
  }
  for (let start = 0; start < changes.reassign.length; start += CHUNK) {
    const chunk = changes.reassign.slice(start, start + CHUNK);
    await sql`
      WITH input AS (
        SELECT * FROM unnest(${chunk.map((r) => r.id)}::uuid[], ${chunk.map((r) => r.ownerId)}::uuid[],
          ${chunk.map(() => newId())}::uuid[]) AS t(flag_id, owner_id, event_id)
      ), changed AS (
        UPDATE coordination_flag f SET owner_id = input.owner_id
          FROM input
         WHERE f.municipality_id = ${municipalityId}::uuid AND f.id = input.flag_id
           AND f.owner_taken_by IS NULL
        RETURNING f.id
      )
      INSERT INTO coordination_flag_event (municipality_id, id, flag_id, actor_id, action, comment)
      SELECT ${municipalityId}::uuid, input.event_id, input.flag_id, NULL, 'owner_changed',
        'The plan names another owner (e.g. a new coordinator).'
      FROM input JOIN changed ON changed.id = input.flag_id`.execute(db);
    done += chunk.length;
    onProgress?.(done, total);
  }
}

/** A municipality's rule choices (rules switched off, thresholds changed). */
export async function loadRuleChoices(
  db: Executor,
  municipalityId: string,
): Promise<MunicipalityRuleChoices> {
  const rows = await db
    .selectFrom('coordination_rule_config')
    .select(['rule_id', 'enabled', 'settings'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const choices: MunicipalityRuleChoices = {};
  for (const row of rows) {
    choices[row.rule_id as RuleId] = {
      enabled: row.enabled,
      settings: (typeof row.settings === 'string' ? JSON.parse(row.settings) : row.settings) as Record<
        string,
        unknown
      >,
    };
  }
  return choices;
}

/** Stores a municipality's choice for one rule. */
export async function saveRuleChoice(
  db: Executor,
  municipalityId: string,
  ruleId: RuleId,
  choice: RuleChoice,
  actorId: string,
): Promise<void> {
  await db
    .insertInto('coordination_rule_config')
    .values({
      municipality_id: municipalityId,
      rule_id: ruleId,
      enabled: choice.enabled,
      settings: JSON.stringify(choice.settings),
      updated_at: new Date(),
      updated_by: actorId,
    })
    .onConflict((conflict) =>
      conflict.columns(['municipality_id', 'rule_id']).doUpdateSet({
        enabled: choice.enabled,
        settings: JSON.stringify(choice.settings),
        updated_at: new Date(),
        updated_by: actorId,
      }),
    )
    .execute();
}

/** A PostgreSQL array literal of uuids or plain words (no quoting needed for either). */
function pgArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}
