import { describe, expect, it } from 'vitest';
import { explanationProblem } from './break-glass.js';
import {
  type AccessDecision,
  type Actor,
  type ConsentChange,
  canManageAccounts,
  caseloadScope,
  decideBreakGlass,
  decideBreakGlassReview,
  decideConsentChange,
  decideSettingsChange,
  type ProfessionalActor,
  professionalDirectoryScope,
} from './policy.js';
import { REFUSALS } from './refusals.js';

const pro = (id: string, role: 'caseworker' | 'team_leader' | 'administrator', unitId = 'unit-1'): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id,
  role,
  unitId,
  name: 'x',
});
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'c', name: 'x' };
const relative = (includesConsent: boolean): Actor => ({
  ...citizen,
  delegate: { delegationId: 'd', name: 'y', includesConsent },
});
const own: AccessDecision = { allowed: true, basis: 'own-plan' };
const delegated: AccessDecision = { allowed: true, basis: 'delegated' };
const related: AccessDecision = { allowed: true, basis: 'relationship' };
const leading: AccessDecision = { allowed: true, basis: 'unit-leader' };

const give: ConsentChange = { act: 'record', basis: 'consent', withDeclaration: false };
const register: ConsentChange = { act: 'record', basis: 'consent', withDeclaration: true };
const legal: ConsentChange = { act: 'record', basis: 'legal_provision', withDeclaration: false };
const withdrawConsent = (recordedBy = { kind: 'citizen', id: 'c' }): ConsentChange => ({
  act: 'withdraw',
  consent: { basis: 'consent', recordedBy },
});
const endLegal = (recordedById: string): ConsentChange => ({
  act: 'withdraw',
  consent: { basis: 'legal_provision', recordedBy: { kind: 'professional', id: recordedById } },
});

describe('consent is the citizen’s', () => {
  it('lets the citizen give, withdraw and answer, but not record a legal basis', () => {
    expect(decideConsentChange(citizen, own, give)).toMatchObject({ allowed: true, state: 'confirmed' });
    expect(decideConsentChange(citizen, own, withdrawConsent()).allowed).toBe(true);
    expect(
      decideConsentChange(citizen, own, withdrawConsent({ kind: 'professional', id: 'p' })).allowed,
    ).toBe(true);
    expect(decideConsentChange(citizen, own, { act: 'answer' }).allowed).toBe(true);
    expect(decideConsentChange(citizen, own, legal)).toMatchObject({ code: 'consent.citizen-gives-consent' });
    expect(decideConsentChange(citizen, own, endLegal('p'))).toMatchObject({ allowed: false });
  });

  it('lets a relative act on consent only when her power of attorney includes it', () => {
    for (const change of [give, withdrawConsent(), { act: 'answer' } as const])
      expect(decideConsentChange(relative(false), delegated, change)).toMatchObject({
        allowed: false,
        code: 'consent.delegate-not-included',
      });
    expect(decideConsentChange(relative(true), delegated, give).allowed).toBe(true);
    expect(decideConsentChange(relative(true), delegated, withdrawConsent()).allowed).toBe(true);
  });

  it('makes a professional’s consent without a declaration pending, with one confirmed', () => {
    const worker = pro('p1', 'caseworker');
    expect(decideConsentChange(worker, related, give)).toMatchObject({ allowed: true, state: 'pending' });
    expect(decideConsentChange(worker, related, register)).toMatchObject({
      allowed: true,
      state: 'confirmed',
    });
    for (const basis of ['referral', 'meeting', 'break-glass'] as const)
      expect(decideConsentChange(worker, { allowed: true, basis }, register)).toMatchObject({
        code: 'consent.no-relationship',
      });
  });

  it('never lets a professional withdraw, confirm or reject the citizen’s consent', () => {
    for (const actor of [pro('p1', 'caseworker'), pro('l1', 'team_leader')]) {
      expect(decideConsentChange(actor, related, withdrawConsent())).toMatchObject({
        code: 'consent.professional-withdraw',
      });
      // Not even one they registered themselves: once given, it is hers.
      expect(
        decideConsentChange(actor, related, withdrawConsent({ kind: 'professional', id: actor.id })),
      ).toMatchObject({ code: 'consent.professional-withdraw' });
      expect(decideConsentChange(actor, related, { act: 'answer' })).toMatchObject({
        code: 'consent.confirm-citizen',
      });
    }
  });

  it('lets only a team leader record a legal basis, and only that leader end it', () => {
    expect(decideConsentChange(pro('p1', 'caseworker'), related, legal)).toMatchObject({
      code: 'consent.legal-basis-team-leader',
    });
    expect(decideConsentChange(pro('a1', 'administrator'), related, legal).allowed).toBe(false);
    expect(decideConsentChange(pro('l1', 'team_leader'), leading, legal)).toMatchObject({ allowed: true });
    expect(decideConsentChange(pro('l1', 'team_leader'), leading, endLegal('l1')).allowed).toBe(true);
    expect(decideConsentChange(pro('l2', 'team_leader'), leading, endLegal('l1'))).toMatchObject({
      code: 'consent.legal-basis-end',
    });
    expect(decideConsentChange(pro('p1', 'caseworker'), related, endLegal('p1')).allowed).toBe(false);
  });

  it('keeps a denial of access as it is', () => {
    const denied: AccessDecision = { allowed: false, reason: 'no', code: 'access.no-relationship' };
    expect(decideConsentChange(citizen, denied, give)).toBe(denied);
  });

  it('has every refusal in Danish and English', () => {
    for (const text of Object.values(REFUSALS)) {
      expect(text.da.length).toBeGreaterThan(10);
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.da).not.toBe(text.en);
    }
  });
});

