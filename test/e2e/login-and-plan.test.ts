import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';

const demo = setUpDemoSession();

describe('the first journey', () => {
  it('logs in as the jobcenter caseworker, finds a citizen and reads the plan', async () => {
    const caseworker = demo.persona('jobcenter-caseworker');
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(demo.server.url);
    await expect.poll(() => page.url()).toContain('/login');
    await expectAccessible(page, 'login');
    await page.getByRole('button', { name: `Log ind som ${caseworker}`, exact: true }).click();
    // The caseload is one click away from wherever a professional lands.
    await page.getByRole('navigation').getByRole('link', { name: 'Mine borgere', exact: true }).click();

    // The persona citizen of the synthetic municipality has a plan across several sectors.
    const citizen = page.getByRole('link', { name: /Eksempelsen/ }).first();
    await citizen.waitFor();
    await expectAccessible(page, 'caseload');
    await citizen.click();
    await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    await page.getByRole('heading', { name: 'Borgerens mål' }).waitFor();
    await expectAccessible(page, 'plan');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/-xxxx/);
    // No CPR number ever travels in a URL.
    expect(requested.filter((url) => /\d{6}-?\d{4}/.test(decodeURIComponent(url)))).toEqual([]);
    await context.close();
  });

  it("shows the citizen their own plan and nobody else's", async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/login`);
    await page.getByRole('button', { name: `Log ind som ${demo.persona('citizen')}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mit forløb' }).waitFor();
    await page.getByRole('link', { name: 'Se hele planen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min plan' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.kind).toBe('citizen');
    const caseload = await page.evaluate(async () => (await fetch('/api/citizens')).status);
    expect(caseload).toBe(403);
    await expectAccessible(page, 'citizen plan');
    await context.close();
  });
});
