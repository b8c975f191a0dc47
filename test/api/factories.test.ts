import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The factories (test/support/factories.ts) build each record type from nothing: given no
 * parents, they make the municipality, citizen, unit and professional it needs, and the record
 * is then what the API shows to the one who may see it (so a factory row is a real row, not a
 * half-made one a route would refuse or skip).
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.dispose());

const asCitizen = (municipalityId: string, citizenId: string) =>
  t.login({ municipalityId, kind: 'citizen', id: citizenId });
const asProfessional = (municipalityId: string, professionalId: string) =>
  t.login({ municipalityId, kind: 'professional', id: professionalId });

async function read(cookie: string, url: string): Promise<string> {
  const response = await t.request(cookie, { method: 'GET', url });
  // A half-made row shows as a 500: name the server's error (its log line) in the failure.
  const error = response.statusCode >= 500 ? t.logs.filter((line) => line.includes('"level":50')).at(-1) : '';
  expect(response.statusCode, `${url}: ${response.body.slice(0, 200)} ${error?.slice(0, 600) ?? ''}`).toBe(
    200,
  );
  return response.body;
}

describe('factories build their missing parents', () => {
  it('an intervention without a citizen makes one, with a unit, a type and a responsible', async () => {
    const subGoal = await t.factories.subGoal({ title: 'Komme i praktik' });
    const intervention = await t.factories.intervention({
      citizenId: subGoal.citizenId,
      purpose: 'Fabrikkens indsats',
      subGoalIds: [subGoal.id],
    });
    expect(intervention.municipalityId).toBe(subGoal.municipalityId);
    const plan = JSON.parse(
      await read(
        await asCitizen(intervention.municipalityId, intervention.citizenId),
        `/api/citizens/${intervention.citizenId}/plan`,
      ),
    );
    expect(JSON.stringify(plan)).toContain(intervention.id);
    expect(JSON.stringify(plan)).toContain('Komme i praktik');
    expect(JSON.stringify(plan)).toContain('Fabrikkens indsats');
    // The responsible professional works with the citizen through it: she reads the plan too.
    if (!intervention.responsibleId) throw new Error('no responsible');
    await read(
      await asProfessional(intervention.municipalityId, intervention.responsibleId),
      `/api/citizens/${intervention.citizenId}/plan`,
    );
    const standalone = await t.factories.intervention();
    expect(standalone.citizenId).not.toBe(intervention.citizenId);
    expect(standalone.municipalityId).not.toBe(intervention.municipalityId);
  });

  it('a team member, a consent and a delegation, each for a citizen it makes', async () => {
    const member = await t.factories.teamMember({ coordinator: true });
    const caseload = await read(
      await asProfessional(member.municipalityId, member.professionalId),
      '/api/citizens',
    );
    expect(caseload).toContain(member.citizenId);

    const consent = await t.factories.consent();
    const consents = await read(
      await asCitizen(consent.municipalityId, consent.citizenId),
      `/api/citizens/${consent.citizenId}/consents`,
    );
    expect(consents).toContain(consent.id);

    const delegation = await t.factories.delegation({ granteeName: 'Fabrikkens Pårørende' });
    const delegations = await read(
      await asCitizen(delegation.municipalityId, delegation.citizenId),
      `/api/citizens/${delegation.citizenId}/delegations`,
    );
    expect(delegations).toContain('Fabrikkens Pårørende');
    // The grantee's CPR number is one the test run checks never leaks.
    expect(t.factories.cprs.has(delegation.granteeCpr)).toBe(true);
    expect(delegations).not.toContain(delegation.granteeCpr);
  });

  it('a meeting, a referral, a decision and a measure, each with its citizen and professionals', async () => {
    const meeting = await t.factories.meeting({ purpose: 'Fabrikkens møde' });
    const citizenCookie = await asCitizen(meeting.municipalityId, meeting.citizenId);
    expect(await read(citizenCookie, `/api/citizens/${meeting.citizenId}/meetings`)).toContain(meeting.id);

    const referral = await t.factories.referral({
      citizenId: meeting.citizenId,
      reason: 'Fabrikkens henvisning',
    });
    const sent = await read(
      await asProfessional(referral.municipalityId, referral.fromProfessionalId),
      `/api/referrals/${referral.id}`,
    );
    expect(sent).toContain('Fabrikkens henvisning');

    const decision = await t.factories.decision({
      citizenId: meeting.citizenId,
      title: 'Fabrikkens afgørelse',
    });
    expect(await read(citizenCookie, `/api/citizens/${decision.citizenId}/decisions`)).toContain(decision.id);

    const measure = await t.factories.measureResponse({ citizenId: meeting.citizenId });
    expect(await read(citizenCookie, `/api/citizens/${measure.citizenId}/measures`)).toContain(measure.id);
  });

  it('a notification reaches its recipient, a break-the-glass its professional, a survey its leader', async () => {
    const notification = await t.factories.notification();
    const inbox = await read(
      await asProfessional(notification.municipalityId, notification.recipientId),
      '/api/inbox',
    );
    expect(inbox).toContain(notification.id);

    const glass = await t.factories.breakGlass();
    const active = JSON.parse(
      await read(
        await asProfessional(glass.municipalityId, glass.professionalId),
        `/api/citizens/${glass.citizenId}/break-glass/active`,
      ),
    );
    expect(JSON.stringify(active)).toContain(glass.id);

    const survey = await t.factories.collaborationSurvey({ title: 'Fabrikkens måling' });
    const leaderCookie = await asProfessional(survey.municipalityId, survey.createdBy);
    expect(await read(leaderCookie, '/api/collaboration-surveys')).toContain(survey.id);
    const quality = await t.factories.qualitySurvey({
      municipalityId: survey.municipalityId,
      createdBy: survey.createdBy,
    });
    expect(await read(leaderCookie, '/api/quality-surveys')).toContain(quality.id);
  });
});
