import { describe, expect, it } from 'vitest';
import { expectAccessible, expectNoSidewaysScroll } from './support/browser.js';
import { setUpDemoSession } from './support/demo-session.js';
import { followNavLink } from './support/navigation.js';

const demo = setUpDemoSession();

describe('the team leader', () => {
  it("starts on the unit's overview: caseloads, workload per professional and the most flagged citizens", async () => {
    const page = await demo.loginAs('team-leader');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/min-enhed');
    await page.getByRole('heading', { level: 1, name: 'Min enhed' }).waitFor();
    const workload = page.getByRole('table', { name: /^Medarbejdere i / });
    await workload.waitFor();
    expect(await workload.getByRole('row').count()).toBeGreaterThan(2);
    const flagged = page.getByRole('table', { name: 'Borgere med flest åbne signaler' });
    await flagged.waitFor();
    expect(await flagged.getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'unit overview');

    // From the most flagged list straight into a plan.
    await flagged.getByRole('rowheader').first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Plan for / }).waitFor();
    await expectAccessible(page, 'plan from the unit overview');
    await page.context().close();
  });

  it('is usable on a 360 px phone and in English', async () => {
    const page = await demo.loginAs('team-leader', {
      width: 360,
      height: 780,
    });
    await page.getByRole('heading', { level: 1, name: 'Min enhed' }).waitFor();
    await expectNoSidewaysScroll(page, '360 px');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My unit' }).waitFor();
    await expectAccessible(page, 'unit overview, 360 px, English');
    await followNavLink(page, 'My day');
    await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
    await expectAccessible(page, 'my day, 360 px, English');
    await page.context().close();
  });
});
