import { describe, expect, it } from 'vitest';
import {
  type AccessDecision,
  type Actor,
  decideInstrumentLoad,
  decideMeasureRead,
  decideMeasureRecord,
  decideSurveyAccess,
  decideSurveyInvitationIssue,
} from './policy.js';

const pro = (role: 'caseworker' | 'team_leader' | 'administrator', unitId = 'unit-1'): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id: `${role}-${unitId}`,
  role,
  unitId,
  name: role,
});
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'c', name: 'Bodil' };
const relative: Actor = { ...citizen, delegate: { delegationId: 'd', name: 'Søster' } };
const allowed = (
  basis: 'relationship' | 'meeting' | 'break-glass' | 'own-plan' | 'delegated',
): AccessDecision => ({
  allowed: true,
  basis,
});
const denied: AccessDecision = { allowed: false, reason: 'no', code: 'access.no-relationship' };

describe('measures about a citizen', () => {
  it('are read by whoever may see the plan', () => {
    expect(decideMeasureRead(pro('caseworker'), allowed('break-glass'))).toEqual(allowed('break-glass'));
    expect(decideMeasureRead(pro('caseworker'), denied)).toEqual(denied);
  });

  it('are recorded by the citizen as the citizen, by a relative as the relative', () => {
    expect(decideMeasureRecord(citizen, allowed('own-plan'), 'citizen').allowed).toBe(true);
    expect(decideMeasureRecord(citizen, allowed('own-plan'), 'professional').allowed).toBe(false);
    expect(decideMeasureRecord(relative, allowed('delegated'), 'relative').allowed).toBe(true);
    expect(decideMeasureRecord(relative, allowed('delegated'), 'citizen').allowed).toBe(false);
  });

  it('are recorded by professionals who work with the citizen, not on a meeting or break-the-glass', () => {
    const caseworker = pro('caseworker');
    expect(decideMeasureRecord(caseworker, allowed('relationship'), 'professional').allowed).toBe(true);
    expect(decideMeasureRecord(caseworker, allowed('relationship'), 'citizen').allowed).toBe(true);
    expect(decideMeasureRecord(caseworker, allowed('meeting'), 'professional').allowed).toBe(false);
    expect(decideMeasureRecord(caseworker, allowed('break-glass'), 'professional').allowed).toBe(false);
    expect(decideMeasureRecord(caseworker, denied, 'professional')).toEqual(denied);
  });
});

describe('collaboration and quality surveys', () => {
  it('are created by team leaders and the administrator only', () => {
    expect(decideSurveyAccess(pro('team_leader')).allowed).toBe(true);
    expect(decideSurveyAccess(pro('administrator')).allowed).toBe(true);
    expect(decideSurveyAccess(pro('caseworker')).allowed).toBe(false);
    expect(decideSurveyAccess(citizen).allowed).toBe(false);
  });

  it("are read by their unit's team leader and the administrator", () => {
    expect(decideSurveyAccess(pro('team_leader', 'unit-1'), { unitId: 'unit-1' }).allowed).toBe(true);
    expect(decideSurveyAccess(pro('team_leader', 'unit-2'), { unitId: 'unit-1' }).allowed).toBe(false);
    expect(decideSurveyAccess(pro('administrator', 'unit-2'), { unitId: 'unit-1' }).allowed).toBe(true);
    expect(decideSurveyAccess(pro('caseworker', 'unit-1'), { unitId: 'unit-1' }).allowed).toBe(false);
  });

  it("get invitation links from their unit's team leader and the administrator, never a caseworker", () => {
    const survey = { unitId: 'unit-1' };
    expect(decideSurveyInvitationIssue(pro('team_leader', 'unit-1'), survey).allowed).toBe(true);
    expect(decideSurveyInvitationIssue(pro('administrator', 'unit-2'), survey).allowed).toBe(true);
    expect(decideSurveyInvitationIssue(pro('team_leader', 'unit-2'), survey)).toMatchObject({
      allowed: false,
      code: 'survey.other-unit',
    });
    expect(decideSurveyInvitationIssue(pro('caseworker', 'unit-1'), survey)).toMatchObject({
      allowed: false,
      code: 'survey.team-leaders',
    });
    expect(decideSurveyInvitationIssue(citizen, survey).allowed).toBe(false);
  });

  it('licensed instruments are loaded by the administrator', () => {
    expect(decideInstrumentLoad(pro('administrator')).allowed).toBe(true);
    expect(decideInstrumentLoad(pro('team_leader')).allowed).toBe(false);
  });
});
