import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let municipalityId: string;
let worker: { id: string; cookie: string };
let leader: { cookie: string };
let outsider: { cookie: string };
const mine: { id: string; cpr: string }[] = [];
let notMine: { id: string; cpr: string };

beforeAll(async () => {
  t = await startTestApp();
  ({ id: municipalityId } = await t.factories.municipality());
  const unit = await t.factories.unit(municipalityId);
  const otherUnit = await t.factories.unit(municipalityId, { sector: 'health-care' });
  const professional = await t.factories.professional(municipalityId, unit.id);
  const teamLeader = await t.factories.professional(municipalityId, unit.id, { role: 'team_leader' });
  const elsewhere = await t.factories.professional(municipalityId, otherUnit.id);
  worker = {
    id: professional.id,
    cookie: await t.login({ municipalityId, kind: 'professional', id: professional.id }),
  };
  leader = { cookie: await t.login({ municipalityId, kind: 'professional', id: teamLeader.id }) };
  outsider = { cookie: await t.login({ municipalityId, kind: 'professional', id: elsewhere.id }) };
  for (const [givenName, familyName] of [
    ['Anna', 'Eksempelsen'],
    ['Bo', 'Fiktivsen'],
    ['Carla', 'Prøvesen'],
  ] as const) {
    mine.push(
      await t.factories.citizen(municipalityId, { givenName, familyName, coordinatorId: professional.id }),
    );
  }
  notMine = await t.factories.citizen(municipalityId, {
    givenName: 'Dorte',
    familyName: 'Syntesen',
    coordinatorId: elsewhere.id,
  });
});
afterAll(() => t?.dispose());

describe('the caseload', () => {
  it('lists only the citizens the professional is related to, sorted by family name', async () => {
    const response = await t.request(worker.cookie, { method: 'GET', url: '/api/citizens' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(3);
    expect(body.items.map((item: { familyName: string }) => item.familyName)).toEqual([
      'Eksempelsen',
      'Fiktivsen',
      'Prøvesen',
    ]);
    expect(body.items[0]).toMatchObject({
      relation: 'coordinator',
      cprMasked: `${mine[0]?.cpr.slice(0, 6)}-xxxx`,
    });
  });

  it('searches by name and pages', async () => {
    const search = (await t.request(worker.cookie, { method: 'GET', url: '/api/citizens?q=fiktiv' })).json();
    expect(search.items.map((item: { givenName: string }) => item.givenName)).toEqual(['Bo']);
    const page2 = (
      await t.request(worker.cookie, { method: 'GET', url: '/api/citizens?page=2&pageSize=2' })
    ).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
  });

  it('treats search text literally (no LIKE wildcards)', async () => {
    const response = (await t.request(worker.cookie, { method: 'GET', url: '/api/citizens?q=%25' })).json();
    expect(response.total).toBe(0);
  });

  it('refuses a CPR number in the URL', async () => {
    const response = await t.request(worker.cookie, {
      method: 'GET',
      url: `/api/citizens?q=${mine[0]?.cpr}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/POST \/api\/citizens\/search/);
  });

  it("shows a team leader the unit's citizens", async () => {
    const body = (await t.request(leader.cookie, { method: 'GET', url: '/api/citizens' })).json();
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      mine.map((item) => item.id).sort(),
    );
    expect(body.items[0].relation).toBe('unit');
  });

  it('sorts by name either way, and names a bad sort as a problem', async () => {
    const reversed = (
      await t.request(worker.cookie, { method: 'GET', url: '/api/citizens?sort=-name' })
    ).json();
    expect(reversed.items.map((item: { familyName: string }) => item.familyName)).toEqual([
      'Prøvesen',
      'Fiktivsen',
      'Eksempelsen',
    ]);
    // Backwards compatible: the same shape, and the default order without the parameter.
    expect(Object.keys(reversed).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    const bad = await t.request(worker.cookie, { method: 'GET', url: '/api/citizens?sort=cpr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('querystring.sort');
  });

  it('rejects bad paging with a named field', async () => {
    const response = await t.request(worker.cookie, { method: 'GET', url: '/api/citizens?pageSize=1000' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.pageSize');
  });
});

describe('finding a citizen by CPR number', () => {
  it('finds a related citizen from the number in the body, and audits with a masked number', async () => {
    const cpr = mine[1]?.cpr ?? '';
    const response = await t.request(worker.cookie, {
      method: 'POST',
      url: '/api/citizens/search',
      payload: { cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((item: { id: string }) => item.id)).toEqual([mine[1]?.id]);
    const audit = await t.context.database.db
      .selectFrom('audit_event')
      .select(['details', 'outcome'])
      .where('action', '=', 'search')
      .where('citizen_id', '=', mine[1]?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain(cpr.slice(6));
    expect(audit.outcome).toBe('allowed');
  });

  it('does not reveal an unrelated citizen', async () => {
    const response = await t.request(worker.cookie, {
      method: 'POST',
      url: '/api/citizens/search',
      payload: { cpr: notMine.cpr },
    });
    expect(response.json().items).toEqual([]);
    const other = await t.request(outsider.cookie, {
      method: 'POST',
      url: '/api/citizens/search',
      payload: { cpr: notMine.cpr },
    });
    expect(other.json().items).toHaveLength(1);
  });

  it('names the problem with a malformed number, without echoing it', async () => {
    const response = await t.request(worker.cookie, {
      method: 'POST',
      url: '/api/citizens/search',
      payload: { cpr: '999999-12' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('cpr');
    expect(response.body).not.toContain('999999');
  });
});
