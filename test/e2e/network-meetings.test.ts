import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { fillDate } from './support/forms.js';

const demo = setUpDemoSession();
const MEDICINE = 'Hjemmesygepleje – medicindispensering';
const SHOTS = 'test-results/screenshots';

/** Calls the API from a signed-in page (its session cookie and CSRF header). */
function apiCall(page: import('playwright-core').Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'samspil' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

describe('a network meeting', () => {
  it('is planned with her preparation, held, and its agreements written back to the plan', async () => {
    const citizen = await demo.signedInAs('citizen');
    const citizenId = (await apiCall(citizen, 'GET', '/api/auth/me')).body.citizenId as string;
    const caseworker = await demo.signedInAs('jobcenter-caseworker', { width: 1280, height: 900 });
    const base = `/api/citizens/${citizenId}/meetings`;
    const created = await apiCall(caseworker, 'POST', base, {
      kind: 'network',
      purpose: 'Netværksmøde om bolig og praktik',
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      place: 'Jobcentret, lokale 3',
    });
    expect(created.status).toBe(201);
    const meetingId = created.body.id as string;
    // Her preparation: what she wants to talk about, and whom she would like there.
    const prepared = await apiCall(citizen, 'PUT', `${base}/${meetingId}/preparation`, {
      talkAbout: 'Jeg vil tale om at flytte',
      inviteWishes: 'Min søster Anna',
    });
    expect(prepared.status).toBe(200);
    await citizen.context().close();

    // The plan's meeting card links to the meeting's own page.
    await caseworker.goto(`/borgere/${citizenId}/plan`);
    await caseworker
      .getByRole('article', { name: /^Netværksmøde, / })
      .filter({ hasText: 'Netværksmøde om bolig og praktik' })
      .getByRole('link', { name: /^Netværksmøde, / })
      .click();
    await caseworker.getByRole('heading', { level: 1, name: /^Netværksmøde / }).waitFor();
    const invitations = caseworker.getByRole('region', { name: 'Invitationer og roller' });
    await invitations.getByText('Min søster Anna').waitFor();
    await invitations.getByLabel('Invitér en pårørende eller frivillig (navn)').fill('Anna (søster)');
    await invitations
      .getByLabel('Har borgeren sagt ja til Anna (søster)?')
      .selectOption({ label: 'Borgeren bad selv om det' });
    await invitations.getByRole('button', { name: 'Gem invitationer' }).click();
    await caseworker.getByRole('status').getByText('Invitationerne er gemt.').waitFor();
    await invitations.getByLabel('Rolle for Anna (søster)').waitFor();

    const agenda = caseworker.getByRole('region', { name: 'Dagsorden' });
    await agenda
      .getByRole('button', { name: 'Foreslå dagsorden ud fra planen og borgerens forberedelse' })
      .click();
    await expect.poll(() => agenda.getByLabel('Punkt 1').inputValue()).toBe('Jeg vil tale om at flytte');
    await expectAccessible(caseworker, 'meeting page with a proposed agenda');
    await agenda.getByRole('button', { name: 'Gem dagsorden' }).click();
    await agenda.getByRole('listitem').filter({ hasText: 'Jeg vil tale om at flytte' }).waitFor();

    // The meeting has taken place (its time moved to this morning).
    const moved = await apiCall(caseworker, 'PATCH', `${base}/${meetingId}`, {
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(moved.status).toBe(200);
    await caseworker.reload();
    const record = caseworker.getByRole('region', { name: 'Referat' });
    await record.getByRole('button', { name: 'Mødet er holdt – skriv referat' }).click();
    await record
      .getByRole('textbox', { name: 'Referat', exact: true })
      .fill('Vi talte om at flytte tættere på praktikken.');
    await record.getByLabel('Refleksioner').fill('Anna hørte, at Sara gerne vil klare mere selv.');
    await record.getByLabel('Borgeren var med til mødet').check();
    await record.getByRole('button', { name: 'Tilføj en aftale' }).click();
    await record.getByLabel('Aftale 1 med jeres ord').fill('Sara finder en bolig tæt på praktikken');
    await record.getByLabel('Aftale 1: delmålets titel').fill('Finde en bolig');
    await record.getByRole('button', { name: 'Tilføj en aftale' }).click();
    await record.getByLabel('Aftale 2: slags').selectOption({ label: 'Opfølgningsdato for en indsats' });
    await record.getByLabel('Aftale 2 med jeres ord').fill('Medicinen følges op i marts');
    await record.getByLabel('Aftale 2: indsats').selectOption({ label: `${MEDICINE} (Hjemmesygeplejen)` });
    await fillDate(record, 'Aftale 2: opfølgningsdato', '2027-03-01');
    await expectAccessible(caseworker, 'meeting record form');
    await record.getByRole('button', { name: 'Gem referat' }).click();
    await caseworker.getByRole('status').getByText('Referatet er gemt, og mødet er afholdt.').waitFor();

    const agreements = caseworker.getByRole('region', { name: 'Aftaler til planen' });
    await agreements.getByText('bliver et forslag til Hjemmesygeplejen, som ejer indsatsen').waitFor();
    await agreements.getByText(/1 aftaler skrives direkte i planen, 1 bliver forslag/).waitFor();
    await agreements.getByRole('button', { name: 'Skriv aftalerne i planen' }).click();
    await caseworker.getByRole('status').getByText('Aftalerne er skrevet i planen.').waitFor();
    await agreements.getByText('sendt som forslag til Hjemmesygeplejen').waitFor();
    await agreements.getByText('står i planen').waitFor();
    const minutes = caseworker.getByRole('link', { name: 'Hent referatet som PDF' });
    const pdf = await caseworker
      .context()
      .request.get(new URL((await minutes.getAttribute('href')) ?? '', caseworker.url()).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await expectAccessible(caseworker, 'meeting page after the agreements are written');
    mkdirSync(SHOTS, { recursive: true });
    await caseworker.screenshot({ path: `${SHOTS}/network-meeting-1280.png`, fullPage: true });
    await caseworker.setViewportSize({ width: 360, height: 780 });
    await expectNoSidewaysScroll(caseworker, 'meeting page at 360 px');
    await expectAccessible(caseworker, 'meeting page at 360 px');
    await caseworker.screenshot({ path: `${SHOTS}/network-meeting-360.png`, fullPage: true });

    // The plan has the new sub-goal, its history names the meeting.
    await caseworker.setViewportSize({ width: 1280, height: 900 });
    await caseworker.goto(`/borgere/${citizenId}/plan`);
    await caseworker.getByText('Finde en bolig').first().waitFor();
    await caseworker.context().close();

    // The owner of the other unit's intervention gets the proposal.
    const nurse = await demo.signedInAs('home-care-nurse');
    await demo.openCitizenPlan(nurse);
    const pending = nurse.getByRole('region', { name: 'Forslag til ændringer' });
    await pending.getByText(/Aftalt på netværksmødet .*: Medicinen følges op i marts/).waitFor();
    await expectAccessible(nurse, 'plan with a proposal from a network meeting');
    await nurse.context().close();

    // She finds the minutes in Mit forløb.
    const her = await demo.signedInAs('citizen', { width: 360, height: 800 });
    await her.waitForURL((url) => url.pathname === '/mit-forloeb');
    const mine = her.getByRole('region', { name: 'Referater fra dine møder' });
    await mine
      .getByRole('link', { name: /^Referat af netværksmødet / })
      .first()
      .waitFor();
    await expectAccessible(her, 'Mit forløb with minutes');
    await her.context().close();
  }, 240_000);
});
