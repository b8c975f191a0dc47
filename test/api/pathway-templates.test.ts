import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { type TemplateDefinition, templateIssues } from '../../src/domain/plan/pathway-template.js';
import { scanMunicipality } from '../../src/server/coordination/coordination-scan.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Pathway templates as data (decision 0019): shipped for every municipality, copied to drafts,
 * edited and published by leaders, versions kept; a running pathway moves only along its own
 * version's transitions and keeps that version when a newer one is published.
 */

let t: TestApp;
let caseworker: string;
let leader: string;
let citizenCookie: string;
let citizenId: string;
let municipalityId: string;
const today = danishToday();

interface Summary {
  id: string;
  code: string;
  version: number;
  status: string;
  origin: string;
}

async function list(cookie = caseworker) {
  const response = await t.request(cookie, { method: 'GET', url: '/api/pathway-templates' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { code: string; origin: string; versions: Summary[] }[];
}

async function version(id: string) {
  const response = await t.request(caseworker, {
    method: 'GET',
    url: `/api/pathway-templates/versions/${id}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Summary & { definition: TemplateDefinition };
}

async function etag(): Promise<string> {
  const response = await t.request(caseworker, { method: 'GET', url: `/api/citizens/${citizenId}/plan` });
  return String(response.headers.etag);
}

async function planWrite(url: string, payload: Record<string, unknown>) {
  return t.request(caseworker, {
    method: 'POST',
    url: `/api/citizens/${citizenId}/plan/${url}`,
    payload,
    headers: { 'if-match': await etag() },
  });
}

/** The open flags of stages past their deadline, in Danish. */
async function stageFlags(): Promise<string[]> {
  const flags = await t.request(caseworker, { method: 'GET', url: `/api/citizens/${citizenId}/flags` });
  expect(flags.statusCode).toBe(200);
  return (flags.json().items as { explanation: { da: string; data: { kind: string } } }[])
    .filter((flag) => flag.explanation.data.kind === 'stage-overdue')
    .map((flag) => flag.explanation.da);
}

beforeAll(async () => {
  t = await startTestApp();
  municipalityId = (await t.factories.municipality()).id;
  const unit = await t.factories.unit(municipalityId);
  const professional = await t.factories.professional(municipalityId, unit.id);
  const head = await t.factories.professional(municipalityId, unit.id, { role: 'team_leader' });
  caseworker = await t.login({ municipalityId, kind: 'professional', id: professional.id });
  leader = await t.login({ municipalityId, kind: 'professional', id: head.id });
  citizenId = (await t.factories.citizen(municipalityId, { coordinatorId: professional.id })).id;
  citizenCookie = await t.login({ municipalityId, kind: 'citizen', id: citizenId });
});
afterAll(() => t?.dispose());

describe('shipped pathway templates', () => {
  it('every municipality has the four, each a valid published version 1', async () => {
    const items = await list();
    expect(items.map((item) => item.code)).toEqual([
      'handleplan-141',
      'helhedsorienteret-plan',
      'jobafklaringsforloeb',
      'ressourceforloeb',
    ]);
    for (const item of items) {
      expect(item.origin).toBe('shipped');
      expect(item.versions).toEqual([expect.objectContaining({ version: 1, status: 'published' })]);
      const one = await version(item.versions[0]?.id as string);
      expect(templateIssues(one.definition)).toEqual([]);
    }
    const resource = items.find((item) => item.code === 'ressourceforloeb') as { versions: Summary[] };
    const definition = (await version(resource.versions[0]?.id as string)).definition;
    expect(definition.stages.map((stage) => stage.code)).toEqual([
      'opsporing',
      'forberedelse',
      'rehabiliteringsteam',
      'afgoerelse',
      'plan-og-koordinering',
      'indsatser',
      'opfoelgning',
    ]);
    expect(definition.rules).toContainEqual({
      kind: 'no-intervention-started',
      months: 6,
      backToStage: 'rehabiliteringsteam',
    });
  });

  it('is read by professionals only and changed by leaders only', async () => {
    expect(
      (await t.request(citizenCookie, { method: 'GET', url: '/api/pathway-templates' })).statusCode,
    ).toBe(403);
    const [first] = await list();
    const copy = await t.request(caseworker, {
      method: 'POST',
      url: `/api/pathway-templates/versions/${first?.versions[0]?.id}/copy`,
      payload: {},
    });
    expect(copy.statusCode).toBe(403);
    expect(copy.json().code).toBe('pathway-template.supervisors');
  });
});

describe('a running pathway on its template version', () => {
  let pathwayId: string;
  let v1: string;

  it('starts in the first stage of the newest published version and shows what is due', async () => {
    const started = await planWrite('pathways', {
      templateCode: 'ressourceforloeb',
      startDate: addDays(today, -200),
    });
    expect(started.statusCode, started.body).toBe(201);
    pathwayId = started.json().id;
    const pathway = started.json().plan.pathways[0];
    v1 = pathway.templateVersion.id;
    expect(pathway).toMatchObject({
      templateVersion: { version: 1 },
      stage: {
        code: 'opsporing',
        since: addDays(today, -200),
        dueDate: null,
        next: [{ code: 'forberedelse' }],
      },
      firstInterventionWithinMonths: 6,
    });
  });

  it('refuses a move that skips a stage, naming the allowed next ones', async () => {
    const skip = await planWrite(`pathways/${pathwayId}/stage`, { stageCode: 'afgoerelse' });
    expect(skip.statusCode).toBe(409);
    expect(skip.headers['content-type']).toContain('application/problem+json');
    expect(skip.json()).toMatchObject({ allowedNextStages: ['forberedelse'], currentStage: 'opsporing' });
    const unknown = await planWrite(`pathways/${pathwayId}/stage`, { stageCode: 'nowhere' });
    expect(unknown.statusCode).toBe(409);
    const early = await planWrite(`pathways/${pathwayId}/stage`, {
      stageCode: 'forberedelse',
      date: addDays(today, -300),
    });
    expect(early.statusCode).toBe(400);
  });

  it('moves to the next stage as a plan change with history; a stage past its deadline raises a flag', async () => {
    const moved = await planWrite(`pathways/${pathwayId}/stage`, {
      stageCode: 'forberedelse',
      date: addDays(today, -100),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().plan.pathways[0].stage).toMatchObject({
      code: 'forberedelse',
      since: addDays(today, -100),
      dueDate: addDays(today, -44),
      roles: ['borger', 'sagsbehandler'],
      flagWhenOverdue: true,
      next: [{ code: 'rehabiliteringsteam' }],
    });
    const history = await t.request(caseworker, {
      method: 'GET',
      url: `/api/citizens/${citizenId}/plan/history`,
    });
    expect(history.json().items[0]).toMatchObject({
      entity: 'pathway',
      action: 'update',
      entityId: pathwayId,
      before: { stage: 'opsporing' },
      after: { stage: 'forberedelse', stageSince: addDays(today, -100) },
    });
    expect(await stageFlags()).toEqual([expect.stringContaining('Forberedelse')]);
  });

  it('the batch scan agrees with the check inside the plan write', async () => {
    const scan = await scanMunicipality(t.context.database.db, municipalityId);
    expect(scan).toMatchObject({ created: 0, resolved: 0 });
  });

  it('moves on, and back to the team along an extra edge; the flag resolves', async () => {
    await planWrite(`pathways/${pathwayId}/stage`, {
      stageCode: 'rehabiliteringsteam',
      date: addDays(today, -9),
    });
    const decided = await planWrite(`pathways/${pathwayId}/stage`, {
      stageCode: 'afgoerelse',
      date: addDays(today, -8),
    });
    expect(decided.json().plan.pathways[0].stage).toMatchObject({
      code: 'afgoerelse',
      dueDate: addDays(today, 6),
    });
    const back = await planWrite(`pathways/${pathwayId}/stage`, {
      stageCode: 'rehabiliteringsteam',
      date: addDays(today, -8),
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await stageFlags()).toEqual([]);
    // The nightly scan of a later day finds the team stage (28 days from its start) overdue.
    await scanMunicipality(t.context.database.db, municipalityId, { today: addDays(today, 30) });
    expect(await stageFlags()).toEqual([expect.stringContaining('Rehabiliteringsteam')]);
  });

  it('copies, edits and publishes a new version; the running pathway keeps version 1', async () => {
    const copy = await t.request(leader, {
      method: 'POST',
      url: `/api/pathway-templates/versions/${v1}/copy`,
      payload: {},
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const draft = copy.json() as Summary & { definition: TemplateDefinition };
    expect(draft).toMatchObject({ version: 2, status: 'draft', code: 'ressourceforloeb' });
    const twice = await t.request(leader, {
      method: 'POST',
      url: `/api/pathway-templates/versions/${v1}/copy`,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);

    // The 2025 reform: a shorter team stage deadline, and from the decision straight to follow-up.
    const definition = structuredClone(draft.definition);
    const team = definition.stages.find((stage) => stage.code === 'rehabiliteringsteam');
    if (team) team.deadline = { days: 7, from: 'stage' };
    definition.transitions.push({ from: 'afgoerelse', to: 'opfoelgning' });
    const invalid = await t.request(leader, {
      method: 'PUT',
      url: `/api/pathway-templates/versions/${draft.id}`,
      payload: {
        ...definition,
        transitions: [...definition.transitions, { from: 'afgoerelse', to: 'ingen' }],
      },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors).toContainEqual({
      field: `transitions.${definition.transitions.length}.to`,
      message: 'names no stage: ingen',
    });
    const noStages = await t.request(leader, {
      method: 'PUT',
      url: `/api/pathway-templates/versions/${draft.id}`,
      payload: { ...definition, stages: [], transitions: [], rules: [] },
    });
    expect(noStages.statusCode).toBe(422);
    const edited = await t.request(leader, {
      method: 'PUT',
      url: `/api/pathway-templates/versions/${draft.id}`,
      payload: definition,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const published = await t.request(leader, {
      method: 'POST',
      url: `/api/pathway-templates/versions/${draft.id}/publish`,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, status: 'published' });

    // Published versions never change.
    const again = await t.request(leader, {
      method: 'PUT',
      url: `/api/pathway-templates/versions/${draft.id}`,
      payload: definition,
    });
    expect(again.statusCode).toBe(409);
    const oldOne = await t.request(leader, {
      method: 'PUT',
      url: `/api/pathway-templates/versions/${v1}`,
      payload: definition,
    });
    expect(oldOne.statusCode).toBe(409);
    const versions = (await list()).find((item) => item.code === 'ressourceforloeb')?.versions ?? [];
    expect(versions.map((item) => [item.version, item.status])).toEqual([
      [1, 'published'],
      [2, 'published'],
    ]);

    // The running pathway is still on version 1: its team deadline is 28 days, no skip to follow-up.
    const plan = await t.request(caseworker, { method: 'GET', url: `/api/citizens/${citizenId}/plan` });
    const pathway = plan.json().pathways.find((item: { id: string }) => item.id === pathwayId);
    expect(pathway.templateVersion).toEqual({ id: v1, version: 1 });
    expect(pathway.stage.dueDate).toBe(addDays(addDays(today, -8), 28));
  });

  it('starts a new pathway on the new version', async () => {
    await planWrite(`pathways/${pathwayId}/end`, { reason: 'Afsluttet' });
    const started = await planWrite('pathways', {
      templateCode: 'ressourceforloeb',
      startDate: addDays(today, 1),
    });
    expect(started.statusCode, started.body).toBe(201);
    const pathway = started
      .json()
      .plan.pathways.find((item: { id: string }) => item.id === started.json().id);
    expect(pathway.templateVersion.version).toBe(2);
    expect(pathway.stage).toMatchObject({ code: 'opsporing' });
  });

  it('copies a shipped template to a template of the municipality’s own and starts a pathway on it', async () => {
    const source = (await list()).find((item) => item.code === 'handleplan-141')?.versions[0]?.id;
    const copy = await t.request(leader, {
      method: 'POST',
      url: `/api/pathway-templates/versions/${source}/copy`,
      payload: { code: 'handleplan-141-lokal' },
    });
    expect(copy.statusCode, copy.body).toBe(201);
    expect(copy.json()).toMatchObject({
      version: 1,
      status: 'draft',
      origin: 'municipality',
      basedOnId: source,
    });
    const taken = await t.request(leader, {
      method: 'POST',
      url: `/api/pathway-templates/versions/${source}/copy`,
      payload: { code: 'ressourceforloeb' },
    });
    expect(taken.statusCode).toBe(400);
    const notYet = await planWrite('pathways', { templateCode: 'handleplan-141-lokal', startDate: today });
    expect(notYet.statusCode).toBe(400);
    await t.request(leader, {
      method: 'POST',
      url: `/api/pathway-templates/versions/${copy.json().id}/publish`,
    });
    const started = await planWrite('pathways', { templateCode: 'handleplan-141-lokal', startDate: today });
    expect(started.statusCode, started.body).toBe(201);
  });
});
