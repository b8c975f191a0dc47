import type { Kysely, Transaction } from 'kysely';
import type { TemplateDefinition, TemplateVersionStatus } from '../../domain/plan/pathway-template.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** One template version as stored, its definition parsed. */
export interface TemplateVersionRow {
  id: string;
  templateId: string;
  code: string;
  origin: 'shipped' | 'municipality';
  version: number;
  status: TemplateVersionStatus;
  definition: TemplateDefinition;
  basedOnId: string | null;
  createdAt: Date;
  publishedAt: Date | null;
}

/** jsonb arrives parsed from pg and as text from PGlite, depending on how it was selected. */
function parsed(value: unknown): TemplateDefinition {
  return (typeof value === 'string' ? JSON.parse(value) : value) as TemplateDefinition;
}

function versions(db: Executor, municipalityId: string) {
  return db
    .selectFrom('pathway_template_version as v')
    .innerJoin('pathway_template as t', (join) =>
      join.onRef('t.municipality_id', '=', 'v.municipality_id').onRef('t.id', '=', 'v.template_id'),
    )
    .select([
      'v.id',
      'v.template_id',
      't.code',
      't.origin',
      'v.version',
      'v.status',
      'v.definition',
      'v.based_on_id',
      'v.created_at',
      'v.published_at',
    ])
    .where('v.municipality_id', '=', municipalityId);
}

type Selected = Awaited<ReturnType<ReturnType<typeof versions>['execute']>>[number];

function rowOf(row: Selected): TemplateVersionRow {
  return {
    id: row.id,
    templateId: row.template_id,
    code: row.code,
    origin: row.origin,
    version: row.version,
    status: row.status,
    definition: parsed(row.definition),
    basedOnId: row.based_on_id,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

/** Every version of every template of the municipality, by code and version. */
export async function templateVersions(db: Executor, municipalityId: string): Promise<TemplateVersionRow[]> {
  const rows = await versions(db, municipalityId).orderBy('t.code').orderBy('v.version').execute();
  return rows.map(rowOf);
}

/** One version; undefined when the municipality has none with this id. */
export async function templateVersion(
  db: Executor,
  municipalityId: string,
  id: string,
): Promise<TemplateVersionRow | undefined> {
  const row = await versions(db, municipalityId).where('v.id', '=', id).executeTakeFirst();
  return row ? rowOf(row) : undefined;
}

/** The versions of the template with this code (for the newest published and the next number). */
export async function versionsOfCode(
  db: Executor,
  municipalityId: string,
  code: string,
): Promise<TemplateVersionRow[]> {
  const rows = await versions(db, municipalityId).where('t.code', '=', code).orderBy('v.version').execute();
  return rows.map(rowOf);
}

/** The definitions of these versions, by id (a plan's pathways, read model rebuilds). */
export async function definitionsOf(
  db: Executor,
  municipalityId: string,
  ids: readonly string[],
): Promise<Map<string, TemplateDefinition>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('pathway_template_version')
    .select(['id', 'definition'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, parsed(row.definition)]));
}

/** Creates a template of the municipality's own (its first version follows). */
export async function insertTemplate(
  trx: Transaction<DB>,
  row: { municipalityId: string; id: string; code: string },
): Promise<void> {
  await trx
    .insertInto('pathway_template')
    .values({ municipality_id: row.municipalityId, id: row.id, code: row.code, origin: 'municipality' })
    .execute();
}

/** Whether the municipality has a template with this code. */
export async function templateCodeExists(
  db: Executor,
  municipalityId: string,
  code: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('pathway_template')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new draft version. */
export async function insertDraftVersion(
  trx: Transaction<DB>,
  row: {
    municipalityId: string;
    id: string;
    templateId: string;
    version: number;
    definition: TemplateDefinition;
    basedOnId: string;
    createdBy: string;
  },
): Promise<void> {
  await trx
    .insertInto('pathway_template_version')
    .values({
      municipality_id: row.municipalityId,
      id: row.id,
      template_id: row.templateId,
      version: row.version,
      status: 'draft',
      definition: JSON.stringify(row.definition),
      based_on_id: row.basedOnId,
      created_by: row.createdBy,
    })
    .execute();
}

/** Replaces a draft's definition (the database refuses it for a published version). */
export async function setDraftDefinition(
  trx: Transaction<DB>,
  municipalityId: string,
  id: string,
  definition: TemplateDefinition,
): Promise<void> {
  await trx
    .updateTable('pathway_template_version')
    .set({ definition: JSON.stringify(definition) })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

/** Publishes a draft: from now on it is immutable and new pathways of its code start on it. */
export async function publishDraft(
  trx: Transaction<DB>,
  municipalityId: string,
  id: string,
  by: { publishedBy: string; at: Date },
): Promise<void> {
  await trx
    .updateTable('pathway_template_version')
    .set({ status: 'published', published_by: by.publishedBy, published_at: by.at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

/** Locks a template's versions for a copy or publish, so two leaders do not race for a number. */
export async function lockTemplate(
  trx: Transaction<DB>,
  municipalityId: string,
  templateId: string,
): Promise<void> {
  await trx
    .selectFrom('pathway_template')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', templateId)
    .forUpdate()
    .execute();
}