describe('break the glass', () => {
  it('is for professionals only', () => {
    expect(decideBreakGlass(citizen)).toMatchObject({ code: 'break-glass.professionals-only' });
    expect(decideBreakGlass(pro('p1', 'caseworker')).allowed).toBe(true);
  });

  it('needs an explanation that says something', () => {
    expect(explanationProblem('aaaaaaaaaa')).not.toBeNull();
    expect(explanationProblem('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).not.toBeNull();
    expect(explanationProblem('ab ab ab ab ab ab ab ab ab ab ab')).not.toBeNull();
    expect(explanationProblem('akut!!! ........... ??????????????')).not.toBeNull();
    expect(explanationProblem('Borgeren er mødt op akut og har brug for hjælp')).toBeNull();
  });

  it('is reviewed by a supervisor other than the one who broke it', () => {
    const glass = { professionalId: 'l1', unitId: 'unit-1' };
    expect(decideBreakGlassReview(pro('l1', 'team_leader'), glass)).toMatchObject({
      code: 'break-glass.review-own',
    });
    expect(decideBreakGlassReview(pro('p2', 'caseworker'), glass)).toMatchObject({
      code: 'break-glass.review-supervisor',
    });
    expect(decideBreakGlassReview(pro('l2', 'team_leader', 'unit-2'), glass)).toMatchObject({
      code: 'break-glass.review-other-unit',
    });
    expect(decideBreakGlassReview(pro('l3', 'team_leader'), glass).allowed).toBe(true);
    expect(decideBreakGlassReview(pro('a1', 'administrator', 'unit-9'), glass).allowed).toBe(true);
    expect(decideBreakGlassReview(citizen, glass).allowed).toBe(false);
  });
});

describe('least privilege', () => {
  it('lets only administrators change municipality-wide settings', () => {
    expect(decideSettingsChange(pro('l1', 'team_leader'))).toMatchObject({ code: 'settings.administrator' });
    expect(decideSettingsChange(pro('p1', 'caseworker')).allowed).toBe(false);
    expect(decideSettingsChange(citizen).allowed).toBe(false);
    expect(decideSettingsChange(pro('a1', 'administrator')).allowed).toBe(true);
  });

  it('shows citizens and relatives only their own team’s contact details', () => {
    expect(professionalDirectoryScope(citizen)).toBe('own-team');
    expect(professionalDirectoryScope(relative(true))).toBe('own-team');
    expect(professionalDirectoryScope(pro('p1', 'caseworker'))).toBe('municipality');
  });

  it('lets only administrators manage accounts', () => {
    const professional = (role: 'caseworker' | 'team_leader' | 'administrator') =>
      pro('p1', role) as ProfessionalActor;
    expect(canManageAccounts(professional('administrator'))).toBe(true);
    expect(canManageAccounts(professional('team_leader'))).toBe(false);
    expect(canManageAccounts(professional('caseworker'))).toBe(false);
  });

  it("lists a team leader's unit as her caseload, and others' related citizens", () => {
    expect(caseloadScope(pro('l1', 'team_leader') as ProfessionalActor)).toBe('unit');
    expect(caseloadScope(pro('p1', 'caseworker') as ProfessionalActor)).toBe('related');
    expect(caseloadScope(pro('a1', 'administrator') as ProfessionalActor)).toBe('related');
  });
});
