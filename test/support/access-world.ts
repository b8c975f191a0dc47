import type { TestApp } from './test-app.js';

/** A professional in the world, with a session cookie. */
export interface Person {
  id: string;
  cookie: string;
}

/**
 * A small municipality built for access tests: a citizen whose coordinator works at the
 * jobcenter, with one intervention there and one at adult social psychiatry; colleagues with
 * and without a relationship; team leaders; an administrator; a second citizen; and a whole
 * second municipality, for tenant isolation.
 */
export interface AccessWorld {
  municipalityId: string;
  units: { jobcenter: string; psychiatry: string; health: string };
  coordinator: Person;
  psychiatryWorker: Person;
  jobcenterColleague: Person;
  healthWorker: Person;
  jobcenterLeader: Person;
  healthLeader: Person;
  administrator: Person;
  citizen: { id: string; cpr: string; cookie: string };
  otherCitizen: { id: string; cpr: string; cookie: string };
  interventions: { jobcenter: string; psychiatry: string };
  subGoalId: string;
  other: { municipalityId: string; professional: Person; citizen: { id: string; cookie: string } };
  /** The plan's current ETag version (kept up to date by `write`). */
  version: number;
  /** A plan write as the coordinator, keeping the version. */
  write(
    path: string,
    method: 'POST' | 'PATCH' | 'PUT',
    payload: unknown,
    as?: Person,
  ): Promise<{ statusCode: number; body: string }>;
}

export async function buildAccessWorld(t: TestApp): Promise<AccessWorld> {
  const f = t.factories;
  const { id: municipalityId } = await f.municipality({ name: 'Adgangskommune' });
  const jobcenter = (await f.unit(municipalityId, { sector: 'employment', name: 'Jobcenter Adgang' })).id;
  const psychiatry = (
    await f.unit(municipalityId, { sector: 'social-adult', name: 'Socialpsykiatrien Adgang' })
  ).id;
  const health = (await f.unit(municipalityId, { sector: 'health-care', name: 'Hjemmeplejen Adgang' })).id;
  const person = async (unitId: string, role: string, name: string): Promise<Person> => {
    const { id } = await f.professional(municipalityId, unitId, { role, name });
    return { id, cookie: await t.login({ municipalityId, kind: 'professional', id }) };
  };
  const coordinator = await person(jobcenter, 'caseworker', 'Karin Koordinator');
  const psychiatryWorker = await person(psychiatry, 'caseworker', 'Peter Psykiatri');
  const jobcenterColleague = await person(jobcenter, 'caseworker', 'Jens Kollega');
  const healthWorker = await person(health, 'caseworker', 'Hanne Hjemmepleje');
  const jobcenterLeader = await person(jobcenter, 'team_leader', 'Lise Leder');
  const healthLeader = await person(health, 'team_leader', 'Hans Leder');
  const administrator = await person(jobcenter, 'administrator', 'Ada Administrator');
  const citizenRow = await f.citizen(municipalityId, { coordinatorId: coordinator.id, givenName: 'Bodil' });
  const citizen = {
    ...citizenRow,
    cookie: await t.login({ municipalityId, kind: 'citizen', id: citizenRow.id }),
  };
  const otherRow = await f.citizen(municipalityId, { givenName: 'Anden' });
  const otherCitizen = {
    ...otherRow,
    cookie: await t.login({ municipalityId, kind: 'citizen', id: otherRow.id }),
  };
  const jobType = (
    await f.interventionType(municipalityId, {
      sector: 'employment',
      name: 'Mentorstøtte Adgang',
      legalBasis: 'LAB-47',
    })
  ).id;
  const psyType = (
    await f.interventionType(municipalityId, {
      sector: 'social-adult',
      name: 'Bostøtte Adgang',
      legalBasis: 'SEL-85',
    })
  ).id;

  const otherMunicipality = (await f.municipality({ name: 'Fremmed kommune' })).id;
  const otherUnit = (await f.unit(otherMunicipality)).id;
  const otherPro = (await f.professional(otherMunicipality, otherUnit)).id;
  const otherCitizenB = await f.citizen(otherMunicipality, { coordinatorId: otherPro });

  const world: AccessWorld = {
    municipalityId,
    units: { jobcenter, psychiatry, health },
    coordinator,
    psychiatryWorker,
    jobcenterColleague,
    healthWorker,
    jobcenterLeader,
    healthLeader,
    administrator,
    citizen,
    otherCitizen,
    interventions: { jobcenter: '', psychiatry: '' },
    subGoalId: '',
    other: {
      municipalityId: otherMunicipality,
      professional: {
        id: otherPro,
        cookie: await t.login({ municipalityId: otherMunicipality, kind: 'professional', id: otherPro }),
      },
      citizen: {
        id: otherCitizenB.id,
        cookie: await t.login({ municipalityId: otherMunicipality, kind: 'citizen', id: otherCitizenB.id }),
      },
    },
    version: 1,
    async write(path, method, payload, as = coordinator) {
      const response = await t.request(as.cookie, {
        method,
        url: `/api/citizens/${citizen.id}/plan${path}`,
        payload: payload as Record<string, unknown>,
        headers: { 'if-match': `"${world.version}"` },
      });
      if (response.statusCode < 300) world.version += 1;
      return { statusCode: response.statusCode, body: response.body };
    },
  };
  const goal = await world.write('/sub-goals', 'POST', { title: 'Komme i praktik' });
  world.subGoalId = JSON.parse(goal.body).id;
  const job = await world.write('/interventions', 'POST', {
    typeId: jobType,
    unitId: jobcenter,
    responsibleId: coordinator.id,
    purpose: 'Afklaring af arbejdsevne (jobcenterets detalje)',
    startDate: '2026-01-05',
    frequency: 'ugentligt',
    costOre: 120000,
    subGoalIds: [world.subGoalId],
  });
  world.interventions.jobcenter = JSON.parse(job.body).id;
  const psy = await world.write('/interventions', 'POST', {
    typeId: psyType,
    unitId: psychiatry,
    responsibleId: psychiatryWorker.id,
    purpose: 'Støtte efter indlæggelse (psykiatriens fortrolige detalje)',
    startDate: '2026-02-01',
    endDate: '2026-12-31',
    frequency: 'to gange om ugen',
    costOre: 990000,
    subGoalIds: [world.subGoalId],
  });
  world.interventions.psychiatry = JSON.parse(psy.body).id;
  if (!world.interventions.jobcenter || !world.interventions.psychiatry) {
    throw new Error(`access world: interventions not created: ${job.body} ${psy.body}`);
  }
  // Recorded by the jobcenter for psychiatry, it is psychiatry's once psychiatry confirms it.
  const confirmed = await world.write(
    `/interventions/${world.interventions.psychiatry}/confirm`,
    'POST',
    {},
    psychiatryWorker,
  );
  if (confirmed.statusCode !== 200) throw new Error(`access world: not confirmed: ${confirmed.body}`);
  return world;
}

/** The fields that make an intervention's "what": never sent without consent or a legal basis. */
export const DETAIL_FIELDS = [
  'purpose',
  'legalBasis',
  'frequency',
  'costOre',
  'pyramidLevel',
  'businessDirected',
  'subGoalIds',
  'followUpDate',
  'endReason',
  'schedule',
] as const;

/** Finds an intervention in a plan response. */
export function interventionIn(plan: unknown, id: string): Record<string, unknown> | undefined {
  const sectors = (plan as { sectors: { interventions: Record<string, unknown>[] }[] }).sectors;
  return sectors.flatMap((group) => group.interventions).find((item) => item.id === id);
}
