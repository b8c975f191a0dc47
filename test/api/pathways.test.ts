import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, danishToday } from '../../src/domain/calendar.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let citizenId: string;
let caseworker: string;
let citizenCookie: string;
const today = danishToday();

async function etag(): Promise<string> {
  const response = await t.request(caseworker, { method: 'GET', url: `/api/citizens/${citizenId}/plan` });
  expect(response.statusCode).toBe(200);
  return String(response.headers.etag);
}

async function write(url: string, payload: Record<string, unknown>) {
  return t.request(caseworker, {
    method: 'POST',
    url: `/api/citizens/${citizenId}/plan/${url}`,
    payload,
    headers: { 'if-match': await etag() },
  });
}

async function openFlags() {
  const response = await t.request(caseworker, { method: 'GET', url: `/api/citizens/${citizenId}/flags` });
  expect(response.statusCode).toBe(200);
  return response.json().items as { id: string; ruleId: string; explanation: { da: string } }[];
}

beforeAll(async () => {
  t = await startTestApp();
  const { id: municipalityId } = await t.factories.municipality();
  const unit = await t.factories.unit(municipalityId);
  const professional = await t.factories.professional(municipalityId, unit.id);
  caseworker = await t.login({ municipalityId, kind: 'professional', id: professional.id });
  citizenId = (await t.factories.citizen(municipalityId, { coordinatorId: professional.id })).id;
  citizenCookie = await t.login({ municipalityId, kind: 'citizen', id: citizenId });
});
afterAll(() => t?.dispose());

describe('pathways (forløb)', () => {
  let pathwayId: string;

  it('starts a pathway through the plan, with history, and flags it as stalled when nothing started in 6 months', async () => {
    const started = await write('pathways', {
      templateCode: 'ressourceforloeb',
      startDate: addDays(today, -220),
    });
    expect(started.statusCode, started.body).toBe(201);
    pathwayId = started.json().id;
    const plan = started.json().plan;
    expect(plan.pathways).toEqual([
      expect.objectContaining({
        id: pathwayId,
        templateCode: 'ressourceforloeb',
        name: { da: 'Ressourceforløb', en: 'Resource pathway (ressourceforløb)' },
        endDate: null,
      }),
    ]);
    const history = await t.request(caseworker, {
      method: 'GET',
      url: `/api/citizens/${citizenId}/plan/history`,
    });
    expect(history.json().items[0]).toMatchObject({
      entity: 'pathway',
      action: 'create',
      entityId: pathwayId,
    });
    const stalled = (await openFlags()).find((flag) => flag.ruleId === 'stalled');
    expect(stalled?.explanation.da).toContain('Ressourceforløb');
  });

  it('refuses a second open pathway of the same kind, an unknown template and an end before the start', async () => {
    const twice = await write('pathways', { templateCode: 'ressourceforloeb', startDate: today });
    expect(twice.statusCode).toBe(409);
    expect(twice.headers['content-type']).toContain('application/problem+json');
    const unknown = await write('pathways', { templateCode: 'noget-andet', startDate: today });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('templateCode');
    const early = await write(`pathways/${pathwayId}/end`, {
      reason: 'Forkert dato',
      endDate: addDays(today, -400),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('endDate');
  });

  it('is not the citizen’s to start', async () => {
    const response = await t.request(citizenCookie, {
      method: 'POST',
      url: `/api/citizens/${citizenId}/plan/pathways`,
      payload: { templateCode: 'jobafklaringsforloeb', startDate: today },
      headers: { 'if-match': await etag() },
    });
    expect(response.statusCode).toBe(403);
  });

  it('ends with a reason, and the stalled flag resolves by itself', async () => {
    const ended = await write(`pathways/${pathwayId}/end`, { reason: 'Overgået til fleksjob' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().plan.pathways[0]).toMatchObject({
      endDate: today,
      endReason: 'Overgået til fleksjob',
    });
    expect((await openFlags()).some((flag) => flag.ruleId === 'stalled')).toBe(false);
    const again = await write(`pathways/${pathwayId}/end`, { reason: 'Igen' });
    expect(again.statusCode).toBe(409);
  });

  it('ends with a coded outcome beside the reason, kept in the plan and its history', async () => {
    const started = await write('pathways', {
      templateCode: 'jobafklaringsforloeb',
      startDate: addDays(today, -90),
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    // An unknown code is a 400 naming the field and the code, and nothing is written.
    const unknown = await write(`pathways/${id}/end`, { reason: 'Fik arbejde', outcome: 'lottery' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors[0].field).toBe('outcome');
    expect(unknown.json().errors[0].message).toContain('"lottery" is not an outcome code');
    // An end before the start is refused with an outcome too.
    const early = await write(`pathways/${id}/end`, {
      reason: 'Fik arbejde',
      outcome: 'job',
      endDate: addDays(today, -91),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('endDate');
    const still = await t.request(caseworker, { method: 'GET', url: `/api/citizens/${citizenId}/plan` });
    expect(still.json().pathways.find((p: { id: string }) => p.id === id)).toMatchObject({
      endDate: null,
      outcome: null,
    });

    const ended = await write(`pathways/${id}/end`, { reason: 'Ansat som lagerarbejder', outcome: 'job' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().plan.pathways.find((p: { id: string }) => p.id === id)).toMatchObject({
      endDate: today,
      endReason: 'Ansat som lagerarbejder',
      outcome: 'job',
    });
    const history = await t.request(caseworker, {
      method: 'GET',
      url: `/api/citizens/${citizenId}/plan/history`,
    });
    expect(history.statusCode, history.body).toBe(200);
    expect(JSON.stringify(history.json())).toContain('"outcome":"job"');
    // The earlier end without a code (the shape before issue 15) has no outcome.
    expect(ended.json().plan.pathways.find((p: { id: string }) => p.id === pathwayId).outcome).toBeNull();
  });
});
