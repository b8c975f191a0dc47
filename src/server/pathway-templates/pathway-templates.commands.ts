import type { Kysely, Transaction } from 'kysely';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import {
  checkDraft,
  nextVersionNumber,
  type TemplateCopy,
  type TemplateDefinition,
  templateIssues,
} from '../../domain/plan/pathway-template.js';
import type {
  TemplateList,
  TemplateVersionSummary,
  TemplateVersionView,
} from '../../domain/plan/pathway-template.responses.js';
import { newId } from '../../db/ids.js';
import {
  insertDraftVersion,
  insertTemplate,
  lockTemplate,
  publishDraft,
  setDraftDefinition,
  type TemplateVersionRow,
  templateCodeExists,
  templateVersion,
  templateVersions,
  versionsOfCode,
} from '../../db/queries/pathway-templates.queries.js';
import type { DB } from '../../db/schema.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { Problem, problems } from '../problem.js';

/**
 * The municipality's pathway templates (decision 0019): read by every professional; copied to a
 * draft, edited and published by team leaders and the administrator (the routes ask the policy).
 * A published version never changes; each write is one transaction with its audit record.
 */

/** Where a template write came from, for its audit record. */
export interface TemplateWriteOrigin {
  actor: ProfessionalActor;
  clientIp: string;
  visit?: string | null;
  now: Date;
}

export function summaryOf(row: TemplateVersionRow): TemplateVersionSummary {
  return {
    id: row.id,
    templateId: row.templateId,
    code: row.code,
    origin: row.origin,
    version: row.version,
    status: row.status,
    name: row.definition.name,
    legalFrame: row.definition.legalFrame,
    stageCount: row.definition.stages.length,
    basedOnId: row.basedOnId,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function versionView(row: TemplateVersionRow): TemplateVersionView {
  return { ...summaryOf(row), definition: row.definition };
}

/** Every template of the municipality with its versions. */
export async function listTemplates(db: Kysely<DB>, municipalityId: string): Promise<TemplateList> {
  const items: TemplateList['items'] = [];
  for (const row of await templateVersions(db, municipalityId)) {
    let item = items.find((candidate) => candidate.templateId === row.templateId);
    if (!item) {
      item = { templateId: row.templateId, code: row.code, origin: row.origin, versions: [] };
      items.push(item);
    }
    item.versions.push(summaryOf(row));
  }
  return { items };
}

export async function versionMustExist(
  db: Kysely<DB> | Transaction<DB>,
  municipalityId: string,
  id: string,
): Promise<TemplateVersionRow> {
  const row = await templateVersion(db, municipalityId, id);
  if (!row) throw problems.notFound('The template version');
  return row;
}

/** Copies a version to a new draft: the next version of its template, or version 1 of a new code. */
export async function copyToDraft(
  db: Kysely<DB>,
  origin: TemplateWriteOrigin,
  sourceId: string,
  input: TemplateCopy,
): Promise<TemplateVersionView> {
  const municipalityId = origin.actor.municipalityId;
  return db.transaction().execute(async (trx) => {
    const source = await versionMustExist(trx, municipalityId, sourceId);
    let templateId = source.templateId;
    let version: number;
    if (input.code !== undefined && input.code !== source.code) {
      if (await templateCodeExists(trx, municipalityId, input.code))
        throw problems.field('code', 'is the code of a template the municipality already has');
      templateId = newId();
      await insertTemplate(trx, { municipalityId, id: templateId, code: input.code });
      version = 1;
    } else {
      await lockTemplate(trx, municipalityId, templateId);
      const versions = await versionsOfCode(trx, municipalityId, source.code);
      const draft = versions.find((candidate) => candidate.status === 'draft');
      if (draft)
        throw problems.conflict(
          `Version ${draft.version} of ${source.code} is a draft already; edit or publish it.`,
        );
      version = nextVersionNumber(versions);
    }
    const id = newId();
    await insertDraftVersion(trx, {
      municipalityId,
      id,
      templateId,
      version,
      definition: source.definition,
      basedOnId: source.id,
      createdBy: origin.actor.id,
    });
    await audit(trx, origin, 'create', id, { basedOn: source.id, version });
    return versionView(await versionMustExist(trx, municipalityId, id));
  });
}

/** Replaces a draft's definition; a published version, or an invalid template, is refused. */
export async function editDraft(
  db: Kysely<DB>,
  origin: TemplateWriteOrigin,
  id: string,
  definition: TemplateDefinition,
): Promise<TemplateVersionView> {
  const municipalityId = origin.actor.municipalityId;
  return db.transaction().execute(async (trx) => {
    const before = await versionMustExist(trx, municipalityId, id);
    await lockTemplate(trx, municipalityId, before.templateId);
    refusePublished(before);
    refuseInvalid(definition);
    await setDraftDefinition(trx, municipalityId, id, definition);
    await audit(trx, origin, 'update', id, { version: before.version });
    return versionView(await versionMustExist(trx, municipalityId, id));
  });
}

/** Publishes a draft: new pathways of its code start on it; running ones keep theirs. */
export async function publish(
  db: Kysely<DB>,
  origin: TemplateWriteOrigin,
  id: string,
): Promise<TemplateVersionView> {
  const municipalityId = origin.actor.municipalityId;
  return db.transaction().execute(async (trx) => {
    const before = await versionMustExist(trx, municipalityId, id);
    await lockTemplate(trx, municipalityId, before.templateId);
    refusePublished(before);
    refuseInvalid(before.definition);
    await publishDraft(trx, municipalityId, id, { publishedBy: origin.actor.id, at: origin.now });
    await audit(trx, origin, 'update', id, { version: before.version, published: true });
    return versionView(await versionMustExist(trx, municipalityId, id));
  });
}

function refusePublished(version: TemplateVersionRow): void {
  if (checkDraft(version))
    throw problems.conflict(
      `Version ${version.version} of ${version.code} is published and never changes; copy it to a new draft.`,
    );
}

/** An unusable template is a 422 naming each problem's field. */
function refuseInvalid(definition: TemplateDefinition): void {
  const issues = templateIssues(definition);
  if (issues.length === 0) return;
  throw new Problem(
    422,
    'The template is not valid',
    issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '),
    issues,
  );
}

async function audit(
  trx: Transaction<DB>,
  origin: TemplateWriteOrigin,
  action: 'create' | 'update',
  id: string,
  details: Record<string, unknown>,
): Promise<void> {
  await auditInTransaction(trx, {
    actor: origin.actor,
    citizenId: null,
    action,
    resource: `pathway_template_version:${id}`,
    outcome: 'allowed',
    clientIp: origin.clientIp,
    visit: origin.visit,
    details,
  });
}
