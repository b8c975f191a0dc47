import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

/**
 * Step-up, export and the relative's choice of delegation in the browser. The server runs with
 * a step-up window of 3 seconds, so a login "long ago" is a few seconds' wait.
 */
const demo = setUpDemoSession({ env: { SAMSPIL_STEP_UP_MINUTES: '0.05' } });

describe('step-up before revealing a CPR number', () => {
  it('asks a professional whose login is too old to log in again, then reveals', async () => {
    const caseworker = await demo.loginAs('jobcenter-caseworker');
    await demo.openCitizenPlan(caseworker);
    await caseworker.waitForTimeout(3_500);
    await caseworker.getByRole('button', { name: 'Vis CPR-nummer' }).click();
    await caseworker
      .getByLabel('Hvorfor skal du se det fulde CPR-nummer?')
      .fill('Ansøgning til pensionskassen');
    await caseworker.getByRole('button', { name: 'Vis nummeret' }).click();
    await caseworker.getByText('Log ind igen for at fortsætte').waitFor();
    expect(await caseworker.locator('.samspil-cpr-full').count()).toBe(0);
    await expectAccessible(caseworker, 'plan asking for a new login');
    // Demo mode: the same persona logs in again here, and the reveal is retried.
    await caseworker.getByRole('button', { name: 'Log ind igen' }).click();
    const full = caseworker.locator('.samspil-cpr-full');
    await full.waitFor();
    expect(await full.textContent()).toMatch(/^\d{6}-?\d{4}$/);
    expect(caseworker.url()).not.toMatch(/\d{6}-?\d{4}/);
    await caseworker.context().close();
  });
});

describe('export', () => {
  it('a professional downloads the plan without the CPR number', async () => {
    const caseworker = await demo.loginAs('jobcenter-caseworker');
    await demo.openCitizenPlan(caseworker);
    const button = caseworker.getByRole('button', { name: 'Hent planen (JSON)' });
    await button.scrollIntoViewIfNeeded();
    await expectAccessible(caseworker, 'plan with the export button');
    const [download] = await Promise.all([caseworker.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^samspil-plan-\d{4}-\d{2}-\d{2}\.json$/);
    const body = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(body).toMatchObject({ format: 'samspil-plan-export/1', kind: 'professional' });
    expect(body.citizen.cpr).toBeUndefined();
    expect(body.citizen.cprMasked).toMatch(/^\d{6}-xxxx$/);
    await caseworker.getByText(/er hentet\.$/).waitFor();
    await caseworker.context().close();
  });

  it('the citizen downloads a copy of their data from the access log page', async () => {
    const citizen = await demo.loginAs('citizen');
    await citizen.getByRole('link', { name: 'Hvem har set mine oplysninger' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Hvem har set mine oplysninger' }).waitFor();
    const button = citizen.getByRole('button', { name: 'Hent min kopi (JSON)' });
    const [download] = await Promise.all([citizen.waitForEvent('download'), button.click()]);
    const body = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(body.kind).toBe('data-subject');
    expect(Array.isArray(body.consents)).toBe(true);
    expect(Array.isArray(body.accessLog)).toBe(true);
    expect(body.citizen.cpr).toBeUndefined();
    await expectAccessible(citizen, 'access log with the export');
    await citizen.context().close();
  });
});

describe('a relative with several delegations', () => {
  it('logs in, chooses whose plan to see, switches, on a page accessible in Danish and English', async () => {
    const context = await demo.browser.newContext({ baseURL: demo.server.url, locale: 'da-DK' });
    const page = await context.newPage();
    // The demo relative holds powers of attorney from the demo citizen and one more citizen.
    await page.goto('/login');
    await page.getByRole('button', { name: `Log ind som ${demo.persona('relative')}`, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/login/fuldmagt');
    await page.getByRole('heading', { level: 1, name: 'Vælg, hvis plan du vil se' }).waitFor();
    const choices = page.getByRole('list', { name: 'Borgere, du har fuldmagt fra' }).getByRole('listitem');
    await expect.poll(() => choices.count()).toBe(2);
    await page.getByText('Fuldmagten gælder til og med').waitFor();
    await expectAccessible(page, 'delegation choice (da)');
    const citizen = demo.persona('citizen');
    await page.getByRole('button', { name: `Vælg ${citizen}` }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page
      .getByRole('heading', { level: 1, name: new RegExp(citizen.split(' ')[0] ?? citizen) })
      .waitFor();
    // Switch to the other citizen: back to the choice, where the current one is marked.
    await page.getByRole('link', { name: 'Skift borger' }).click();
    await page.getByText('Du handler for denne borger nu.').waitFor();
    const other = choices.filter({ hasNot: page.getByText('Du handler for denne borger nu.') });
    const otherName = ((await other.getByRole('heading').textContent()) ?? '').trim();
    await other.getByRole('button', { name: `Vælg ${otherName}` }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page
      .getByRole('heading', { level: 1, name: new RegExp(otherName.split(' ')[0] ?? otherName) })
      .waitFor();
    await page.getByRole('link', { name: 'Skift borger' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose whose plan to see' }).waitFor();
    await expectAccessible(page, 'delegation choice (en)');
    await context.close();
  });
});
