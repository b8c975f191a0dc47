import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

const demo = setUpDemoSession();
const SHOTS = 'test-results/screenshots';
const NEW_STEP = 'Gå til tandlæge';

/** The jobcenter caseworker adds a step to the citizen's plan, through the API as the page does. */
async function caseworkerAddsStep(citizenId: string, title: string): Promise<void> {
  const caseworker = await demo.loginAs('jobcenter-caseworker');
  const status = await caseworker.evaluate(
    async ({ citizenId, title }) => {
      const plan = await fetch(`/api/citizens/${citizenId}/plan`);
      const response = await fetch(`/api/citizens/${citizenId}/plan/sub-goals`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Requested-With': 'samspil',
          'If-Match': plan.headers.get('ETag') ?? '',
        },
        body: JSON.stringify({ title }),
      });
      return response.status;
    },
    { citizenId, title },
  );
  expect(status).toBe(201);
  await caseworker.context().close();
}
/** What the citizen never sees on Mit forløb unless she opens "Vis detaljer": cost, codes, laws. */
const JARGON = /\bkr\.|\bLAB\b|\bLAS\b|§|GAS|Aktivitetspyramiden|borgeren/;

describe('Mit forløb', () => {
  it('the citizen starts on her plan in plain words, at 1280 and 360 px', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 780 },
    ]) {
      const citizen = await demo.loginAs('citizen', viewport);
      await citizen.waitForURL((url) => url.pathname === '/mit-forloeb');
      await citizen.getByRole('heading', { level: 1, name: 'Mit forløb' }).waitFor();
      await citizen.getByRole('heading', { level: 2, name: 'Mit mål' }).waitFor();
      await citizen.getByText('Med mine egne ord').waitFor();
      await citizen.getByRole('heading', { level: 2, name: 'Lige nu' }).waitFor();
      const since = citizen.getByRole('region', { name: 'Siden sidst' });
      if (viewport.width === 1280) await since.getByText(/^Det er første gang, du ser planen her/).waitFor();
      else await since.getByText(`Der er kommet et nyt skridt: »${NEW_STEP}«.`).waitFor();
      const call = citizen.getByRole('region', { name: 'Hvem kan jeg ringe til' });
      await call.getByText(/^Din faste kontakt er /).waitFor();
      const steps = citizen.getByRole('region', { name: 'Mine skridt' });
      expect(await steps.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
      const help = citizen.getByRole('region', { name: 'Hvem gør hvad for mig – og hvorfor' });
      await help
        .getByText(/^Det hjælper dig med: /)
        .first()
        .waitFor();
      // No cost, codes or legal references until she opens the details.
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown; closed details excluded
      const visible = await citizen.locator('main').innerText();
      expect(visible).not.toMatch(JARGON);
      await help.getByText('Vis detaljer').first().click();
      await help
        .getByText(/^Reglen: /)
        .first()
        .waitFor();
      await help
        .getByText(/^Det er den regel i loven/)
        .first()
        .waitFor();
      await expectNoSidewaysScroll(citizen, `Mit forløb ${viewport.width} px`);
      await expectAccessible(citizen, `Mit forløb ${viewport.width} px`);
      await citizen.screenshot({ path: `${SHOTS}/mit-forloeb-${viewport.width}.png`, fullPage: true });
      // The whole plan is one link away.
      await citizen.getByRole('link', { name: 'Se hele planen' }).click();
      await citizen.getByRole('heading', { level: 1, name: 'Min plan' }).waitFor();
      const citizenId = new URL(citizen.url()).pathname.split('/')[2] ?? '';
      await citizen.context().close();
      // Between her two visits the caseworker adds a step; the second visit says so.
      if (viewport.width === 1280) await caseworkerAddsStep(citizenId, NEW_STEP);
    }
  });

  it('a relative reads it in the third person, with whose plan it is and no action she may not take', async () => {
    const context = await demo.browser.newContext({
      baseURL: demo.server.url,
      locale: 'da-DK',
      viewport: { width: 360, height: 780 },
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: `Log ind som ${demo.persona('relative')}`, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/login/fuldmagt');
    await page.getByRole('button', { name: `Vælg ${demo.persona('citizen')}` }).click();
    await page.waitForURL((url) => url.pathname === '/mit-forloeb');
    const given = demo.persona('citizen').split(' ')[0] ?? '';
    await page.getByRole('heading', { level: 1, name: `${given}s forløb` }).waitFor();
    await page
      .getByRole('note')
      .getByText(new RegExp(`^Du ser ${given}s plan, fordi`))
      .waitFor();
    await page.getByRole('heading', { level: 2, name: `${given}s mål` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hvem kan I ringe til' }).waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown; closed details excluded
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/Mit mål|Mine skridt|Din faste kontakt/);
    expect(text).not.toMatch(JARGON);
    // Her power of attorney does not cover consents or other relatives: no links to act on them.
    expect(await page.getByRole('link', { name: 'Mine pårørende' }).count()).toBe(0);
    expect(
      await page
        .getByRole('button')
        .filter({ hasNotText: /English|Dansk|Log ud|Menu/ })
        .count(),
    ).toBe(0);
    await expectNoSidewaysScroll(page, 'relative, 360 px');
    await expectAccessible(page, "relative's Mit forløb");
    await page.screenshot({ path: `${SHOTS}/mit-forloeb-relative-360.png`, fullPage: true });
    await context.close();
  });

  it('the citizen says no to being in the management figures, and yes again, at 1280 and 360 px', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [1280, 360]) {
      const citizen = await demo.loginAs('citizen', { width, height: width === 360 ? 780 : 900 });
      const section = citizen.getByRole('region', { name: 'Dine oplysninger i kommunens statistik' });
      await section.waitFor();
      const state = section.getByTestId('reporting-objection-state');
      await expect.poll(() => state.textContent()).toContain('Dine oplysninger indgår i tallene.');
      await section.getByRole('button', { name: 'Sig nej til at være med i tallene' }).click();
      await expect.poll(() => state.textContent()).toContain('Du har sagt nej.');
      expect(await state.textContent()).toContain('registreret af dig selv');
      await section.getByRole('status').getByText('Det er gemt og gælder fra nu.').waitFor();
      // Her pathways are listed in plain words, each with its time.
      await citizen.getByRole('region', { name: 'Mine forløb' }).getByText('Ressourceforløb').waitFor();
      if (width === 360) await expectNoSidewaysScroll(citizen, 'Mit forløb objection 360 px');
      await expectAccessible(citizen, `Mit forløb objection ${width} px`);
      await section.screenshot({ path: `${SHOTS}/reporting-objection-${width}.png` });
      await section.getByRole('button', { name: 'Vær med i tallene igen' }).click();
      await expect.poll(() => state.textContent()).toContain('Dine oplysninger indgår i tallene.');
      await citizen.context().close();
    }
  });
});
