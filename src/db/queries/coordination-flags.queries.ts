import {
  type Insertable,
  type Kysely,
  type RawBuilder,
  sql,
  type Transaction,
  type Updateable,
} from 'kysely';
import {
  type ExistingFlag,
  FLAG_STATUSES,
  type FlagChanges,
  type FlagStatus,
} from '../../domain/coordination/flag-diff.js';
import { NO_ID, RECORD_SEPARATOR, UUID_LENGTH } from './packed-records.js';
import type { MunicipalityRuleChoices, RuleChoice } from '../../domain/coordination/engine.js';
import type { RuleId } from '../../domain/coordination/rule.js';
import { newId } from '../ids.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Rows per statement when writing flags in bulk: far below PostgreSQL's limits, steady progress. */
const CHUNK = 5000;

/**
 * The stored flags of a municipality (or of a range of its citizens: `within`, a condition on
 * `citizen_id`) as one string in citizen order (uuid order), as the batch scan compares them.
 * One record per flag: id, citizen, owner (fixed width), status and two yes/no letters, then
 * the fingerprint — a string split in JavaScript, several times cheaper than JSON objects.
 */
export function storedFlagRecords(municipalityId: string, within: RawBuilder<unknown> = sql``) {
  return sql<string | null>`
    SELECT string_agg(id::text || citizen_id::text || coalesce(owner_id::text, ${NO_ID})
             || CASE WHEN status_by IS NULL THEN 'y' ELSE 'n' END
             || CASE WHEN owner_taken_by IS NULL THEN 'n' ELSE 'y' END
             || rpad(status, ${STATUS_WIDTH})
             || coalesce(to_char(dismissed_until, 'YYYY-MM-DD'), ${NO_DAY}) || fingerprint, ${RECORD_SEPARATOR}
             ORDER BY citizen_id)
      FROM coordination_flag WHERE municipality_id = ${municipalityId} ${within}`;
}

/** The flags of a string of `storedFlagRecords`. */
export function parseStoredFlags(text: string | null | undefined): ExistingFlag[] {
  const flags: ExistingFlag[] = [];
  const head = 3 * UUID_LENGTH;
  for (const record of (text ?? '').split(RECORD_SEPARATOR)) {
    if (record === '') continue;
    const ownerId = record.slice(2 * UUID_LENGTH, head);
    const status = record.slice(head + 2, head + 2 + STATUS_WIDTH).trimEnd() as FlagStatus;
    const until = record.slice(head + 2 + STATUS_WIDTH, head + 2 + STATUS_WIDTH + DAY_WIDTH);
    flags.push({
      id: record.slice(0, UUID_LENGTH),
      citizenId: record.slice(UUID_LENGTH, 2 * UUID_LENGTH),
      fingerprint: record.slice(head + 2 + STATUS_WIDTH + DAY_WIDTH),
      dismissedUntil: until === NO_DAY ? null : until,
      status,
      closedBySystem: status === 'resolved' && record[head] === 'y',
      ownerId: ownerId === NO_ID ? null : ownerId,
      ownerTaken: record[head + 1] === 'y',
    });
  }
  return flags;
}

/** A day, YYYY-MM-DD, and its stand-in when a flag has no return date. */
const DAY_WIDTH = 10;
const NO_DAY = '----------';

/** Wide enough for every flag status ('acknowledged' is the longest). */
const STATUS_WIDTH = Math.max(...FLAG_STATUSES.map((status) => status.length));

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
               dismissed_until = NULL,
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

/** A person's step on a flag: its new status, by whom, why and when (and its owner when taken on). */
export async function setFlagStatus(
  trx: Transaction<DB>,
  municipalityId: string,
  flagId: string,
  set: Updateable<DB['coordination_flag']>,
): Promise<void> {
  await trx
    .updateTable('coordination_flag')
    .set(set)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', flagId)
    .execute();
}

export async function insertFlagEvent(
  trx: Transaction<DB>,
  row: Insertable<DB['coordination_flag_event']>,
): Promise<void> {
  await trx.insertInto('coordination_flag_event').values(row).execute();
}
