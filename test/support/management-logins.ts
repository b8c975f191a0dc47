import type { TestApp } from './test-app.js';

/**
 * Sessions for the management figures' readers and refused readers in a synthetic
 * municipality: its team leader, a new administrator, a jobcenter caseworker and a citizen.
 */
export async function managementLogins(
  t: TestApp,
  municipalityId: string,
): Promise<{ leader: string; administrator: string; caseworker: string; citizen: string }> {
  const personas = await t.context.database.db
    .selectFrom('demo_persona')
    .select(['id', 'subject_id'])
    .execute();
  const persona = (id: string) => personas.find((row) => row.id === id)?.subject_id as string;
  const unit = await t.context.database.db.selectFrom('unit').select('id').executeTakeFirstOrThrow();
  const admin = await t.factories.professional(municipalityId, unit.id, { role: 'administrator' });
  return {
    leader: await t.login({ municipalityId, kind: 'professional', id: persona('team-leader') }),
    caseworker: await t.login({ municipalityId, kind: 'professional', id: persona('jobcenter-caseworker') }),
    citizen: await t.login({ municipalityId, kind: 'citizen', id: persona('citizen') }),
    administrator: await t.login({ municipalityId, kind: 'professional', id: admin.id }),
  };
}
