import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../src/domain/access/refusals.js';
import { type AccessWorld, buildAccessWorld } from '../support/access-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 9, "refusals are in the user's language": every refusal of the policy, not only those
 * about consent, break-the-glass and settings, comes in the language Accept-Language asks for,
 * with its code beside the problem's usual fields.
 */
let t: TestApp;
let w: AccessWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildAccessWorld(t);
});
afterAll(() => t?.dispose());

function expectRefusal(response: LightMyRequestResponse, code: keyof typeof REFUSALS, language: 'da' | 'en') {
  expect(response.statusCode).toBe(403);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.headers['content-language']).toBe(language);
  expect(response.json()).toEqual({
    type: 'about:blank',
    status: 403,
    title: language === 'da' ? 'Ingen adgang' : 'No access',
    detail: REFUSALS[code][language],
    code,
  });
}

describe('a policy refusal in the user’s language', () => {
  it('refuses a plan to a professional without a relationship in Danish or English', async () => {
    const url = `/api/citizens/${w.citizen.id}/plan`;
    const danish = await t.request(w.healthWorker.cookie, {
      method: 'GET',
      url,
      headers: { 'accept-language': 'da' },
    });
    expectRefusal(danish, 'access.no-relationship', 'da');
    expect(danish.json().detail).toMatch(/^Du har ingen relation til denne borger/);
    const english = await t.request(w.healthWorker.cookie, {
      method: 'GET',
      url,
      headers: { 'accept-language': 'en' },
    });
    expectRefusal(english, 'access.no-relationship', 'en');
    expect(english.json().detail).toMatch(/^You have no relationship to this citizen/);
  });

  it('refuses a caseworker changing another unit’s intervention in Danish', async () => {
    const plan = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: `/api/citizens/${w.citizen.id}/plan`,
    });
    const response = await t.request(w.coordinator.cookie, {
      method: 'PATCH',
      url: `/api/citizens/${w.citizen.id}/plan/interventions/${w.interventions.psychiatry}`,
      payload: { purpose: 'Overskrevet af jobcenteret' },
      headers: { 'if-match': plan.headers.etag as string, 'accept-language': 'da-DK,da;q=0.9,en;q=0.8' },
    });
    expectRefusal(response, 'plan.other-unit-owns', 'da');
    expect(response.json().detail).toBe('Indsatsen hører til en anden enhed: foreslå ændringen i stedet.');
  });

  it('refuses management figures, surveys and instruments in Danish', async () => {
    const da = { 'accept-language': 'da' };
    const figures = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: '/api/analytics/cost-concentration?year=2026',
      headers: da,
    });
    expectRefusal(figures, 'analytics.supervisors', 'da');
    expect(figures.json().detail).toBe('Ledelsestal er for teamledere og administratoren.');
    const surveys = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: '/api/collaboration-surveys',
      headers: da,
    });
    expectRefusal(surveys, 'survey.team-leaders', 'da');
    const instrument = await t.request(w.jobcenterLeader.cookie, {
      method: 'POST',
      url: '/api/instruments',
      payload: {},
      headers: da,
    });
    expectRefusal(instrument, 'instrument.administrator', 'da');
  });

  it('answers in English without Accept-Language, as the API always has', async () => {
    const response = await t.request(w.coordinator.cookie, {
      method: 'GET',
      url: '/api/analytics/cost-concentration?year=2026',
    });
    expectRefusal(response, 'analytics.supervisors', 'en');
  });
});
